package io.volvault.app.marketdata;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One tradable instrument from {@code public/get_instruments}. {@code strike} and
 * {@code optionType} are null for anything but options, as on Deribit.
 */
public record Instrument(
        @JsonProperty(required = true) String instrumentName,
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) String baseCurrency,
        String quoteCurrency,
        String settlementCurrency,
        String optionType,
        Double strike,
        @JsonProperty(required = true) long expirationTimestamp,
        long creationTimestamp,
        boolean isActive,
        double contractSize,
        double tickSize,
        double minTradeAmount,
        String priceIndex,
        String settlementPeriod) {

    public boolean isOption() {
        return "option".equals(kind);
    }
}
