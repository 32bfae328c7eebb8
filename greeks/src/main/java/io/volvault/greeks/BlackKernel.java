package io.volvault.greeks;

/**
 * The one implementation of the Black-Scholes-Merton formulas, with a cost of carry: spot S,
 * rate r, carry yield q, so the forward is F = S e^{(r-q)T}. Black-76 is the case S = F, q = r.
 * Every public pricing entry point (value API, scalar batch) ends here; the vector batch is a
 * lane-wise transcription of this code and is tested against it.
 *
 * <p>The price is computed as the out-of-the-money option's value plus, by parity, the discounted
 * intrinsic value, and the out-of-the-money value is formed so that no two nearly equal numbers
 * are subtracted: when both N-arguments lie in the same tail, their tails share the factor
 * F phi(d1) = K phi(d2) and only the slowly varying erfcx factors are differenced. This keeps
 * relative accuracy near 1e-15 far out of the money and keeps the small time value of an
 * in-the-money option, which implied vol needs.
 */
final class BlackKernel {

    private BlackKernel() {}

    /**
     * @param sign            +1 call, -1 put
     * @param rhoHoldsForward true for Black-76: rho is dV/dr with F fixed (= -T V); false for
     *                        Black-Scholes: rho is dV/dr with S and q fixed
     */
    static Greeks evaluate(double sign, double spot, double strike, double expiry, double vol,
                           double rate, double yield, boolean rhoHoldsForward) {
        GreeksColumns one = new GreeksColumns(1);
        evaluate(sign, spot, strike, expiry, vol, rate, yield, rhoHoldsForward, one, 0);
        return one.get(0);
    }

    /**
     * Writes the Greeks into row {@code row} of {@code out}: the batch loops call this directly,
     * so they allocate nothing per option.
     */
    static void evaluate(double sign, double spot, double strike, double expiry, double vol,
                         double rate, double yield, boolean rhoHoldsForward, GreeksColumns out, int row) {
        if (expiry == 0.0) {
            out.set(row, atExpiry(sign, spot, strike, rate, yield));
            return;
        }
        double sqrtT = Math.sqrt(expiry);
        double stdDev = vol * sqrtT;
        double carry = Math.exp((rate - yield) * expiry);
        double discount = Math.exp(-rate * expiry);
        double yieldDiscount = discount * carry;
        double forward = spot * carry;
        double logMoneyness = Math.log(spot / strike) + (rate - yield) * expiry;
        double d1 = logMoneyness / stdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        double a1 = Math.abs(d1);
        double a2 = Math.abs(d2);
        double pdf1 = Normal.pdf(d1);
        double pdf2 = pdf1 * (forward / strike);   // phi(d2) = phi(d1) F / K
        boolean erf1 = a1 <= Normal.ERF_REGION;
        boolean erf2 = a2 <= Normal.ERF_REGION;
        // Either erf(|d|/sqrt2) (near the centre) or erfcx(|d|/sqrt2) (in the tails), once per d.
        double e1 = erf1 ? Normal.erfSmall(a1 * Normal.INV_SQRT_2) : Normal.erfcxLarge(a1 * Normal.INV_SQRT_2);
        double e2 = erf2 ? Normal.erfSmall(a2 * Normal.INV_SQRT_2) : Normal.erfcxLarge(a2 * Normal.INV_SQRT_2);
        double tail1 = erf1 ? 0.5 - 0.5 * e1 : Normal.SQRT_PI_OVER_2 * pdf1 * e1;   // N(-|d1|)
        double tail2 = erf2 ? 0.5 - 0.5 * e2 : Normal.SQRT_PI_OVER_2 * pdf2 * e2;   // N(-|d2|)
        double nd1 = sign * d1 < 0.0 ? tail1 : 1.0 - tail1;   // N(sign d1)
        double nd2 = sign * d2 < 0.0 ? tail2 : 1.0 - tail2;   // N(sign d2)

        double price = discount * forwardValue(sign, forward, strike, logMoneyness, d1, d2, erf1, erf2, e1, e2,
            tail1, tail2, Normal.SQRT_PI_OVER_2 * forward * pdf1);
        double spotPdf = spot * yieldDiscount * pdf1;   // S e^{-qT} phi(d1)
        double delta = sign * yieldDiscount * nd1;
        double gamma = yieldDiscount * pdf1 / (spot * stdDev);
        double vega = spotPdf * sqrtT;
        double theta = -spotPdf * vol / (2.0 * sqrtT)
            + sign * (yield * spot * yieldDiscount * nd1 - rate * strike * discount * nd2);
        double rho = rhoHoldsForward ? -expiry * price : sign * strike * expiry * discount * nd2;
        double vanna = -yieldDiscount * pdf1 * d2 / vol;
        double volga = vega * d1 * d2 / vol;
        double charm = yield * delta
            - yieldDiscount * pdf1 * (2.0 * (rate - yield) * expiry - d2 * stdDev) / (2.0 * expiry * stdDev);
        out.price[row] = price;
        out.delta[row] = delta;
        out.gamma[row] = gamma;
        out.vega[row] = vega;
        out.theta[row] = theta;
        out.rho[row] = rho;
        out.vanna[row] = vanna;
        out.volga[row] = volga;
        out.charm[row] = charm;
    }

