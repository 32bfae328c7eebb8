package io.volvault.greeks.surface;

import io.volvault.greeks.OptionType;

/**
 * One listed option as quoted: prices in USD per option on the forward, undiscounted (for Deribit's
 * inverse options, the coin price times the expiry's forward, the Black-76 price with r = 0).
 * {@code NaN} where a field is absent (no bid, no ask, no mark IV).
 *
 * @param expiryYears time to expiry in years
 * @param strike      strike in USD
 * @param forward     the forward of that expiry in USD
 * @param type        call or put
 * @param bid         best bid in USD, NaN when there is none
 * @param ask         best ask in USD, NaN when there is none
 * @param mark        the exchange's mark price in USD, NaN when absent
 * @param markIv      the exchange's mark implied vol as a fraction (0.5 for 50%), NaN when absent
 */
public record OptionQuote(double expiryYears, double strike, double forward, OptionType type,
                          double bid, double ask, double mark, double markIv) {

    public OptionQuote {
        requirePositive("expiryYears", expiryYears);
        requirePositive("strike", strike);
        requirePositive("forward", forward);
        if (type == null) {
            throw new IllegalArgumentException("type is missing (null)");
        }
        requireAbsentOrNonNegative("bid", bid);
        requireAbsentOrNonNegative("ask", ask);
        requireAbsentOrNonNegative("mark", mark);
        requireAbsentOrNonNegative("markIv", markIv);
    }

    /** ln(strike / forward). */
    public double logMoneyness() {
        return Math.log(strike / forward);
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + " must be positive and finite");
        }
    }

    private static void requireAbsentOrNonNegative(String field, double value) {
        if (!Double.isNaN(value) && (!(value >= 0.0) || !Double.isFinite(value))) {
            throw new IllegalArgumentException(field + " = " + value + " must be non-negative and finite, or NaN when absent");
        }
    }
}
