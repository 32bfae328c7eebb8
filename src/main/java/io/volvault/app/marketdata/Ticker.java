package io.volvault.app.marketdata;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code public/ticker} of one instrument. The implied vols ({@code markIv}, {@code bidIv},
 * {@code askIv}) and {@code greeks} are only there for options, null otherwise; vols are in vol
 * points (67.7 = 67.7%), option prices in the base currency.
 */
public record Ticker(
        @JsonProperty(required = true) String instrumentName,
        @JsonProperty(required = true) long timestamp,
        String state,
        @JsonProperty(required = true) double indexPrice,
        Double markPrice,
        Double markIv,
        Double bidIv,
        Double askIv,
        Double underlyingPrice,
        String underlyingIndex,
        Double interestRate,
        Double bestBidPrice,
        Double bestAskPrice,
        Double lastPrice,
        Double openInterest,
        Greeks greeks) {
}
