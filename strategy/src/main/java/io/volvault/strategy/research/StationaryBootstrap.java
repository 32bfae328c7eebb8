package io.volvault.strategy.research;

import io.volvault.strategy.backtest.Performance;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The stationary bootstrap of Politis and Romano (1994) for a series of per-bar returns: a resample
 * is a chain of blocks that start at uniform random bars and have geometric lengths of mean
 * {@code meanBlock}, wrapping around the end of the sample. It keeps the short-range dependence
 * that an i.i.d. bootstrap destroys (volatility clusters, autocorrelated strategy returns).
 *
 * <p>The mean block length comes from {@link #automaticBlockLength}: Politis and White (2004) with
 * the correction of Patton, Politis and White (2009).
 */
public final class StationaryBootstrap {

    private StationaryBootstrap() {}

    /**
     * Indices of one resample of length {@code n}: each next index is the previous one plus 1
     * (mod n) with probability {@code 1 - 1/meanBlock}, else a fresh uniform index.
     */
    public static int[] resampleIndices(int n, double meanBlock, SplittableRandom rng) {
        if (n < 1) {
            throw new IllegalArgumentException("series length " + n + " must be at least 1");
        }
        if (!(meanBlock >= 1)) {
            throw new IllegalArgumentException("mean block length " + meanBlock + " must be at least 1");
        }
        double restart = 1 / meanBlock;
        int[] idx = new int[n];
        idx[0] = rng.nextInt(n);
        for (int t = 1; t < n; t++) {
            idx[t] = rng.nextDouble() < restart ? rng.nextInt(n) : (idx[t - 1] + 1) % n;
        }
        return idx;
    }

    /**
     * The optimal mean block length of the stationary bootstrap for the sample mean of {@code x}:
     * {@code (2 G^2 / D)^(1/3) n^(1/3)} with {@code G = sum |k| R(k)} and
     * {@code D = 2 (sum R(k))^2}, both sums over a flat-top lag window of half-width M chosen from
     * the first run of {@code K_n} insignificant autocorrelations; capped at
     * {@code ceil(min(3 sqrt(n), n / 3))}.
     */
    public static double automaticBlockLength(double[] x) {
        int n = x.length;
        if (n < 9) {
            throw new IllegalArgumentException("automatic block length needs at least 9 observations, got " + n);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            eps[i] = x[i] - mean;
        }
        double bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3.0));
        int kn = Math.max(5, (int) Math.ceil(Math.sqrt(Math.log10(n))));
        int mMax = (int) Math.ceil(Math.sqrt(n)) + kn;
        double critical = 2 * Math.sqrt(Math.log10(n) / n);
        double[] acv = new double[mMax + 1];
        boolean[] insignificant = new boolean[mMax + 1];
        for (int k = 0; k <= mMax; k++) {
            double cross = 0;
            for (int t = k; t < n; t++) {
                cross += eps[t] * eps[t - k];
            }
            acv[k] = cross / n;
            if (k > 0) {
                insignificant[k] = Math.abs(lagCorrelation(x, k)) < critical;
            }
        }
        // m-hat: the first lag that starts K_n insignificant autocorrelations in a row.
        int mHat = mMax;
        for (int m = 1; m + kn - 1 <= mMax; m++) {
            boolean run = true;
            for (int j = m; j < m + kn; j++) {
                run &= insignificant[j];
            }
            if (run) {
                mHat = m;
                break;
            }
        }
        int bigM = Math.min(2 * mHat, mMax);
        double g = 0;
        double longRun = acv[0];
        for (int k = 1; k <= bigM; k++) {
            double t = (double) k / bigM;
            double lambda = t <= 0.5 ? 1 : 2 * (1 - t);
            g += 2 * lambda * k * acv[k];
            longRun += 2 * lambda * acv[k];
        }
        if (!(longRun > 0)) {
            throw new IllegalArgumentException("the estimated long-run variance of the series is " + longRun
                + " (a constant or strongly alternating series): no block length to choose");
        }
        double d = 2 * longRun * longRun;
        double b = Math.cbrt(2 * g * g / d) * Math.cbrt(n);
        return Math.min(Math.max(b, 1), bMax);
    }

    /** Pearson correlation of (x[0 .. n-k-1], x[k .. n-1]), each part about its own mean. */
    static double lagCorrelation(double[] x, int k) {
        int m = x.length - k;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < m; i++) {
            ma += x[i];
            mb += x[i + k];
        }
        ma /= m;
        mb /= m;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < m; i++) {
            double a = x[i] - ma;
            double b = x[i + k] - mb;
            sab += a * b;
            saa += a * a;
            sbb += b * b;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }

    /** A two-sided percentile interval around the sample's own value. */
    public record Interval(double estimate, double lower, double upper) {}

    /**
     * Percentile intervals for the annual figures of a return series.
     *
     * @param blockLength the mean block length used
     * @param resamples the number of bootstrap resamples
     * @param level the two-sided coverage (e.g. 0.95)
     */
    public record Intervals(Interval cagr, Interval vol, Interval sharpe, Interval maxDrawdown,
                            double blockLength, int resamples, double level) {}

    /**
     * Bootstrap intervals for CAGR, annualised vol, Sharpe (rate 0) and max drawdown of the NAV that
     * {@code returns} compound to. CAGR counts {@code returns.length / periodsPerYear} years; vol is
     * the sample standard deviation x sqrt(periodsPerYear), as in
     * {@link io.volvault.strategy.backtest.Performance}. Percentiles are R's type 7.
     *
     * @param meanBlock mean block length; NaN for the larger of {@link #automaticBlockLength} of the
     *                  returns and of the squared returns (the Politis-White length is tuned for the
     *                  mean; vol and drawdown also depend on volatility clustering)
     */
    public static Intervals intervals(double[] returns, double periodsPerYear, double meanBlock, int resamples,
                                      double level, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples " + resamples + " must be at least 100");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " must lie in (0, 1)");
        }
        double block = meanBlock;
        if (Double.isNaN(meanBlock)) {
            double[] squared = new double[returns.length];
            for (int t = 0; t < returns.length; t++) {
                squared[t] = returns[t] * returns[t];
            }
            block = Math.max(automaticBlockLength(returns), automaticBlockLength(squared));
        }
        double[] point = annualFigures(returns, periodsPerYear);
        double[][] draws = new double[4][resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] resampled = new double[returns.length];
        for (int b = 0; b < resamples; b++) {
            int[] idx = resampleIndices(returns.length, block, rng);
            for (int t = 0; t < idx.length; t++) {
                resampled[t] = returns[idx[t]];
            }
            double[] f = annualFigures(resampled, periodsPerYear);
            for (int s = 0; s < 4; s++) {
                draws[s][b] = f[s];
            }
        }
        Interval[] out = new Interval[4];
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (int s = 0; s < 4; s++) {
            p.setData(draws[s]);
            out[s] = new Interval(point[s], p.evaluate(50 * (1 - level)), p.evaluate(50 * (1 + level)));
        }
        return new Intervals(out[0], out[1], out[2], out[3], block, resamples, level);
    }

    /** {CAGR, vol, Sharpe, max drawdown} of a return series: the estimates {@link #intervals} gives. */
    public static double[] annualFigures(double[] r, double periodsPerYear) {
        int n = r.length;
        double[] nav = new double[n + 1];
        nav[0] = 1;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            nav[t + 1] = nav[t] * (1 + r[t]);
            sum += r[t];
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : r) {
            ss += (v - mean) * (v - mean);
        }
        double vol = Math.sqrt(ss / (n - 1) * periodsPerYear);
        double cagr = Math.pow(nav[n], periodsPerYear / n) - 1;
        double sharpe = vol > 0 ? mean * periodsPerYear / vol : 0;
        return new double[] {cagr, vol, sharpe, Performance.maxDrawdown(nav)};
    }
}
