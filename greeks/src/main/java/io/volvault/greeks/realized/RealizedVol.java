package io.volvault.greeks.realized;

import java.util.Arrays;

/**
 * Rolling realized-volatility estimators over OHLC bars, annualised by a stated number of bars per
 * year (365 for daily crypto bars, 8760 for hourly).
 *
 * <p>Apart from EWMA (a recursion), every estimator is a per-bar variance averaged over the last
 * {@code window} bars, so each series is computed in O(n) with running sums whatever the window. Value {@code i} only uses
 * bars {@code 0..i}. With {@code o, h, l, c} the logs of open, high, low, close of bar t:
 * <ul>
 *   <li>close-to-close: sample variance (n - 1) of {@code r_t = c_t - c_(t-1)} over the window;
 *       first valid at {@code window} (needs window + 1 closes);</li>
 *   <li>Parkinson: mean of {@code (h - l)^2 / (4 ln 2)}; first valid at {@code window - 1};</li>
 *   <li>Garman-Klass: mean of {@code (h - l)^2 / 2 - (2 ln 2 - 1)(c - o)^2}; first valid at
 *       {@code window - 1};</li>
 *   <li>Rogers-Satchell: mean of {@code (h - c)(h - o) + (l - c)(l - o)}; first valid at
 *       {@code window - 1};</li>
 *   <li>Yang-Zhang: {@code V_overnight + k V_open-close + (1 - k) V_RS} with the two sample
 *       variances (n - 1) of {@code o_t - c_(t-1)} and {@code c_t - o_t}, the Rogers-Satchell mean,
 *       and {@code k = 0.34 / (1.34 + (window + 1) / (window - 1))}; first valid at {@code window};</li>
 *   <li>EWMA: see {@link #rolling} and {@link #ewma}.</li>
 * </ul>
 */
public final class RealizedVol {

    private static final double LN2 = Math.log(2.0);

    private RealizedVol() {
    }

    /**
     * The rolling estimator {@code estimator} over {@code window} bars.
     *
     * <p>For {@link Estimator#EWMA} the window sets the decay {@code lambda = (window - 1) /
     * (window + 1)}, the decay whose weights have the same mean age, (window - 1) / 2 bars, as an
     * equal-weighted window of {@code window} returns (pandas' "span"). The recursion is seeded at
     * bar {@code window} with the mean squared return of the first {@code window} returns, so EWMA
     * becomes valid at the same bar as close-to-close.
     */
    public static VolSeries rolling(Estimator estimator, PriceBars bars, int window, double periodsPerYear) {
        requireBars(bars);
        requirePeriodsPerYear(periodsPerYear);
        // A sample variance needs two values; EWMA's span decay is 0 (no memory) at window 1.
        int minimum = estimator == Estimator.PARKINSON || estimator == Estimator.GARMAN_KLASS
            || estimator == Estimator.ROGERS_SATCHELL ? 1 : 2;
        if (window < minimum) {
            throw new IllegalArgumentException("window = " + window + " is too small for "
                + estimator.cliName() + ": need at least " + minimum);
        }
        double[] variance = switch (estimator) {
            case CLOSE_TO_CLOSE -> shiftedByOne(rollingSampleVariance(bars.logReturns(), window));
            case EWMA -> ewmaVariance(bars, (window - 1.0) / (window + 1.0), window);
            case PARKINSON -> rollingMean(parkinsonTerms(bars), window);
            case GARMAN_KLASS -> rollingMean(garmanKlassTerms(bars), window);
            case ROGERS_SATCHELL -> rollingMean(rogersSatchellTerms(bars), window);
            case YANG_ZHANG -> yangZhangVariance(bars, window);
        };
        int firstIndex = switch (estimator) {
            case PARKINSON, GARMAN_KLASS, ROGERS_SATCHELL -> window - 1;
            case CLOSE_TO_CLOSE, EWMA, YANG_ZHANG -> window;
        };
        return annualised(variance, firstIndex, periodsPerYear);
    }

    /**
     * RiskMetrics EWMA volatility with decay {@code lambda}:
     * {@code s2_t = lambda s2_(t-1) + (1 - lambda) r_t^2} over close-to-close log returns, seeded
     * with the first squared return ({@code s2_1 = r_1^2}), so valid from bar 1; early values lean
     * on that single seed until about {@code 1 / (1 - lambda)} bars have passed.
     */
    public static VolSeries ewma(PriceBars bars, double lambda, double periodsPerYear) {
        requireBars(bars);
        requirePeriodsPerYear(periodsPerYear);
        if (!(lambda > 0.0 && lambda < 1.0)) {
            throw new IllegalArgumentException("lambda = " + lambda + " must be in (0, 1)");
        }
        return annualised(ewmaVariance(bars, lambda, 1), 1, periodsPerYear);
    }

    /** The EWMA decay whose weights halve every {@code halfLifeBars} bars: 0.5^(1 / halfLife). */
    public static double lambdaFromHalfLife(double halfLifeBars) {
        if (!(halfLifeBars > 0.0) || !Double.isFinite(halfLifeBars)) {
            throw new IllegalArgumentException("halfLifeBars = " + halfLifeBars + " must be positive and finite");
        }
        return Math.exp(-LN2 / halfLifeBars);
    }

