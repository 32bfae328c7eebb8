package io.volvault.greeks;

/**
 * Black-76 on a forward F, discounted at r: call = e^{-rT} (F N(d1) - K N(d2)),
 * d1 = (ln(F/K) + vol^2 T / 2) / (vol sqrt T).
 *
 * <p>Units: delta = dV/dF (with respect to the forward, not a spot), gamma = d2V/dF2,
 * vega = dV/dvol per 1.00 of vol, theta = -dV/dT per year with F fixed (= rV - e^{-rT} F phi(d1)
 * vol / (2 sqrt T)), rho = dV/dr with F fixed (= -T V), vanna = d2V/dF dvol, volga = d2V/dvol2,
 * charm = -dDelta/dT per year with F fixed.
 *
 * <p>At expiry (T = 0): intrinsic value max(+-(F - K), 0); delta = +-1 in the money, 0 out of the
 * money, +-1/2 at the strike; gamma = vega = vanna = volga = rho = 0; theta = r times the
 * intrinsic value; charm = r delta (the one-sided limits away from the strike; at the strike the
 * density terms, which diverge, are dropped).
 */
public final class Black76 {

    private Black76() {}

    public static Greeks greeks(B76Option o) {
        // Black-76 is Black-Scholes-Merton on S = F with carry yield q = r (zero cost of carry).
        return BlackKernel.evaluate(o.type().sign(), o.forward(), o.strike(), o.expiry(), o.vol(), o.rate(), o.rate(), true);
    }

    public static double price(B76Option o) {
        return greeks(o).price();
    }

    public static double delta(B76Option o) {
        return greeks(o).delta();
    }
}
