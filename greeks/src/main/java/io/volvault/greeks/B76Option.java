package io.volvault.greeks;

/**
 * A European option on a forward (or futures) price, for Black-76: the payoff is paid at expiry
 * and discounted at the rate r.
 *
 * @param type    call or put
 * @param forward forward price F for the expiry, positive
 * @param strike  strike K, positive
 * @param expiry  time to expiry T in years, zero or positive
 * @param vol     Black volatility per sqrt(year), positive
 * @param rate    continuously compounded discount rate r per year
 */
public record B76Option(OptionType type, double forward, double strike, double expiry, double vol, double rate) {

    public B76Option {
        Inputs.present("type", type);
        Inputs.positive("forward", forward);
        Inputs.positive("strike", strike);
        Inputs.nonNegative("expiry", expiry);
        Inputs.positive("vol", vol);
        Inputs.finite("rate", rate);
    }
}
