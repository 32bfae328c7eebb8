package io.volvault.greeks.realized;

/**
 * A realized-volatility series aligned with the bars it came from: {@code values[i]} is the
 * annualised volatility estimated from bars {@code 0..i} only (no look-ahead). The first
 * {@code firstIndex} entries have too little history and hold NaN; {@link #at} refuses them.
 */
public record VolSeries(int firstIndex, double[] values) {

    public VolSeries {
        if (values == null) {
            throw new IllegalArgumentException("values is missing (null)");
        }
        if (firstIndex < 0) {
            throw new IllegalArgumentException("firstIndex = " + firstIndex + " is negative");
        }
    }

    public int size() {
        return values.length;
    }

    /** True when the series has at least one valid value. */
    public boolean hasValues() {
        return firstIndex < values.length;
    }

    /** The annualised volatility at bar {@code i}, for {@code firstIndex <= i < size()}. */
    public double at(int i) {
        if (i < firstIndex || i >= values.length) {
            throw new IllegalArgumentException("index " + i + " is outside the valid range ["
                + firstIndex + ", " + (values.length - 1) + "] of this volatility series");
        }
        return values[i];
    }

    /** The most recent value. */
    public double last() {
        return at(values.length - 1);
    }
}
