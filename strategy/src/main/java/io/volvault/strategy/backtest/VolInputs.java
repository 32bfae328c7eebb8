package io.volvault.strategy.backtest;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.realized.RealizedVol;
import io.volvault.greeks.realized.VolSeries;
import io.volvault.strategy.StrategyConfig.Forecast;

/**
 * Builds the forecast and implied-vol series a backtest runs on, once per configuration.
 *
 * <p>Implied vol: the observed index where it exists; elsewhere the proxy
 * {@code realized x proxy_premium_ratio}, flagged bar by bar so reports can say which bars used it.
 * Forecast: realized (the configured estimator), implied, or their blend.
 */
public final class VolInputs {

    private VolInputs() {}

    /**
     * @param observedImplied the index aligned with the bars, NaN where it has no value
     */
    public static MarketHistory history(PriceBars bars, double periodsPerYear, double[] observedImplied,
                                        Forecast f, double rate) {
        double[] realized = realized(bars, periodsPerYear, f);
        return history(bars, periodsPerYear, observedImplied, realized, f, rate);
    }

    /** As above, from an already computed realized series (sweeps share it across configurations). */
    public static MarketHistory history(PriceBars bars, double periodsPerYear, double[] observedImplied,
                                        double[] realized, Forecast f, double rate) {
        int n = bars.size();
        if (observedImplied.length != n) {
            throw new IllegalArgumentException("implied vol has " + observedImplied.length + " values for " + n + " bars");
        }
        double[] implied = new double[n];
        boolean[] proxy = new boolean[n];
        double[] forecast = new double[n];
        for (int i = 0; i < n; i++) {
            proxy[i] = !(observedImplied[i] > 0);
            implied[i] = proxy[i] ? realized[i] * f.proxyPremiumRatio() : observedImplied[i];
            forecast[i] = switch (f.source()) {
                case REALIZED -> realized[i];
                case IMPLIED -> implied[i];
                case BLEND -> f.impliedWeight() * implied[i] + (1 - f.impliedWeight()) * realized[i];
            };
        }
        return new MarketHistory(bars, periodsPerYear, forecast, implied, proxy, rate);
    }

    /** The configured realized estimator, NaN before it has a full window. */
    public static double[] realized(PriceBars bars, double periodsPerYear, Forecast f) {
        VolSeries s = RealizedVol.rolling(f.estimator(), bars, f.window(), periodsPerYear);
        return s.values();
    }
}
