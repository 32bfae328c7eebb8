package io.volvault.greeks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every analytic Greek against a central difference of the price (or of the analytic delta or vega
 * for the second-order Greeks), for both models, calls and puts.
 */
class FiniteDifferenceTest {

    private static final int CASES = 2_000;

    @ParameterizedTest
    @EnumSource(OptionType.class)
    void blackScholesGreeksMatchFiniteDifferences(OptionType type) {
        SplittableRandom random = new SplittableRandom(type.ordinal() + 1);
        for (int i = 0; i < CASES; i++) {
            double s = 100.0;
            double t = random.nextDouble(0.05, 2.0);
            double vol = random.nextDouble(0.1, 1.5);
            double k = s * Math.exp(random.nextDouble(-2.0, 2.0) * vol * Math.sqrt(t));
            double r = random.nextDouble(-0.02, 0.1);
            double q = random.nextDouble(-0.02, 0.1);
            BsOption o = new BsOption(type, s, k, t, vol, r, q);
            Greeks g = BlackScholes.greeks(o);
            String where = o.toString();
            check("delta", g.delta(), diff(x -> BlackScholes.price(new BsOption(type, x, k, t, vol, r, q)), s, s * vol * Math.sqrt(t)), where);
            check("gamma", g.gamma(), diff(x -> BlackScholes.delta(new BsOption(type, x, k, t, vol, r, q)), s, s * vol * Math.sqrt(t)), where);
            check("vega", g.vega(), diff(x -> BlackScholes.price(new BsOption(type, s, k, t, x, r, q)), vol, vol), where);
            check("theta", g.theta(), -diff(x -> BlackScholes.price(new BsOption(type, s, k, x, vol, r, q)), t, t), where);
            check("rho", g.rho(), diff(x -> BlackScholes.price(new BsOption(type, s, k, t, vol, x, q)), r, 0.01), where);
            check("vanna", g.vanna(), diff(x -> BlackScholes.delta(new BsOption(type, s, k, t, x, r, q)), vol, vol), where);
            check("volga", g.volga(), diff(x -> BlackScholes.greeks(new BsOption(type, s, k, t, x, r, q)).vega(), vol, vol), where);
            check("charm", g.charm(), -diff(x -> BlackScholes.delta(new BsOption(type, s, k, x, vol, r, q)), t, t), where);
        }
    }

    @ParameterizedTest
    @EnumSource(OptionType.class)
    void black76GreeksMatchFiniteDifferences(OptionType type) {
        SplittableRandom random = new SplittableRandom(type.ordinal() + 101);
        for (int i = 0; i < CASES; i++) {
            double f = 100.0;
            double t = random.nextDouble(0.05, 2.0);
            double vol = random.nextDouble(0.1, 1.5);
            double k = f * Math.exp(random.nextDouble(-2.0, 2.0) * vol * Math.sqrt(t));
            double r = random.nextDouble(-0.02, 0.1);
            B76Option o = new B76Option(type, f, k, t, vol, r);
            Greeks g = Black76.greeks(o);
            String where = o.toString();
            check("delta", g.delta(), diff(x -> Black76.price(new B76Option(type, x, k, t, vol, r)), f, f * vol * Math.sqrt(t)), where);
            check("gamma", g.gamma(), diff(x -> Black76.delta(new B76Option(type, x, k, t, vol, r)), f, f * vol * Math.sqrt(t)), where);
            check("vega", g.vega(), diff(x -> Black76.price(new B76Option(type, f, k, t, x, r)), vol, vol), where);
            check("theta", g.theta(), -diff(x -> Black76.price(new B76Option(type, f, k, x, vol, r)), t, t), where);
            check("rho", g.rho(), diff(x -> Black76.price(new B76Option(type, f, k, t, vol, x)), r, 0.01), where);
            check("vanna", g.vanna(), diff(x -> Black76.delta(new B76Option(type, f, k, t, x, r)), vol, vol), where);
            check("volga", g.volga(), diff(x -> Black76.greeks(new B76Option(type, f, k, t, x, r)).vega(), vol, vol), where);
            check("charm", g.charm(), -diff(x -> Black76.delta(new B76Option(type, f, k, x, vol, r)), t, t), where);
        }
    }

    /**
     * Fourth-order central difference with step h = 1e-3 times the scale on which f varies:
     * error ~ (h/scale)^4 + eps / (h/scale), about 1e-11 relative.
     */
    private static double diff(DoubleUnaryOperator f, double x, double scale) {
        double h = 1e-3 * scale;
        return (8.0 * (f.applyAsDouble(x + h) - f.applyAsDouble(x - h))
            - (f.applyAsDouble(x + 2 * h) - f.applyAsDouble(x - 2 * h))) / (12.0 * h);
    }

    /** Relative 1e-7, with an absolute floor of 1e-9 for Greeks that pass through zero. */
    private static void check(String greek, double analytic, double numeric, String where) {
        assertEquals(numeric, analytic, 1e-7 * Math.abs(numeric) + 1e-9, greek + " of " + where);
    }
}
