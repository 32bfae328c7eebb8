package io.volvault.strategy.allocation;

/**
 * Closes of several assets on common bars, oldest first.
 *
 * @param names one name per asset, used in strategy names and reports
 * @param epochSeconds the bars' times, strictly increasing
 * @param close close[asset][bar]
 * @param periodsPerYear bars per year (365 for daily crypto bars)
 */
public record AssetCloses(String[] names, long[] epochSeconds, double[][] close, double periodsPerYear) {

    public AssetCloses {
        if (names.length < 2 || close.length != names.length) {
            throw new IllegalArgumentException("an allocation needs at least 2 assets with one close series each, got "
                + names.length + " names and " + close.length + " series");
        }
        for (int b = 1; b < epochSeconds.length; b++) {
            if (epochSeconds[b] <= epochSeconds[b - 1]) {
                throw new IllegalArgumentException("bar " + b + " time " + epochSeconds[b]
                    + " is not after bar " + (b - 1) + ": bars must be oldest first without duplicates");
            }
        }
        for (int a = 0; a < close.length; a++) {
            if (close[a].length != epochSeconds.length) {
                throw new IllegalArgumentException(names[a] + " has " + close[a].length + " closes for "
                    + epochSeconds.length + " bars");
            }
            for (int b = 0; b < close[a].length; b++) {
                if (!(close[a][b] > 0)) {
                    throw new IllegalArgumentException(names[a] + " close at bar " + b + " must be positive, got "
                        + close[a][b]);
                }
            }
        }
    }

    public int assets() {
        return names.length;
    }

    public int size() {
        return epochSeconds.length;
    }

    /**
     * The annualised sample covariance of log returns over the {@code window} returns ending at
     * {@code bar} (returns into bars {@code bar - window + 1 .. bar}): only closes at or before
     * {@code bar} enter it, so a decision at that close sees no later price.
     */
    public double[][] trailingCovariance(int bar, int window) {
        if (window < 2 || bar < window || bar >= size()) {
            throw new IllegalArgumentException("covariance window " + window + " ending at bar " + bar
                + " needs bars " + (bar - window) + " .. " + bar + " within [0, " + size() + ")");
        }
        int n = assets();
        double[][] r = new double[n][window];
        double[] mean = new double[n];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < window; k++) {
                int b = bar - window + 1 + k;
                r[a][k] = Math.log(close[a][b] / close[a][b - 1]);
                mean[a] += r[a][k] / window;
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k < window; k++) {
                    sum += (r[i][k] - mean[i]) * (r[j][k] - mean[j]);
                }
                cov[i][j] = sum / (window - 1) * periodsPerYear;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }
}