    /**
     * Undiscounted value: the out-of-the-money option (call if ln(F/K) <= 0, else put) plus the
     * intrinsic value F - K or K - F if this option is in the money. The OTM option pays leg P at
     * the larger argument u and owes leg Q at v < 0: a call has (P, u, Q, v) = (F, d1, K, d2), a
     * put (K, -d2, F, -d1). {@code common} is sqrt(pi/2) F phi(d1), equal to sqrt(pi/2) K phi(d2).
     */
    static double forwardValue(double sign, double forward, double strike, double logMoneyness,
                               double d1, double d2,
                               boolean erf1, boolean erf2, double e1, double e2,
                               double tail1, double tail2, double common) {
        boolean callOutOfMoney = logMoneyness <= 0.0;
        double otm;
        if (callOutOfMoney) {
            otm = outOfMoneyValue(forward, d1, erf1, e1, tail1, strike, erf2, e2, tail2, common);
        } else {
            otm = outOfMoneyValue(strike, -d2, erf2, e2, tail2, forward, erf1, e1, tail1, common);
        }
        boolean inTheMoney = callOutOfMoney ? sign < 0.0 : sign > 0.0;
        return inTheMoney ? otm + sign * (forward - strike) : otm;
    }

    /** P N(u) - Q N(v) for v < 0 and u > v, given the erf/erfcx values of |u| and |v|. */
    static double outOfMoneyValue(double p, double u, boolean erfU, double eU, double tailU,
                                          double q, boolean erfV, double eV, double tailV, double common) {
        if (u < 0.0) {
            // Both arguments in the lower tail: P N(u) - Q N(v), with the shared density factored
            // out of the erfcx terms so their rounding errors do not get amplified.
            double payLeg = erfU ? p * tailU : common * eU;
            double oweLeg = erfV ? q * tailV : common * eV;
            return payLeg - oweLeg;
        }
        // u >= 0 > v: N(u) - N(v) is a sum of two positive half-widths, (N(u) - 1/2) + (1/2 - N(v)).
        double halfU = erfU ? 0.5 * eU : 0.5 - tailU;
        double halfV = erfV ? 0.5 * eV : 0.5 - tailV;
        return p * (halfU + halfV) + (p - q) * tailV;
    }

    /**
     * T = 0: N(d1) and N(d2) are replaced by their limits (1 in the money, 0 out of the money,
     * 1/2 at the strike) and the density terms vanish.
     */
    private static Greeks atExpiry(double sign, double spot, double strike, double rate, double yield) {
        double moneyness = sign * (spot - strike);
        double step = moneyness > 0.0 ? 1.0 : moneyness < 0.0 ? 0.0 : 0.5;
        if (step == 0.0) {
            return new Greeks(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        }
        double delta = sign * step;
        double theta = delta * (yield * spot - rate * strike);
        return new Greeks(Math.max(moneyness, 0.0), delta, 0.0, 0.0, theta, 0.0, 0.0, 0.0, yield * delta);
    }
}
