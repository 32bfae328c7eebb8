package io.volvault.strategy.backtest;

import io.volvault.greeks.realized.PriceBars;

/**
 * How much volatility a book capped at {@code max_leverage} times NAV could have realized over a run:
 * the yardstick for a target the cap makes unreachable. A book whose weight is at most L realizes at
 * most L x the spot's vol at each time, so the best it can do is min(target, L sigma_t) at each bar.
 * sigma_t is measured after the fact, from the returns in a window centred on the bar (the known
 * vol of each month, not a forecast), so this is an upper bound no forecast reaches, not a strategy.
 */
public final class Feasibility {

    /** The centred window's span, in days: a month, the span of the 30-day implied vol. */
    public static final int WINDOW_DAYS = 30;

    private Feasibility() {}

    /**
     * sqrt(mean over the returns of bars (from, to) of min(target^2, L^2 sigma_t^2)), with sigma_t^2 the
     * mean squared log return over bars t - h .. t + h within (from, to), h = window / 2, annualised.
     * Equals the target when the spot's vol is never below target / L.
     *
     * @param from first bar of the run (its return, from the bar before, is not part of it)
     * @param to one past the last bar
     */
    public static double achievableVol(PriceBars bars, int from, int to, double target, double maxLeverage,
                                       int window, double periodsPerYear) {
        if (to - from < 2 || from < 0 || to > bars.size()) {
            throw new IllegalArgumentException("bars [" + from + ", " + to + ") must lie within [0, " + bars.size()
                + ") and hold at least 2 bars");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window " + window + " must be at least 1 bar");
        }
        int n = to - from - 1;
        double[] cumulative = new double[n + 1];
        for (int j = 0; j < n; j++) {
            double r = bars.logReturn(from + 1 + j);
            cumulative[j + 1] = cumulative[j] + r * r;
        }
        int h = window / 2;
        double cap = target * target;
        double reach = maxLeverage * maxLeverage * periodsPerYear;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            int lo = Math.max(0, j - h);
            int hi = Math.min(n, j + h + 1);
            sum += Math.min(cap, reach * (cumulative[hi] - cumulative[lo]) / (hi - lo));
        }
        return Math.sqrt(sum / n);
    }
}
