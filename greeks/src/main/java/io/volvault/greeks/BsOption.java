package io.volvault.greeks;

/**
 * A European option on a spot price, for Black-Scholes(-Merton).
 *
 * @param type   call or put
 * @param spot   spot price S, positive
 * @param strike strike K, positive
 * @param expiry time to expiry T in years, zero or positive (zero: the option pays its intrinsic value now)
 * @param vol    Black-Scholes volatility per sqrt(year), positive (1.00 = 100%)
 * @param rate   continuously compounded interest rate r per year
 * @param yield  continuously compounded dividend (or staking, or foreign) yield q per year
 */
public record BsOption(OptionType type, double spot, double strike, double expiry, double vol, double rate, double yield) {

    public BsOption {
        Inputs.present("type", type);
        Inputs.positive("spot", spot);
        Inputs.positive("strike", strike);
        Inputs.nonNegative("expiry", expiry);
        Inputs.positive("vol", vol);
        Inputs.finite("rate", rate);
        Inputs.finite("yield", yield);
    }
}
