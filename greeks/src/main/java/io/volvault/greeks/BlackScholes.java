package io.volvault.greeks;

/**
 * Black-Scholes-Merton on a spot S with continuous rate r and yield q: d1 = (ln(S/K) + (r - q +
 * vol^2/2) T) / (vol sqrt T), call = S e^{-qT} N(d1) - K e^{-rT} N(d2).
 *
 * <p>Units: delta = dV/dS, gamma = d2V/dS2, vega = dV/dvol per 1.00 of vol, theta = -dV/dT per
 * year, rho = dV/dr per 1.00 of rate (S and q fixed), vanna = d2V/dS dvol, volga = d2V/dvol2,
 * charm = -dDelta/dT per year.
 *
 * <p>At expiry (T = 0) the price is the intrinsic value; N(d1) and N(d2) take their limits as
 * T -> 0 (1 in the money, 0 out of the money, 1/2 exactly at the strike) and the density terms
 * vanish, which gives delta = +-1, 0 or +-1/2; gamma = vega = vanna = volga = rho = 0;
 * theta = +-(qS - rK) in the money, 0 out of the money (half that at the strike); charm = q delta.
 * These are the exact one-sided limits away from the strike; at the strike gamma, theta and charm
 * diverge as T -> 0 and only their finite carry parts are reported.
 */
public final class BlackScholes {

    private BlackScholes() {}

    public static Greeks greeks(BsOption o) {
        return BlackKernel.evaluate(o.type().sign(), o.spot(), o.strike(), o.expiry(), o.vol(), o.rate(), o.yield(), false);
    }

    public static double price(BsOption o) {
        return greeks(o).price();
    }

    public static double delta(BsOption o) {
        return greeks(o).delta();
    }
}
