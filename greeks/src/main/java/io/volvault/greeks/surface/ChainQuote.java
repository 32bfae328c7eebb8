package io.volvault.greeks.surface;

/**
 * One option quote of a chain: time to expiry in years, strike, the forward of that expiry, and
 * the Black implied volatility (a mark, or the mid of bid and ask, see {@link #fromBidAsk}).
 */
public record ChainQuote(double expiry, double strike, double forward, double iv) {

    public ChainQuote {
        requirePositive("expiry", expiry);
        requirePositive("strike", strike);
        requirePositive("forward", forward);
        requirePositive("iv", iv);
    }

    /** A quote at the mid of a bid and an ask implied volatility ({@code 0 < bid <= ask}). */
    public static ChainQuote fromBidAsk(double expiry, double strike, double forward, double bidIv, double askIv) {
        requirePositive("bid_iv", bidIv);
        requirePositive("ask_iv", askIv);
        if (bidIv > askIv) {
            throw new IllegalArgumentException("bid_iv = " + bidIv + " is above ask_iv = " + askIv);
        }
        return new ChainQuote(expiry, strike, forward, 0.5 * (bidIv + askIv));
    }

    /** ln(strike / forward). */
    public double logMoneyness() {
        return Math.log(strike / forward);
    }

    /** iv^2 * expiry. */
    public double totalVariance() {
        return iv * iv * expiry;
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + " must be positive and finite");
        }
    }
}
