package io.volvault.greeks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Agreement with OpenGamma Strata on random crypto-range inputs: vol 15% to 200%, T from one day
 * to two years, strikes within 4 standard deviations of the forward. Relative 1e-12, with an
 * absolute floor of 1e-12 times the natural scale of each Greek (spot for prices, 1 for deltas...)
 * so that values that cross zero are compared fairly.
 */
class StrataAgreementTest {

    private static final int CASES = 20_000;
    private static final double RELATIVE = 1e-12;

    @Test
    void blackScholesAgreesWithStrata() {
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < CASES; i++) {
            boolean isCall = random.nextBoolean();
            double spot = 50_000.0 * Math.exp(random.nextDouble(-0.5, 0.5));
            double t = Math.exp(random.nextDouble(Math.log(1.0 / 365.0), Math.log(2.0)));
            double vol = random.nextDouble(0.15, 2.0);
            double r = random.nextDouble(0.0, 0.08);
            double q = random.nextDouble(0.0, 0.05);
            double strike = spot * Math.exp((r - q) * t + random.nextDouble(-4.0, 4.0) * vol * Math.sqrt(t));
            double b = r - q;
            Greeks g = BlackScholes.greeks(new BsOption(isCall ? OptionType.CALL : OptionType.PUT, spot, strike, t, vol, r, q));
            String where = (isCall ? "call" : "put") + " S=" + spot + " K=" + strike + " T=" + t + " vol=" + vol + " r=" + r + " q=" + q;
            close("price", BlackScholesFormulaRepository.price(spot, strike, t, vol, r, b, isCall), g.price(), spot, where);
            close("delta", BlackScholesFormulaRepository.delta(spot, strike, t, vol, r, b, isCall), g.delta(), 1.0, where);
            close("gamma", BlackScholesFormulaRepository.gamma(spot, strike, t, vol, r, b), g.gamma(), 1.0 / spot, where);
            close("vega", BlackScholesFormulaRepository.vega(spot, strike, t, vol, r, b), g.vega(), spot, where);
            close("theta", BlackScholesFormulaRepository.theta(spot, strike, t, vol, r, b, isCall), g.theta(), spot, where);
            // Strata's rho moves the carry with the rate (q fixed): the full rho, as ours.
            close("rho", BlackScholesFormulaRepository.rho(spot, strike, t, vol, r, b, isCall), g.rho(), spot, where);
            close("vanna", BlackScholesFormulaRepository.vanna(spot, strike, t, vol, r, b), g.vanna(), 1.0, where);
            close("volga", BlackScholesFormulaRepository.vomma(spot, strike, t, vol, r, b), g.volga(), spot, where);
            close("charm", BlackScholesFormulaRepository.charm(spot, strike, t, vol, r, b, isCall), g.charm(), 1.0, where);
        }
    }

    @Test
    void black76AgreesWithStrata() {
        SplittableRandom random = new SplittableRandom(76);
        for (int i = 0; i < CASES; i++) {
            boolean isCall = random.nextBoolean();
            double forward = 3_000.0 * Math.exp(random.nextDouble(-0.5, 0.5));
            double t = Math.exp(random.nextDouble(Math.log(1.0 / 365.0), Math.log(2.0)));
            double vol = random.nextDouble(0.15, 2.0);
            double r = random.nextDouble(0.0, 0.08);
            double strike = forward * Math.exp(random.nextDouble(-4.0, 4.0) * vol * Math.sqrt(t));
            double df = Math.exp(-r * t);
            Greeks g = Black76.greeks(new B76Option(isCall ? OptionType.CALL : OptionType.PUT, forward, strike, t, vol, r));
            String where = (isCall ? "call" : "put") + " F=" + forward + " K=" + strike + " T=" + t + " vol=" + vol + " r=" + r;
            // Strata's Black formulas are undiscounted. Its theta(..., rate) mixes conventions (an
            // undiscounted forward leg), so -dV/dT of the discounted price is built from its
            // driftless theta instead: e^{-rT} driftlessTheta + r V.
            close("price", df * BlackFormulaRepository.price(forward, strike, t, vol, isCall), g.price(), forward, where);
            close("delta", df * BlackFormulaRepository.delta(forward, strike, t, vol, isCall), g.delta(), 1.0, where);
            close("gamma", df * BlackFormulaRepository.gamma(forward, strike, t, vol), g.gamma(), 1.0 / forward, where);
            close("vega", df * BlackFormulaRepository.vega(forward, strike, t, vol), g.vega(), forward, where);
            double strataPrice = df * BlackFormulaRepository.price(forward, strike, t, vol, isCall);
            close("theta", df * BlackFormulaRepository.driftlessTheta(forward, strike, t, vol) + r * strataPrice,
                g.theta(), forward, where);
            close("vanna", df * BlackFormulaRepository.vanna(forward, strike, t, vol), g.vanna(), 1.0, where);
            close("volga", df * BlackFormulaRepository.volga(forward, strike, t, vol), g.volga(), forward, where);
            // BlackFormulaRepository has no rate, so no rho and no charm. Black-76 is Strata's
            // Black-Scholes with spot = F and zero cost of carry (b = 0): its charm holds S = F
            // fixed as ours does. Its rho moves the carry with the rate; our Black-76 rho holds F
            // fixed, which is that rho less the carry rho (dV/dr at fixed b = -T V).
            close("rho", BlackScholesFormulaRepository.rho(forward, strike, t, vol, r, 0.0, isCall)
                - BlackScholesFormulaRepository.carryRho(forward, strike, t, vol, r, 0.0, isCall), g.rho(), forward, where);
            close("charm", BlackScholesFormulaRepository.charm(forward, strike, t, vol, r, 0.0, isCall), g.charm(), 1.0, where);
        }
    }

    private static void close(String greek, double strata, double ours, double scale, String where) {
        assertEquals(strata, ours, RELATIVE * (Math.abs(strata) + scale), greek + " for " + where);
    }
}
