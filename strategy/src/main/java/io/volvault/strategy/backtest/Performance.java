package io.volvault.strategy.backtest;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** Computes {@link Metrics} from a NAV path. Pure functions over primitive arrays. */
public final class Performance {

    private Performance() {}

    /**
     * @param years length of the path in years (from the bar times)
     * @param targetVol the vol the rolling vol is compared with
     * @param rollingWindowBars window of the rolling vol
     */
    public static Metrics of(BacktestRun run, double years, double periodsPerYear, double targetVol,
                             int rollingWindowBars) {
        double[] nav = run.nav();
        double[] r = returns(nav);
        if (r.length < 2) {
            throw new IllegalArgumentException("need at least 3 bars to measure performance, got " + nav.length);
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(r);
        double vol = stats.getStandardDeviation() * Math.sqrt(periodsPerYear);
        double meanAnnual = stats.getMean() * periodsPerYear;
        double cagr = Math.pow(nav[nav.length - 1] / nav[0], 1 / years) - 1;
        double maxDd = maxDrawdown(nav);
        double[] rolling = rollingVol(r, rollingWindowBars, periodsPerYear);
        double rollingMean = 0;
        double te = 0;
        for (double v : rolling) {
            rollingMean += v;
            te += (v - targetVol) * (v - targetVol);
        }
        rollingMean /= rolling.length;
        te = Math.sqrt(te / rolling.length);
        DescriptiveStatistics rollingStats = new DescriptiveStatistics(rolling);
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(rolling);
        double iqr = p.evaluate(75) - p.evaluate(25);
        double meanNav = Arrays.stream(nav).average().orElseThrow();
        return new Metrics(cagr, vol, rollingMean, te, rollingStats.getStandardDeviation(), iqr,
            meanAnnual / vol, meanAnnual / (downsideDeviation(r) * Math.sqrt(periodsPerYear)),
            maxDd, cagr / maxDd, cvar(r, 0.95), cvar(r, 0.99), stats.getSkewness(), stats.getKurtosis(),
            run.traded() / years / meanNav, run.costs(), run.premium(), nav[nav.length - 1]);
    }

    /** Simple returns nav[i] / nav[i - 1] - 1. */
    public static double[] returns(double[] nav) {
        double[] r = new double[nav.length - 1];
        for (int i = 1; i < nav.length; i++) {
            r[i - 1] = nav[i] / nav[i - 1] - 1;
        }
        return r;
    }

    /** Largest fall from a running peak, as a positive fraction of the peak. */
    public static double maxDrawdown(double[] nav) {
        double peak = nav[0];
        double worst = 0;
        for (double v : nav) {
            peak = Math.max(peak, v);
            worst = Math.max(worst, 1 - v / peak);
        }
        return worst;
    }

    /** Drawdown at each bar, a positive fraction. */
    public static double[] drawdowns(double[] nav) {
        double[] dd = new double[nav.length];
        double peak = nav[0];
        for (int i = 0; i < nav.length; i++) {
            peak = Math.max(peak, nav[i]);
            dd[i] = 1 - nav[i] / peak;
        }
        return dd;
    }

    /**
     * Expected shortfall at {@code level}: minus the mean of the worst ceil(n (1 - level)) returns.
     */
    public static double cvar(double[] returns, double level) {
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        int tail = (int) Math.ceil(sorted.length * (1 - level) - 1e-9);
        tail = Math.max(1, tail);
        double sum = 0;
        for (int i = 0; i < tail; i++) {
            sum += sorted[i];
        }
        return -sum / tail;
    }

    /** sqrt(mean(min(r, 0)^2)) over all returns (the target semideviation at 0). */
    public static double downsideDeviation(double[] returns) {
        double sum = 0;
        for (double v : returns) {
            if (v < 0) {
                sum += v * v;
            }
        }
        return Math.sqrt(sum / returns.length);
    }

    /**
     * Rolling annualised vol: entry j is the sample standard deviation of returns j .. j + window - 1,
     * times sqrt(bars per year).
     */
    public static double[] rollingVol(double[] returns, int window, double periodsPerYear) {
        if (window < 2 || window > returns.length) {
            throw new IllegalArgumentException("rolling window " + window + " must be in [2, " + returns.length + "]");
        }
        double[] out = new double[returns.length - window + 1];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < returns.length; i++) {
            sum += returns[i];
            sumSq += returns[i] * returns[i];
            if (i >= window) {
                sum -= returns[i - window];
                sumSq -= returns[i - window] * returns[i - window];
            }
            if (i >= window - 1) {
                double variance = (sumSq - sum * sum / window) / (window - 1);
                out[i - window + 1] = Math.sqrt(Math.max(0, variance) * periodsPerYear);
            }
        }
        return out;
    }
}
