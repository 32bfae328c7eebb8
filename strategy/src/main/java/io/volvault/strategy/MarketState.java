package io.volvault.strategy;

import io.volvault.greeks.surface.VolSurface;

/**
 * What the market looks like at the decision time; every field is known at that time.
 *
 * @param epochSeconds decision time
 * @param spot spot price, quote per base
 * @param forecastVol annualised volatility forecast for the coming period
 * @param surface implied-vol surface the options are marked and struck on
 * @param rate continuously compounded quote interest rate
 * @param periodsPerYear bars per year (365 daily, 8760 hourly): the horizon of the gamma stress
 */
public record MarketState(long epochSeconds, double spot, double forecastVol, VolSurface surface,
                          double rate, double periodsPerYear) {
    public MarketState {
        StrategyConfig.positive("spot", spot);
        StrategyConfig.positive("forecast_vol", forecastVol);
        StrategyConfig.required("surface", surface);
        StrategyConfig.positive("periods_per_year", periodsPerYear);
    }
}
