package io.volvault.strategy.market;

import io.volvault.greeks.realized.PriceBars;

/**
 * The forecast's calibration by its level: variance reverts toward its long-run level faster than an
 * EWMA does, so a raw forecast far below the long-run vol under-forecasts and one far above it
 * over-forecasts. Over the trailing calibration window it fits
 *
 * <p>{@code y_j = alpha + beta u_j},  with {@code y_j = r_j^2 x bars per year / raw_{j-1}^2} and
 * {@code u_j = longRun_{j-1} / raw_{j-1}^2},
 *
 * <p>and forecasts raw_i x sqrt(alpha + beta u_i), that is the variance alpha raw^2 + beta longRun: a blend of
 * the short and the long-run variance (GARCH's forecast has this form), with its weights fitted. Dividing
 * r^2 = alpha raw^2 + beta longRun by raw^2 is least squares weighted by 1 / raw^4, the inverse of
 * the variance of r^2 at vol raw, so calm and wild bars count alike. With beta = 0 it is the single
 * trailing factor mean(y) ({@link VolInputs#standardizedMoments}). Both weights are kept non-negative
 * (a forecast that moves away from the long-run level, or a negative variance, is no correction).
 */
final class LevelCalibration {

    private LevelCalibration() {}

    /** The fitted variance multiplier alpha + beta u. */
    record Fit(double alpha, double beta) {

        /** No correction: the multiplier 1. */
        static final Fit NONE = new Fit(1, 0);

        double multiplier(double u) {
            return alpha + beta * u;
        }

        /**
         * Least squares of y on u with an intercept over {@code n} pairs given by their sums, both
         * weights non-negative: the unconstrained fit where it is so, else the better of the two
         * one-weight fits (beta = 0: alpha = mean y; alpha = 0: beta = sum(uy) / sum(uu)), whose residual
         * sums of squares are sum(yy) - sum(y)^2 / n and sum(yy) - sum(uy)^2 / sum(uu). {@link #NONE}
         * while fewer than {@code minCount} pairs are known or y is all zero (flat prices say nothing).
         */
        static Fit of(int n, double su, double sy, double suu, double suy, int minCount) {
            if (n < minCount || !(sy > 0)) {
                return NONE;
            }
            double det = n * suu - su * su;
            if (!(det > 0)) {
                // Every u the same: the level says nothing, the fit is the mean.
                return new Fit(sy / n, 0);
            }
            double beta = (n * suy - su * sy) / det;
            double alpha = (sy - beta * su) / n;
            if (alpha >= 0 && beta >= 0) {
                return new Fit(alpha, beta);
            }
            return sy * sy / n >= suy * suy / suu ? new Fit(sy / n, 0) : new Fit(0, suy / suu);
        }
    }

    /**
     * The long-run variance at each bar: the mean annualised squared return (r_j^2 x bars per year)
     * over the trailing {@code window} bars j <= i; NaN until {@code minCount} returns are known.
     */
    static double[] longRunVariance(PriceBars bars, int window, int minCount, double periodsPerYear) {
        int n = bars.size();
        double[] a2 = new double[n];
        for (int j = 1; j < n; j++) {
            double r = bars.logReturn(j);
            a2[j] = r * r * periodsPerYear;
        }
        double[] v = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a2[i];
            int leaving = i - window;
            if (leaving >= 1) {
                s -= a2[leaving];
            }
            v[i] = Math.min(i, window) >= minCount ? s / Math.min(i, window) : Double.NaN;
        }
        return v;
    }

    /**
     * The variance multiplier at each bar: the fit over the pairs j of the trailing {@code window}
     * bars j <= i whose raw forecast and long-run variance of bar j - 1 are known, applied at u_i;
     * 1 where no fit or no u_i is known. Uses nothing after bar i.
     */
    static double[] multipliers(PriceBars bars, double[] raw, double[] longRun, int window, int minCount,
                                double periodsPerYear) {
        int n = raw.length;
        double[] u = new double[n];
        double[] y = new double[n];
        boolean[] known = new boolean[n];
        for (int j = 1; j < n; j++) {
            double v = raw[j - 1] * raw[j - 1];
            known[j] = v > 0 && longRun[j - 1] >= 0;
            if (known[j]) {
                double r = bars.logReturn(j);
                y[j] = r * r * periodsPerYear / v;
                u[j] = longRun[j - 1] / v;
            }
        }
        double[] m = new double[n];
        java.util.Arrays.fill(m, 1);
        double su = 0;
        double sy = 0;
        double suu = 0;
        double suy = 0;
        int count = 0;
        for (int i = 1; i < n; i++) {
            if (known[i]) {
                su += u[i];
                sy += y[i];
                suu += u[i] * u[i];
                suy += u[i] * y[i];
                count++;
            }
            int leaving = i - window;
            if (leaving >= 1 && known[leaving]) {
                su -= u[leaving];
                sy -= y[leaving];
                suu -= u[leaving] * u[leaving];
                suy -= u[leaving] * y[leaving];
                count--;
            }
            double now = raw[i] * raw[i];
            if (now > 0 && longRun[i] >= 0) {
                m[i] = Fit.of(count, su, sy, suu, suy, minCount).multiplier(longRun[i] / now);
            }
        }
        return m;
    }
}
