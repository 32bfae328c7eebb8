package io.volvault.greeks.surface;

/**
 * Raw SVI parameters (Gatheral 2004) of one expiry's total implied variance against log-moneyness
 * {@code k = ln(K / F)}:
 * <pre>
 *   w(k) = a + b (rho (k - m) + sqrt((k - m)^2 + sigma^2))
 * </pre>
 * Validated: {@code b >= 0}, {@code |rho| < 1}, {@code sigma > 0}, and the minimum of w,
 * {@code a + b sigma sqrt(1 - rho^2)}, not negative.
 */
public record SviParams(double a, double b, double rho, double m, double sigma) {

    public SviParams {
        requireFinite("a", a);
        requireFinite("m", m);
        if (!(b >= 0.0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("b = " + b + " must be non-negative and finite");
        }
        if (!(Math.abs(rho) < 1.0)) {
            throw new IllegalArgumentException("rho = " + rho + " must be in (-1, 1)");
        }
        if (!(sigma > 0.0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + " must be positive and finite");
        }
        double minimum = a + b * sigma * Math.sqrt(1.0 - rho * rho);
        if (minimum < 0.0) {
            throw new IllegalArgumentException("a + b sigma sqrt(1 - rho^2) = " + minimum
                + " is negative: total variance would go below zero (a = " + a + ")");
        }
    }

    /** Total implied variance w(k). */
    public double totalVariance(double k) {
        double x = k - m;
        return a + b * (rho * x + Math.sqrt(x * x + sigma * sigma));
    }

    /** dw/dk. */
    public double slope(double k) {
        double x = k - m;
        return b * (rho + x / Math.sqrt(x * x + sigma * sigma));
    }

    /** d2w/dk2. */
    public double curvature(double k) {
        double x = k - m;
        double root = Math.sqrt(x * x + sigma * sigma);
        return b * sigma * sigma / (root * root * root);
    }

    /**
     * Durrleman's condition (Gatheral and Jacquier 2014, eq. 2.1):
     * <pre>
     *   g(k) = (1 - k w' / (2 w))^2 - (w'^2 / 4)(1 / w + 1 / 4) + w'' / 2
     * </pre>
     * The call prices of the slice imply a non-negative density exactly where g(k) >= 0; g < 0 is
     * butterfly arbitrage.
     */
    public double durrlemanG(double k) {
        double w = totalVariance(k);
        double w1 = slope(k);
        double w2 = curvature(k);
        double first = 1.0 - k * w1 / (2.0 * w);
        return first * first - w1 * w1 / 4.0 * (1.0 / w + 0.25) + w2 / 2.0;
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + " must be finite");
        }
    }
}
