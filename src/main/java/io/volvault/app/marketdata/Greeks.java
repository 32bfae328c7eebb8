package io.volvault.app.marketdata;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Option sensitivities as Deribit's ticker quotes them: delta per unit of the underlying, gamma
 * per USD, vega in USD per vol point, theta in USD per calendar day, rho in USD per rate point.
 */
public record Greeks(
        @JsonProperty(required = true) double delta,
        @JsonProperty(required = true) double gamma,
        @JsonProperty(required = true) double vega,
        @JsonProperty(required = true) double theta,
        @JsonProperty(required = true) double rho) {
}
