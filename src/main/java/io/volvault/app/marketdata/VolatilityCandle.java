package io.volvault.app.marketdata;

/** One candle of a volatility index such as DVOL, in vol points, stamped at its open (ms UTC). */
public record VolatilityCandle(long timestamp, double open, double high, double low, double close) {
}
