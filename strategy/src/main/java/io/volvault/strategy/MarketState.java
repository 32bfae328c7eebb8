package io.volvault.strategy;

import io.volvault.greeks.surface.VolSurface;

/**
 * What the market looks like at the decision time; every field is known at that time.
 *
 * @param epochSeconds decision time
 * @param spot spot price, quote per base
 * @param forecastVol annualised volatility forecast of spot
 * @param surface implied-vol surface the options are marked and struck on
 * @param rate continuously compounded quote interest rate
 * @param ivVol annualised volatility of the ATM implied vol itself, in vol units (0.5: implied vol
 *     moves by 0.5 x sqrt(years), e.g. 2.6 vol points a day); the risk model's vega term
 * @param spotIvCorrelation correlation of spot returns with implied-vol changes, in [-1, 1]
 * @param dailyExcessKurtosis excess kurtosis of one-day returns (0 for normal returns, at least 0
 *     here); fattens the gamma term of the risk model
 */
public record MarketState(long epochSeconds, double spot, double forecastVol, VolSurface surface,
                          double rate, double ivVol, double spotIvCorrelation,
                          double dailyExcessKurtosis) {
    public MarketState {
        StrategyConfig.positive("spot", spot);
        StrategyConfig.positive("forecast_vol", forecastVol);
        StrategyConfig.required("surface", surface);
        StrategyConfig.between("iv_vol", ivVol, 0, Double.MAX_VALUE);
        StrategyConfig.between("spot_iv_correlation", spotIvCorrelation, -1, 1);
        StrategyConfig.between("daily_excess_kurtosis", dailyExcessKurtosis, 0, Double.MAX_VALUE);
    }
}
