package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The surface's value types: each field refused (and accepted) at its boundary, with its message. */
class SurfaceInputsTest {

    private static final SviParams FLAT = new SviParams(0.04, 0.0, 0.0, 0.0, 0.1);

    @Test
    void chainQuotesAreCheckedFieldByField() {
        assertMessage("expiry = 0.0 must be positive and finite", () -> new ChainQuote(0.0, 100, 100, 0.5));
        assertMessage("strike = -1.0 must be positive and finite", () -> new ChainQuote(1, -1, 100, 0.5));
        assertMessage("forward = Infinity must be positive and finite",
            () -> new ChainQuote(1, 100, Double.POSITIVE_INFINITY, 0.5));
        assertMessage("iv = NaN must be positive and finite", () -> new ChainQuote(1, 100, 100, Double.NaN));
        assertMessage("bid_iv = 0.0 must be positive and finite", () -> ChainQuote.fromBidAsk(1, 100, 100, 0.0, 0.5));
        assertMessage("ask_iv = -0.5 must be positive and finite", () -> ChainQuote.fromBidAsk(1, 100, 100, 0.4, -0.5));
        assertMessage("bid_iv = 0.6 is above ask_iv = 0.5", () -> ChainQuote.fromBidAsk(1, 100, 100, 0.6, 0.5));
        // A locked market (bid = ask) is a valid quote at that vol; the smallest positive values are valid.
        assertEquals(0.5, ChainQuote.fromBidAsk(1, 100, 100, 0.5, 0.5).iv(), 0.0);
        assertEquals(Double.MIN_VALUE, new ChainQuote(Double.MIN_VALUE, 1, 1, 1).expiry(), 0.0);
    }

    @Test
    void sviParamsAreCheckedFieldByField() {
        assertMessage("a = NaN must be finite", () -> new SviParams(Double.NaN, 0.1, 0, 0, 0.1));
        assertMessage("m = Infinity must be finite", () -> new SviParams(0.04, 0.1, 0, Double.POSITIVE_INFINITY, 0.1));
        assertMessage("b = -1.0E-12 must be non-negative and finite", () -> new SviParams(0.04, -1e-12, 0, 0, 0.1));
        assertMessage("rho = 1.0 must be in (-1, 1)", () -> new SviParams(0.04, 0.1, 1.0, 0, 0.1));
        assertMessage("sigma = 0.0 must be positive and finite", () -> new SviParams(0.04, 0.1, 0, 0, 0.0));
        // The minimum of w, a + b sigma sqrt(1 - rho^2): -0.25 + 0.5 x 0.25 = -0.125 is refused, 0 is allowed.
        assertMessage("a + b sigma sqrt(1 - rho^2) = -0.125 is negative: total variance would go below zero (a = -0.25)",
            () -> new SviParams(-0.25, 0.5, 0.0, 0.0, 0.25));
        assertEquals(0.0, new SviParams(-0.125, 0.5, 0.0, 0.0, 0.25).totalVariance(0.0), 0.0);
        // At k = m: w = a + b sigma.
        assertEquals(-0.05 + 0.5 * 0.2, new SviParams(-0.05, 0.5, 0.8, 0.1, 0.2).totalVariance(0.1), 1e-15);
    }

    @Test
    void slicesAreCheckedFieldByField() {
        assertMessage("expiry = 0.0 must be positive and finite (years)", () -> new SviSlice(0.0, 100, FLAT));
        assertMessage("forward = 0.0 must be positive and finite", () -> new SviSlice(1, 0.0, FLAT));
        assertMessage("params is missing (null)", () -> new SviSlice(1, 100, null));
        SviSlice slice = new SviSlice(0.25, 100, FLAT);
        assertMessage("strike = 0.0 must be positive and finite", () -> slice.logMoneyness(0.0));
        // Flat smile: w = 0.04 everywhere, so the vol is sqrt(0.04 / 0.25) = 0.4 at any strike.
        assertEquals(0.4, slice.iv(1e-300), 1e-15);
        assertEquals(0.4, slice.iv(1e300), 1e-15);
    }

    @Test
    void theSkewModelIsCheckedAtItsBoundaries() {
        assertMessage("rho = -1.0 must be in (-1, 1)", () -> new SkewModel(-1.0, 1.0, 0.5));
        assertMessage("eta = 0.0 must be positive and finite", () -> new SkewModel(0, 0.0, 0.5));
        assertMessage("gamma = 0.0 must be in (0, 0.5]", () -> new SkewModel(0, 1.0, 0.0));
        assertMessage("expiry = 0.0 must be positive and finite (years)", () -> SkewModel.CRYPTO_DEFAULT.slice(0.6, 1, 0.0));
        // gamma = 1/2 and eta (1 + |rho|) = 2 exactly are inside the arbitrage-free region.
        assertEquals(0.5, new SkewModel(0.0, 2.0, 0.5).gamma(), 0.0);
        assertEquals(1.0, new SkewModel(-0.6, 1.25, 0.5).eta() * 0.8, 1e-15);
    }

    private static void assertMessage(String expected, Executable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action).getMessage());
    }
}