    /** Per-bar EWMA variance; index t < seedReturns is NaN, t = seedReturns holds the seed. */
    private static double[] ewmaVariance(PriceBars bars, double lambda, int seedReturns) {
        double[] variance = nanArray(bars.size());
        if (bars.size() <= seedReturns) {
            return variance;
        }
        double seed = 0.0;
        for (int t = 1; t <= seedReturns; t++) {
            double r = bars.logReturn(t);
            seed += r * r;
        }
        variance[seedReturns] = seed / seedReturns;
        for (int t = seedReturns + 1; t < bars.size(); t++) {
            double r = bars.logReturn(t);
            variance[t] = lambda * variance[t - 1] + (1.0 - lambda) * r * r;
        }
        return variance;
    }

    private static double[] yangZhangVariance(PriceBars bars, int window) {
        int n = bars.size();
        double[] overnight = new double[Math.max(0, n - 1)];
        double[] openToClose = new double[overnight.length];
        for (int t = 1; t < n; t++) {
            overnight[t - 1] = Math.log(bars.open()[t] / bars.close()[t - 1]);
            openToClose[t - 1] = Math.log(bars.close()[t] / bars.open()[t]);
        }
        double[] overnightVariance = shiftedByOne(rollingSampleVariance(overnight, window));
        double[] openToCloseVariance = shiftedByOne(rollingSampleVariance(openToClose, window));
        double[] rogersSatchell = rollingMean(rogersSatchellTerms(bars), window);
        double k = 0.34 / (1.34 + (window + 1.0) / (window - 1.0));
        double[] variance = nanArray(n);
        for (int t = window; t < n; t++) {
            variance[t] = overnightVariance[t] + k * openToCloseVariance[t] + (1.0 - k) * rogersSatchell[t];
        }
        return variance;
    }

    private static double[] parkinsonTerms(PriceBars bars) {
        double[] terms = new double[bars.size()];
        for (int t = 0; t < terms.length; t++) {
            double range = Math.log(bars.high()[t] / bars.low()[t]);
            terms[t] = range * range / (4.0 * LN2);
        }
        return terms;
    }

    private static double[] garmanKlassTerms(PriceBars bars) {
        double[] terms = new double[bars.size()];
        for (int t = 0; t < terms.length; t++) {
            double range = Math.log(bars.high()[t] / bars.low()[t]);
            double body = Math.log(bars.close()[t] / bars.open()[t]);
            terms[t] = 0.5 * range * range - (2.0 * LN2 - 1.0) * body * body;
        }
        return terms;
    }

    private static double[] rogersSatchellTerms(PriceBars bars) {
        double[] terms = new double[bars.size()];
        for (int t = 0; t < terms.length; t++) {
            double o = bars.open()[t];
            double h = bars.high()[t];
            double l = bars.low()[t];
            double c = bars.close()[t];
            terms[t] = Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);
        }
        return terms;
    }

    /**
     * Mean of {@code terms[t-window+1..t]} at every t >= window - 1 (NaN before), from prefix sums.
     * The terms are non-negative, so the prefix sums never decrease and no window mean can come
     * out negative from rounding.
     */
    private static double[] rollingMean(double[] terms, int window) {
        double[] prefix = new double[terms.length + 1];
        for (int t = 0; t < terms.length; t++) {
            prefix[t + 1] = prefix[t] + terms[t];
        }
        double[] mean = nanArray(terms.length);
        for (int t = window - 1; t < terms.length; t++) {
            mean[t] = (prefix[t + 1] - prefix[t + 1 - window]) / window;
        }
        return mean;
    }

    /**
     * Sample variance (n - 1 divisor) of {@code x[t-window+1..t]} at every t >= window - 1 (NaN
     * before), by Welford's update slid along the series: one value in, one out, no cancellation
     * of large sums.
     */
    private static double[] rollingSampleVariance(double[] x, int window) {
        double[] variance = nanArray(x.length);
        if (x.length < window) {
            return variance;
        }
        double mean = 0.0;
        double sumSquaredDeviations = 0.0;
        for (int t = 0; t < window; t++) {
            double delta = x[t] - mean;
            mean += delta / (t + 1);
            sumSquaredDeviations += delta * (x[t] - mean);
        }
        variance[window - 1] = sumSquaredDeviations / (window - 1);
        for (int t = window; t < x.length; t++) {
            double in = x[t];
            double out = x[t - window];
            double previousMean = mean;
            mean += (in - out) / window;
            sumSquaredDeviations += (in - out) * (in - mean + out - previousMean);
            // Rounding can push a (near) zero sum a hair below zero; a variance cannot be negative.
            variance[t] = Math.max(0.0, sumSquaredDeviations) / (window - 1);
        }
        return variance;
    }

    /** Re-aligns a series over returns (element j = return into bar j + 1) with the bars. */
    private static double[] shiftedByOne(double[] overReturns) {
        double[] overBars = nanArray(overReturns.length + 1);
        System.arraycopy(overReturns, 0, overBars, 1, overReturns.length);
        return overBars;
    }

    private static VolSeries annualised(double[] variance, int firstIndex, double periodsPerYear) {
        double[] vol = nanArray(variance.length);
        for (int t = firstIndex; t < variance.length; t++) {
            vol[t] = Math.sqrt(variance[t] * periodsPerYear);
        }
        return new VolSeries(Math.min(firstIndex, variance.length), vol);
    }

    private static double[] nanArray(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    private static void requireBars(PriceBars bars) {
        if (bars == null) {
            throw new IllegalArgumentException("bars is missing (null)");
        }
    }

    private static void requirePeriodsPerYear(double periodsPerYear) {
        if (!(periodsPerYear > 0.0) || !Double.isFinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear = " + periodsPerYear + " must be positive and finite");
        }
    }
}
