package io.volvault.greeks.realized;

import java.util.Arrays;

/**
 * A series of OHLC price bars, oldest first.
 *
 * <p>Validated on construction: all arrays have the same length, times strictly increase, every
 * price is positive and finite, and {@code low <= open, close <= high}. The arrays are copied in,
 * and the accessors hand out that private copy without copying again (the estimators read them in
 * hot loops): treat them as read-only.
 */
public record PriceBars(long[] epochSeconds, double[] open, double[] high, double[] low, double[] close) {

    private static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

    public PriceBars {
        int n = requireNonNull("epochSeconds", epochSeconds).length;
        if (n == 0) {
            throw new IllegalArgumentException("epochSeconds is empty: need at least one bar");
        }
        requireLength("open", open, n);
        requireLength("high", high, n);
        requireLength("low", low, n);
        requireLength("close", close, n);
        epochSeconds = epochSeconds.clone();
        open = open.clone();
        high = high.clone();
        low = low.clone();
        close = close.clone();
        for (int i = 0; i < n; i++) {
            if (i > 0 && epochSeconds[i] <= epochSeconds[i - 1]) {
                throw new IllegalArgumentException("epochSeconds[" + i + "] = " + epochSeconds[i]
                    + " is not after epochSeconds[" + (i - 1) + "] = " + epochSeconds[i - 1]
                    + ": times must strictly increase");
            }
            requirePrice("open", open, i);
            requirePrice("high", high, i);
            requirePrice("low", low, i);
            requirePrice("close", close, i);
            if (low[i] > high[i]) {
                throw new IllegalArgumentException("bar " + i + ": low = " + low[i] + " is above high = " + high[i]);
            }
            requireWithinRange("open", open[i], low[i], high[i], i);
            requireWithinRange("close", close[i], low[i], high[i], i);
        }
    }

    /** Bars that only carry a close (e.g. a daily index): open, high and low all equal the close. */
    public static PriceBars ofCloses(long[] epochSeconds, double[] close) {
        return new PriceBars(epochSeconds, close, close, close, close);
    }

    public int size() {
        return close.length;
    }

    /**
     * Bars per 365-day year implied by the median spacing between bars: 365 for daily bars, 8760
     * for hourly bars (crypto trades around the clock, so a year is 365 full days).
     */
    public double inferredPeriodsPerYear() {
        if (size() < 2) {
            throw new IllegalArgumentException("need at least 2 bars to infer the bar spacing, got " + size());
        }
        long[] gaps = new long[size() - 1];
        for (int i = 1; i < size(); i++) {
            gaps[i - 1] = epochSeconds[i] - epochSeconds[i - 1];
        }
        Arrays.sort(gaps);
        return SECONDS_PER_YEAR / gaps[gaps.length / 2];
    }

    /** Close-to-close log return into bar {@code i}: ln(close[i] / close[i-1]), for i >= 1. */
    public double logReturn(int i) {
        return Math.log(close[i] / close[i - 1]);
    }

    /** All close-to-close log returns: element j is the return into bar j + 1. */
    public double[] logReturns() {
        double[] returns = new double[Math.max(0, size() - 1)];
        for (int i = 1; i < size(); i++) {
            returns[i - 1] = logReturn(i);
        }
        return returns;
    }

    private static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing (null)");
        }
        return value;
    }

    private static void requireLength(String field, double[] values, int expected) {
        if (requireNonNull(field, values).length != expected) {
            throw new IllegalArgumentException(field + " has " + values.length
                + " values but epochSeconds has " + expected);
        }
    }

    private static void requirePrice(String field, double[] values, int i) {
        if (!(values[i] > 0.0) || !Double.isFinite(values[i])) {
            throw new IllegalArgumentException(field + "[" + i + "] = " + values[i]
                + " is not a positive finite price");
        }
    }

    private static void requireWithinRange(String field, double value, double low, double high, int i) {
        if (value < low || value > high) {
            throw new IllegalArgumentException("bar " + i + ": " + field + " = " + value
                + " is outside [low, high] = [" + low + ", " + high + "]");
        }
    }
}
