package io.volvault.strategy.backtest;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.market.MarketHistory;

/** A hand-made history for backtester tests: one bar a day, closes only, no vol-of-vol, correlation or kurtosis. */
final class DailyHistory {

    private static final long DAY = 86_400;

    private DailyHistory() {
    }

    /** Bars at t0, t0 + 1 day, ... closing at {@code close}, with each bar's forecast and implied vol (none a proxy). */
    static MarketHistory of(long t0, double[] close, double[] forecast, double[] implied, double rate) {
        int n = close.length;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + i * DAY;
        }
        return new MarketHistory(PriceBars.ofCloses(t, close.clone()), 365, forecast, implied, new boolean[n],
            new double[n], new double[n], new double[n], rate);
    }
}
