package io.volvault.app.marketdata;

/** One point of {@code public/get_historical_volatility}: realized vol in percent at a time (ms UTC). */
public record HistoricalVolatility(long timestamp, double volatilityPercent) {
}
