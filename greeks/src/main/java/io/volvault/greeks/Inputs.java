package io.volvault.greeks;

/** Input checks shared by the option records, the batch API and implied vol. */
final class Inputs {

    private Inputs() {}

    static void positive(String field, double value) {
        if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(field + " must be positive and finite, got " + value);
        }
    }

    static void nonNegative(String field, double value) {
        if (!(value >= 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(field + " must be zero or positive and finite, got " + value);
        }
    }

    static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    static void positive(String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0.0) || values[i] == Double.POSITIVE_INFINITY) {
                positive(field + "[" + i + "]", values[i]);
            }
        }
    }

    static void nonNegative(String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0.0) || values[i] == Double.POSITIVE_INFINITY) {
                nonNegative(field + "[" + i + "]", values[i]);
            }
        }
    }

    static void finite(String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                finite(field + "[" + i + "]", values[i]);
            }
        }
    }

    static void sameLength(int expected, String field, Object array, int length) {
        present(field, array);
        if (length != expected) {
            throw new IllegalArgumentException(field + " has " + length + " entries, expected " + expected);
        }
    }
}
