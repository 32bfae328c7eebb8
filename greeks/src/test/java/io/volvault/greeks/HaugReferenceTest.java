package io.volvault.greeks;

import static io.volvault.greeks.OptionType.CALL;
import static io.volvault.greeks.OptionType.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worked examples of E. G. Haug, "Option Pricing Formulas" (McGraw-Hill, 1998), as tabulated
 * in QuantLib's test-suite/europeanoption.cpp (testValues: 43 prices; testGreekValues: 11 Greeks).
 * The book prints four decimals; the prices are checked, as in QuantLib, to 1e-4, because two
 * entries (1.8734, S = K = 100, T = 0.1, vol = 0.15) are 0.55e-4 above the exact value
 * 1.87334457276493551 (mpmath, 40 digits), which {@link #exactValuesToTheLastDigit} checks instead.
 * The Greeks all round to the printed four decimals.
 */
class HaugReferenceTest {

    private static final double TABLE_TOLERANCE = 1e-4;
    /** Half a unit in the fourth decimal, plus room for the binary representation of the table. */
    private static final double FOUR_DECIMALS = 0.5e-4 + 1e-12;

    @ParameterizedTest(name = "{0} K={1} S={2} q={3} r={4} T={5} vol={6} -> {7}")
    @CsvSource({
        // type, strike, spot, q, r, t, vol, value   (pages 2-8)
        "CALL,  65.00,  60.00, 0.00, 0.08, 0.25, 0.30,  2.1334",
        "PUT,   95.00, 100.00, 0.05, 0.10, 0.50, 0.20,  2.4648",
        "PUT,   19.00,  19.00, 0.10, 0.10, 0.75, 0.28,  1.7011",
        "CALL,  19.00,  19.00, 0.10, 0.10, 0.75, 0.28,  1.7011",
        "CALL,   1.60,   1.56, 0.08, 0.06, 0.50, 0.12,  0.0291",
        "PUT,   70.00,  75.00, 0.05, 0.10, 0.50, 0.35,  4.0870",
        // page 24
        "CALL, 100.00,  90.00, 0.10, 0.10, 0.10, 0.15,  0.0205",
        "CALL, 100.00, 100.00, 0.10, 0.10, 0.10, 0.15,  1.8734",
        "CALL, 100.00, 110.00, 0.10, 0.10, 0.10, 0.15,  9.9413",
        "CALL, 100.00,  90.00, 0.10, 0.10, 0.10, 0.25,  0.3150",
        "CALL, 100.00, 100.00, 0.10, 0.10, 0.10, 0.25,  3.1217",
        "CALL, 100.00, 110.00, 0.10, 0.10, 0.10, 0.25, 10.3556",
        "CALL, 100.00,  90.00, 0.10, 0.10, 0.10, 0.35,  0.9474",
        "CALL, 100.00, 100.00, 0.10, 0.10, 0.10, 0.35,  4.3693",
        "CALL, 100.00, 110.00, 0.10, 0.10, 0.10, 0.35, 11.1381",
        "CALL, 100.00,  90.00, 0.10, 0.10, 0.50, 0.15,  0.8069",
        "CALL, 100.00, 100.00, 0.10, 0.10, 0.50, 0.15,  4.0232",
        "CALL, 100.00, 110.00, 0.10, 0.10, 0.50, 0.15, 10.5769",
        "CALL, 100.00,  90.00, 0.10, 0.10, 0.50, 0.25,  2.7026",
        "CALL, 100.00, 100.00, 0.10, 0.10, 0.50, 0.25,  6.6997",
        "CALL, 100.00, 110.00, 0.10, 0.10, 0.50, 0.25, 12.7857",
        "CALL, 100.00,  90.00, 0.10, 0.10, 0.50, 0.35,  4.9329",
        "CALL, 100.00, 100.00, 0.10, 0.10, 0.50, 0.35,  9.3679",
        "CALL, 100.00, 110.00, 0.10, 0.10, 0.50, 0.35, 15.3086",
        "PUT,  100.00,  90.00, 0.10, 0.10, 0.10, 0.15,  9.9210",
        "PUT,  100.00, 100.00, 0.10, 0.10, 0.10, 0.15,  1.8734",
        "PUT,  100.00, 110.00, 0.10, 0.10, 0.10, 0.15,  0.0408",
        "PUT,  100.00,  90.00, 0.10, 0.10, 0.10, 0.25, 10.2155",
        "PUT,  100.00, 100.00, 0.10, 0.10, 0.10, 0.25,  3.1217",
        "PUT,  100.00, 110.00, 0.10, 0.10, 0.10, 0.25,  0.4551",
        "PUT,  100.00,  90.00, 0.10, 0.10, 0.10, 0.35, 10.8479",
        "PUT,  100.00, 100.00, 0.10, 0.10, 0.10, 0.35,  4.3693",
        "PUT,  100.00, 110.00, 0.10, 0.10, 0.10, 0.35,  1.2376",
        "PUT,  100.00,  90.00, 0.10, 0.10, 0.50, 0.15, 10.3192",
        "PUT,  100.00, 100.00, 0.10, 0.10, 0.50, 0.15,  4.0232",
        "PUT,  100.00, 110.00, 0.10, 0.10, 0.50, 0.15,  1.0646",
        "PUT,  100.00,  90.00, 0.10, 0.10, 0.50, 0.25, 12.2149",
        "PUT,  100.00, 100.00, 0.10, 0.10, 0.50, 0.25,  6.6997",
        "PUT,  100.00, 110.00, 0.10, 0.10, 0.50, 0.25,  3.2734",
        "PUT,  100.00,  90.00, 0.10, 0.10, 0.50, 0.35, 14.4452",
        "PUT,  100.00, 100.00, 0.10, 0.10, 0.50, 0.35,  9.3679",
        "PUT,  100.00, 110.00, 0.10, 0.10, 0.50, 0.35,  5.7963",
        // page 27
        "CALL,  40.00,  42.00, 0.08, 0.04, 0.75, 0.35,  5.0975",
    })
    void prices(OptionType type, double strike, double spot, double q, double r, double t, double vol, double expected) {
        assertEquals(expected, BlackScholes.price(new BsOption(type, spot, strike, t, vol, r, q)), TABLE_TOLERANCE);
    }

    /**
     * Exact prices from mpmath at 40 digits. Relative tolerance 2e-14, except 8 standard deviations
     * out of the money with vol sqrt(T) = 0.0026 (prices ~1e-17 of spot): there d1 and d2 are ~-8
     * and each carries an absolute rounding of ~1e-15, which is ~5e-13 of their difference s, so
     * the price is good to ~1e-12 relative (and the implied vol it gives back to ~1e-14).
     */
    @ParameterizedTest(name = "{0} S={1} K={2} T={3} vol={4} r={5} q={6} -> {7}")
    @CsvSource({
        "CALL, 100, 100,   0.1,          0.15, 0.10, 0.10, 1.8733445727649355139,      2e-14",
        "CALL, 100, 102.1, 0.0027397260273972603, 0.05, 0.0, 0.0, 3.2411167611924444272e-17, 1e-12",
        "PUT,  100, 97.9,  0.0027397260273972603, 0.05, 0.01, 0.0, 7.2226896496635411336e-18, 1e-12",
        "CALL, 100, 97,    0.02,         0.05, 0.0,  0.0,  3.0000012186892046427,      2e-14",
        "CALL, 100, 100,   0.0027397260273972603, 3.0, 0.05, 0.0, 6.2644704562887092686, 2e-14",
        "PUT,  100, 60,    0.5,          0.3,  0.03, 0.01, 0.037252961378696940694,    2e-14",
        "CALL, 50000, 80000, 0.1,        0.6,  0.04, 0.0,  27.377704157457350025,      2e-14",
        "PUT,  100, 250,   2.0,          1.5,  0.05, 0.02, 185.46648535963000894,      2e-14",
    })
    void exactValuesToTheLastDigit(OptionType type, double spot, double strike, double t, double vol,
                                   double r, double q, double expected, double relativeTolerance) {
        double price = BlackScholes.price(new BsOption(type, spot, strike, t, vol, r, q));
        assertEquals(expected, price, relativeTolerance * expected);
    }

    @Test
    void greekValuesFromPages11To16() {
        BsOption deltaCall = new BsOption(CALL, 105, 100, 0.5, 0.36, 0.10, 0.10);
        BsOption deltaPut = new BsOption(PUT, 105, 100, 0.5, 0.36, 0.10, 0.10);
        assertEquals(0.5946, BlackScholes.delta(deltaCall), FOUR_DECIMALS);
        assertEquals(-0.3566, BlackScholes.delta(deltaPut), FOUR_DECIMALS);
        // elasticity = delta S / V
        assertEquals(-4.8775, BlackScholes.delta(deltaPut) * 105 / BlackScholes.price(deltaPut), FOUR_DECIMALS);

        for (OptionType type : OptionType.values()) {
            Greeks g = BlackScholes.greeks(new BsOption(type, 55, 60, 0.75, 0.30, 0.10, 0.0));
            assertEquals(0.0278, g.gamma(), FOUR_DECIMALS, "gamma " + type);
            assertEquals(18.9358, g.vega(), FOUR_DECIMALS, "vega " + type);
        }

        Greeks thetaPut = BlackScholes.greeks(new BsOption(PUT, 430, 405, 1.0 / 12.0, 0.20, 0.07, 0.05));
        assertEquals(-31.1924, thetaPut.theta(), FOUR_DECIMALS);
        assertEquals(-0.0855, thetaPut.theta() / 365.0, FOUR_DECIMALS, "theta per day");

        assertEquals(38.7325, BlackScholes.greeks(new BsOption(CALL, 72, 75, 1.0, 0.19, 0.09, 0.0)).rho(), FOUR_DECIMALS);

        // Dividend rho dV/dq = -T S dV/dS (q enters only through S e^{-qT}).
        BsOption dividendRhoPut = new BsOption(PUT, 500, 490, 0.25, 0.15, 0.08, 0.05);
        assertEquals(42.2254, -0.25 * 500 * BlackScholes.delta(dividendRhoPut), FOUR_DECIMALS);
    }
}
