package io.volvault.strategy.sizing;

/**
 * Risk parity across several assets: inverse-volatility weights, and equal risk contribution
 * (Maillard, Roncalli and Teiletche 2010) from a covariance matrix. Weights sum to one.
 */
public final class RiskParity {

    private RiskParity() {}

    /** w_i proportional to 1 / vol_i. */
    public static double[] inverseVol(double[] vols) {
        double[] w = new double[vols.length];
        double sum = 0;
        for (int i = 0; i < vols.length; i++) {
            if (!(vols[i] > 0)) {
                throw new IllegalArgumentException("vols[" + i + "] must be positive, got " + vols[i]);
            }
            w[i] = 1 / vols[i];
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /**
     * Weights whose risk contributions w_i (Sigma w)_i are all equal. Solved by the cyclical
     * coordinate descent of Griveau-Billion, Richard and Roncalli (2013) on the unnormalised
     * problem x_i (Sigma x)_i = 1 / n, then normalised; it converges for any positive-definite
     * covariance.
     */
    public static double[] equalRiskContribution(double[][] covariance) {
        int n = covariance.length;
        for (int i = 0; i < n; i++) {
            if (covariance[i].length != n) {
                throw new IllegalArgumentException("covariance row " + i + " has " + covariance[i].length
                    + " entries, expected " + n);
            }
            if (!(covariance[i][i] > 0)) {
                throw new IllegalArgumentException("covariance[" + i + "][" + i + "] must be positive, got "
                    + covariance[i][i]);
            }
        }
        double[] x = inverseVol(diagonalVols(covariance));
        double budget = 1.0 / n;
        for (int sweep = 0; sweep < 10_000; sweep++) {
            double maxStep = 0;
            for (int i = 0; i < n; i++) {
                double cross = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        cross += covariance[i][j] * x[j];
                    }
                }
                // x_i solves sigma_ii x^2 + cross x - budget = 0 (the positive root).
                double next = (-cross + Math.sqrt(cross * cross + 4 * covariance[i][i] * budget))
                    / (2 * covariance[i][i]);
                maxStep = Math.max(maxStep, Math.abs(next - x[i]));
                x[i] = next;
            }
            if (maxStep < 1e-14) {
                break;
            }
        }
        double sum = 0;
        for (double xi : x) {
            sum += xi;
        }
        for (int i = 0; i < n; i++) {
            x[i] /= sum;
        }
        return x;
    }

    /** Each asset's share of the portfolio variance, w_i (Sigma w)_i / (w' Sigma w). */
    public static double[] riskContributions(double[] w, double[][] covariance) {
        int n = w.length;
        double[] rc = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double sigmaW = 0;
            for (int j = 0; j < n; j++) {
                sigmaW += covariance[i][j] * w[j];
            }
            rc[i] = w[i] * sigmaW;
            total += rc[i];
        }
        for (int i = 0; i < n; i++) {
            rc[i] /= total;
        }
        return rc;
    }

    private static double[] diagonalVols(double[][] covariance) {
        double[] v = new double[covariance.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sqrt(covariance[i][i]);
        }
        return v;
    }
}
