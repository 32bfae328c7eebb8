package io.volvault.app.marketdata;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of {@code public/get_book_summary_by_currency}. Prices of options are in the base
 * currency (BTC for a BTC option), {@code markIv} in vol points (67.7 = 67.7%). Fields Deribit
 * sends as null (no bids, no trades in 24h) stay null.
 */
public record BookSummary(
        @JsonProperty(required = true) String instrumentName,
        String baseCurrency,
        String quoteCurrency,
        Double markPrice,
        Double markIv,
        Double bidPrice,
        Double askPrice,
        Double midPrice,
        Double last,
        Double high,
        Double low,
        Double volume,
        Double openInterest,
        Double underlyingPrice,
        String underlyingIndex,
        Double interestRate,
        Double estimatedDeliveryPrice,
        Double priceChange,
        long creationTimestamp) {
}
