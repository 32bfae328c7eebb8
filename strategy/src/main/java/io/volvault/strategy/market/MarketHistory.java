package io.volvault.strategy.market;

import io.volvault.greeks.realized.PriceBars;

/**
 * Everything the backtester reads, bar by bar. Entry {@code i} of every array is known at the close
 * of bar {@code i} and uses nothing later.
 *
 * @param bars the price bars (the close is the trading price)
 * @param periodsPerYear bars per year (365 daily, 8760 hourly)
 * @param forecastVol the volatility forecast (NaN while the estimator has too little history)
 * @param impliedVol the ATM implied vol (a vol index, or the stated proxy where none exists)
 * @param impliedIsProxy true where {@code impliedVol} is the proxy, not an observed index
 * @param ivVol annualised volatility of {@code impliedVol}'s changes over the trailing window (0 until
 *     two changes are known)
 * @param spotIvCorrelation correlation of log returns and implied-vol changes over the same window
 * @param dailyExcessKurtosis excess kurtosis of one-day returns, from the trailing calibration window
 *     (0 where unknown or negative)
 * @param rate quote interest rate
 */
public record MarketHistory(PriceBars bars, double periodsPerYear, double[] forecastVol, double[] impliedVol,
                            boolean[] impliedIsProxy, double[] ivVol, double[] spotIvCorrelation,
                            double[] dailyExcessKurtosis, double rate) {

    public MarketHistory {
        int n = bars.size();
        if (forecastVol.length != n || impliedVol.length != n || impliedIsProxy.length != n || ivVol.length != n
            || spotIvCorrelation.length != n
            || dailyExcessKurtosis.length != n) {
            throw new IllegalArgumentException("forecast, implied, proxy and implied-vol statistics must have one"
                + " value per bar (" + n + "), got " + forecastVol.length + ", " + impliedVol.length + ", "
                + impliedIsProxy.length + ", " + ivVol.length + ", " + spotIvCorrelation.length);
        }
    }

    public int size() {
        return bars.size();
    }

    /** The first bar where both the forecast and the implied vol are known. */
    public int firstTradableBar() {
        for (int i = 0; i < size(); i++) {
            if (forecastVol[i] > 0 && impliedVol[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no bar has both a volatility forecast and an implied vol: "
            + "the history (" + size() + " bars) is shorter than the estimator window");
    }
}
