package io.volvault.strategy.research;

/**
 * What a set of trials (configurations run over the same bars) says about the pick among them:
 * the Deflated Sharpe Ratio of the picked trial with the number of trials and the dispersion of
 * their Sharpe ratios, and the probability of backtest overfitting of the selection by CSCV.
 *
 * @param trials the number of configurations
 * @param observations returns per configuration
 * @param pickedSharpe the pick's Sharpe ratio per bar
 * @param sharpeVariance the variance (sample, n - 1) of the trials' Sharpe ratios per bar
 * @param skewness the pick's return skewness (population moment)
 * @param kurtosis the pick's return kurtosis (population moment, 3 for a normal)
 * @param expectedMaxSharpe the largest per-bar Sharpe ratio expected of {@code trials} unskilled trials
 * @param deflatedSharpe P(the pick's true Sharpe ratio exceeds {@code expectedMaxSharpe})
 * @param pbo the probability of backtest overfitting, CSCV with {@code splits} blocks
 * @param splits the CSCV blocks
 */
public record ManyTrials(int trials, int observations, double pickedSharpe, double sharpeVariance, double skewness,
                         double kurtosis, double expectedMaxSharpe, double deflatedSharpe, double pbo, int splits) {

    /**
     * @param navs {@code navs[n][t]}: trial n's NAV at bar t, all over the same bars
     * @param picked index of the picked trial
     */
    public static ManyTrials of(double[][] navs, int picked, int splits) {
        int n = navs.length;
        if (n < 2) {
            throw new IllegalArgumentException("statistics of many trials need at least 2 configurations, got " + n);
        }
        int t = navs[0].length - 1;
        double[][] byBar = new double[t][n];
        double[] sharpe = new double[n];
        for (int c = 0; c < n; c++) {
            if (navs[c].length != t + 1) {
                throw new IllegalArgumentException("trial " + c + " has " + navs[c].length + " bars, trial 0 has " + (t + 1));
            }
            double[] r = new double[t];
            for (int i = 0; i < t; i++) {
                r[i] = navs[c][i + 1] / navs[c][i] - 1;
                byBar[i][c] = r[i];
            }
            sharpe[c] = WalkForward.sharpe(r, 1);
        }
        double mean = 0;
        for (double s : sharpe) {
            mean += s;
        }
        mean /= n;
        double variance = 0;
        for (double s : sharpe) {
            variance += (s - mean) * (s - mean);
        }
        variance /= n - 1;
        if (picked < 0 || picked >= n) {
            throw new IllegalArgumentException("picked trial " + picked + " is not one of the " + n + " trials");
        }
        double[] r = column(byBar, picked);
        double m = 0;
        for (double v : r) {
            m += v;
        }
        m /= t;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : r) {
            double d = v - m;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= t;
        m3 /= t;
        m4 /= t;
        double skew = m3 / Math.pow(m2, 1.5);
        double kurt = m4 / (m2 * m2);
        double bar = DeflatedSharpe.expectedMaxSharpe(variance, n);
        double dsr = DeflatedSharpe.probabilisticSharpe(sharpe[picked], bar, t, skew, kurt);
        return new ManyTrials(n, t, sharpe[picked], variance, skew, kurt, bar, dsr, Cscv.pbo(byBar, splits).probability(),
            splits);
    }

    private static double[] column(double[][] m, int c) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][c];
        }
        return out;
    }
}
