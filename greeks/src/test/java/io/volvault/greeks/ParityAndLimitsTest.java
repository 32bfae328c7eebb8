package io.volvault.greeks;

import static io.volvault.greeks.OptionType.CALL;
import static io.volvault.greeks.OptionType.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParityAndLimitsTest {

    @Test
    void putCallParityHoldsForBothModels() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double spot = 100.0 * Math.exp(random.nextDouble(-1.0, 1.0));
            double strike = 100.0 * Math.exp(random.nextDouble(-1.0, 1.0));
            double t = random.nextDouble(1.0 / 365.0, 2.0);
            double vol = random.nextDouble(0.05, 3.0);
            double r = random.nextDouble(-0.02, 0.1);
            double q = random.nextDouble(-0.02, 0.1);
            double call = BlackScholes.price(new BsOption(CALL, spot, strike, t, vol, r, q));
            double put = BlackScholes.price(new BsOption(PUT, spot, strike, t, vol, r, q));
            double parity = spot * Math.exp(-q * t) - strike * Math.exp(-r * t);
            assertEquals(parity, call - put, 1e-13 * (spot + strike), "BS parity " + i);

            double callDelta = BlackScholes.delta(new BsOption(CALL, spot, strike, t, vol, r, q));
            double putDelta = BlackScholes.delta(new BsOption(PUT, spot, strike, t, vol, r, q));
            assertEquals(Math.exp(-q * t), callDelta - putDelta, 1e-14, "delta parity " + i);

            double b76Call = Black76.price(new B76Option(CALL, spot, strike, t, vol, r));
            double b76Put = Black76.price(new B76Option(PUT, spot, strike, t, vol, r));
            assertEquals(Math.exp(-r * t) * (spot - strike), b76Call - b76Put, 1e-13 * (spot + strike), "B76 parity " + i);
        }
    }

    @Test
    void black76IsBlackScholesOnTheForwardWithZeroCarry() {
        Greeks b76 = Black76.greeks(new B76Option(CALL, 105, 100, 0.5, 0.4, 0.03));
        Greeks bs = BlackScholes.greeks(new BsOption(CALL, 105, 100, 0.5, 0.4, 0.03, 0.03));
        assertEquals(bs.price(), b76.price(), 1e-14);
        assertEquals(bs.delta(), b76.delta(), 1e-15);
        assertEquals(bs.gamma(), b76.gamma(), 1e-15);
        assertEquals(bs.theta(), b76.theta(), 1e-13);
        // Rho differs by what is held fixed: Black-76 holds F, so rho = -T V.
        assertEquals(-0.5 * b76.price(), b76.rho(), 1e-15);
    }

    @Test
    void atExpiryTheValueIsIntrinsicWithTheDocumentedLimitGreeks() {
        Greeks itmCall = BlackScholes.greeks(new BsOption(CALL, 110, 100, 0.0, 0.5, 0.05, 0.02));
        assertEquals(new Greeks(10.0, 1.0, 0.0, 0.0, 0.02 * 110 - 0.05 * 100, 0.0, 0.0, 0.0, 0.02), itmCall);
        Greeks otmPut = BlackScholes.greeks(new BsOption(PUT, 110, 100, 0.0, 0.5, 0.05, 0.02));
        assertEquals(new Greeks(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), otmPut);
        Greeks atmPut = BlackScholes.greeks(new BsOption(PUT, 100, 100, 0.0, 0.5, 0.05, 0.02));
        assertEquals(-0.5, atmPut.delta());
        assertEquals(0.0, atmPut.price());
        Greeks itmB76Put = Black76.greeks(new B76Option(PUT, 90, 100, 0.0, 0.5, 0.05));
        assertEquals(new Greeks(10.0, -1.0, 0.0, 0.0, 0.05 * 10.0, 0.0, 0.0, 0.0, -0.05), itmB76Put);

        // The limits are those of the formulas as T -> 0 away from the strike.
        Greeks nearExpiry = BlackScholes.greeks(new BsOption(CALL, 110, 100, 1e-9, 0.5, 0.05, 0.02));
        assertEquals(itmCall.price(), nearExpiry.price(), 1e-6);
        assertEquals(itmCall.delta(), nearExpiry.delta(), 1e-9);
        assertEquals(itmCall.theta(), nearExpiry.theta(), 1e-6);
        assertEquals(itmCall.charm(), nearExpiry.charm(), 1e-9);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndValue() {
        assertMessage("vol must be positive and finite, got 0.0", () -> new BsOption(CALL, 100, 100, 1, 0.0, 0, 0));
        assertMessage("vol must be positive and finite, got -0.2", () -> new B76Option(PUT, 100, 100, 1, -0.2, 0));
        assertMessage("expiry must be zero or positive and finite, got -1.0E-4", () -> new BsOption(CALL, 100, 100, -1e-4, 0.5, 0, 0));
        assertMessage("spot must be positive and finite, got 0.0", () -> new BsOption(CALL, 0, 100, 1, 0.5, 0, 0));
        assertMessage("strike must be positive and finite, got -5.0", () -> new BsOption(CALL, 100, -5, 1, 0.5, 0, 0));
        assertMessage("forward must be positive and finite, got NaN", () -> new B76Option(CALL, Double.NaN, 100, 1, 0.5, 0));
        assertMessage("rate must be a finite number, got NaN", () -> new BsOption(CALL, 100, 100, 1, 0.5, Double.NaN, 0));
        assertMessage("yield must be a finite number, got Infinity", () -> new BsOption(CALL, 100, 100, 1, 0.5, 0, Double.POSITIVE_INFINITY));
        assertMessage("vol must be positive and finite, got NaN", () -> new BsOption(CALL, 100, 100, 1, Double.NaN, 0, 0));
        assertMessage("type is missing", () -> new BsOption(null, 100, 100, 1, 0.5, 0, 0));
    }

    @Test
    void black76AndImpliedVolInputsAreCheckedFieldByField() {
        assertMessage("strike must be positive and finite, got 0.0", () -> new B76Option(CALL, 100, 0, 1, 0.5, 0));
        assertMessage("expiry must be zero or positive and finite, got -1.0", () -> new B76Option(CALL, 100, 100, -1, 0.5, 0));
        assertMessage("rate must be a finite number, got NaN", () -> new B76Option(CALL, 100, 100, 1, 0.5, Double.NaN));
        assertMessage("forward must be positive and finite, got 0.0", () -> ImpliedVol.black76(CALL, 1, 0, 100, 1, 0));
        assertMessage("strike must be positive and finite, got -1.0", () -> ImpliedVol.black76(CALL, 1, 100, -1, 1, 0));
        assertMessage("expiry must be positive and finite, got 0.0", () -> ImpliedVol.black76(CALL, 1, 100, 100, 0, 0));
        assertMessage("rate must be a finite number, got Infinity",
            () -> ImpliedVol.black76(CALL, 1, 100, 100, 1, Double.POSITIVE_INFINITY));
        assertMessage("price must be a finite number, got NaN", () -> ImpliedVol.blackScholes(CALL, Double.NaN, 100, 100, 1, 0, 0));
        assertMessage("spot must be positive and finite, got 0.0", () -> ImpliedVol.blackScholes(CALL, 1, 0, 100, 1, 0, 0));
        assertMessage("strike must be positive and finite, got 0.0", () -> ImpliedVol.blackScholes(CALL, 1, 100, 0, 1, 0, 0));
        assertMessage("rate must be a finite number, got NaN", () -> ImpliedVol.blackScholes(CALL, 1, 100, 100, 1, Double.NaN, 0));
        assertMessage("yield must be a finite number, got -Infinity",
            () -> ImpliedVol.blackScholes(CALL, 1, 100, 100, 1, 0, Double.NEGATIVE_INFINITY));
    }

    @Test
    void cdfIsAccurateFarIntoTheLowerTail() {
        // Reference values of N(x) from mpmath at 30 digits.
        assertEquals(0.5, Normal.cdf(0.0));
        assertRelative(1.3498980316300945e-3, Normal.cdf(-3.0), 2e-16);
        assertRelative(6.2209605742717841e-16, Normal.cdf(-8.0), 4e-16);
        assertRelative(7.6198530241605260e-24, Normal.cdf(-10.0), 4e-16);
        assertRelative(0.30853753872598690, Normal.cdf(-0.5), 2e-16);
        assertRelative(0.97724986805182079, Normal.cdf(2.0), 2e-16);
        // Down to the end of the normal doubles the tail keeps full relative accuracy ...
        assertRelative(5.7255712225245768e-300, Normal.cdf(-37.0), 4e-16);
        // ... and N(-40) = 3.66e-350 is below the smallest subnormal (4.9e-324): it rounds to +0,
        // never to a negative number or NaN; the upper tail rounds to exactly 1.
        assertEquals(0.0, Normal.cdf(-40.0));
        assertEquals(1.0, Normal.cdf(40.0));
    }

    /**
     * Acklam's approximation is stated to within 1.15e-9 relative over the whole range; each of
     * its three regions (p below 0.02425, central, above 1 - 0.02425) against quantiles from
     * mpmath (sqrt(2) erfinv(2p - 1) at 30 digits).
     */
    @Test
    void inverseCdfGuessIsWithinAcklamsStatedError() {
        double[] p = {1e-10, 0.001, 0.02, 0.3, 0.7, 0.98, 0.999};
        double[] quantile = {-6.3613409024040562, -3.0902323061678135, -2.0537489106318231, -0.52440051270804078,
            0.52440051270804078, 2.0537489106318231, 3.0902323061678135};
        for (int i = 0; i < p.length; i++) {
            assertRelative(quantile[i], Normal.inverseCdfGuess(p[i]), 1.2e-9);
        }
        assertEquals(0.0, Normal.inverseCdfGuess(0.5));
    }

    static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, Math.abs(expected) * tolerance);
    }

    private static void assertMessage(String message, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(message, e.getMessage());
    }
}
