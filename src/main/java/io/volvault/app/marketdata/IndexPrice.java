package io.volvault.app.marketdata;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code public/get_index_price}: the index value in USD and the estimated delivery price. */
public record IndexPrice(
        @JsonProperty(required = true) double indexPrice,
        @JsonProperty(required = true) double estimatedDeliveryPrice) {
}
