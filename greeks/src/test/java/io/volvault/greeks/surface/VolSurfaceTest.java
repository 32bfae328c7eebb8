package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolSurfaceTest {

    private static final SviParams SHORT = new SviParams(0.01, 0.12, -0.5, 0.02, 0.1);
    private static final SviParams LONG = new SviParams(0.03, 0.15, -0.3, 0.05, 0.25);

    @Test
    void fitRecoversTheParametersThatGeneratedTheQuotes() {
        List<ChainQuote> chain = new ArrayList<>();
        chain.addAll(quotes(0.25, 100.0, SHORT, 0.75, 1.3, 15));
        chain.addAll(quotes(1.0, 102.0, LONG, 0.5, 1.8, 21));

        VolSurface surface = VolSurface.fit(chain);

        assertEquals(2, surface.slices().size());
        assertParams(SHORT, surface.slices().get(0).params());
        assertParams(LONG, surface.slices().get(1).params());
        assertEquals(100.0, surface.slices().get(0).forward());
        assertEquals(1.0, surface.slices().get(1).expiry());
    }

    @Test
    void fitTakesTheMidOfBidAndAsk() {
        List<ChainQuote> chain = new ArrayList<>();
        for (ChainQuote exact : quotes(0.5, 100.0, LONG, 0.6, 1.6, 11)) {
            chain.add(ChainQuote.fromBidAsk(exact.expiry(), exact.strike(), exact.forward(),
                exact.iv() - 0.01, exact.iv() + 0.01));
        }
        assertParams(LONG, VolSurface.fit(chain).slices().get(0).params());
    }

    @Test
    void interpolatesLinearlyInTotalVarianceAtFixedLogMoneyness() {
        VolSurface surface = VolSurface.of(List.of(new SviSlice(1.0, 102.0, LONG), new SviSlice(0.25, 100.0, SHORT)));
        double expiry = 0.5;                       // one third of the way from 0.25 to 1.0
        double forward = 100.0 + (0.25 / 0.75) * 2.0;
        assertEquals(forward, surface.forward(expiry), 1e-13);
        double strike = 90.0;
        double k = Math.log(strike / forward);
        double w = (2.0 / 3.0) * SHORT.totalVariance(k) + (1.0 / 3.0) * LONG.totalVariance(k);
        assertEquals(Math.sqrt(w / expiry), surface.iv(strike, expiry), 1e-15);
        assertEquals(Math.sqrt(((2.0 / 3.0) * SHORT.totalVariance(0) + (1.0 / 3.0) * LONG.totalVariance(0)) / expiry),
            surface.atmVol(expiry), 1e-15);
        // On a slice the surface is the slice.
        assertEquals(new SviSlice(0.25, 100.0, SHORT).iv(strike), surface.iv(strike, 0.25), 1e-15);
    }

    @Test
    void extrapolatesFlatInVolBeforeTheFirstAndAfterTheLastExpiry() {
        VolSurface surface = VolSurface.of(List.of(new SviSlice(0.25, 100.0, SHORT), new SviSlice(1.0, 102.0, LONG)));
        assertEquals(new SviSlice(0.25, 100.0, SHORT).iv(95.0), surface.iv(95.0, 1.0 / 365.0), 1e-15);
        assertEquals(new SviSlice(1.0, 102.0, LONG).iv(120.0), surface.iv(120.0, 3.0), 1e-15);
        assertEquals(100.0, surface.forward(0.01));
        assertEquals(102.0, surface.forward(5.0));
    }

    @Test
    void skewIsTheSlopeOfVolInLogMoneynessAtTheMoney() {
        VolSurface surface = VolSurface.of(List.of(new SviSlice(0.25, 100.0, SHORT), new SviSlice(1.0, 102.0, LONG)));
        for (double expiry : new double[] {0.1, 0.25, 0.6, 1.0, 2.0}) {
            double forward = surface.forward(expiry);
            double h = 1e-5;
            double finiteDifference = (surface.iv(forward * Math.exp(h), expiry)
                - surface.iv(forward * Math.exp(-h), expiry)) / (2 * h);
            assertEquals(finiteDifference, surface.skew(expiry), 1e-8, "T = " + expiry);
            assertTrue(surface.skew(expiry) < 0, "negative rho gives a put skew");
        }
    }

    @Test
    void flagsTheVogtSliceWithWhereTheDensityIsNegative() {
        VolSurface surface = VolSurface.of(List.of(new SviSlice(1.0, 1.0, SviParamsTest.VOGT)));
        List<ArbitrageViolation> found = surface.arbitrage();
        assertEquals(1, found.size(), found.toString());
        ArbitrageViolation violation = found.get(0);
        assertEquals(ArbitrageViolation.Kind.BUTTERFLY, violation.kind());
        assertEquals(1.0, violation.expiry());
        double step = scanStep(SviParamsTest.VOGT);
        // Exact minimum from scipy: g = -0.03286357345362297 at k = 0.8792625417732617.
        assertEquals(0.8792625417732617, violation.logMoneyness(), step);
        assertEquals(-0.03286357345362297, violation.value(), 1e-5);
        // Roots of g at k = 0.6424 and 1.2569: the reported interval is the grid points inside them.
        assertTrue(violation.description().startsWith(
            "butterfly arbitrage at T = 1.0: g(k) < 0 for k in [0.6435, 1.2557]"), violation.description());
    }

    @Test
    void detectsACalendarCrossing() {
        // The short smile is much steeper than the long one: its wings cross above the long slice.
        SviParams steepShort = new SviParams(0.01, 0.3, 0.0, 0.0, 0.1);
        SviParams flatLong = new SviParams(0.05, 0.05, 0.0, 0.0, 0.1);
        VolSurface surface = VolSurface.of(List.of(new SviSlice(0.5, 100.0, steepShort), new SviSlice(1.0, 100.0, flatLong)));
        List<ArbitrageViolation> calendar = surface.arbitrage().stream()
            .filter(v -> v.kind() == ArbitrageViolation.Kind.CALENDAR).toList();
        // w_long - w_short = 0.04 - 0.25 sqrt(k^2 + 0.01) < 0 for |k| > sqrt(0.16^2 - 0.01) = 0.1249.
        assertEquals(2, calendar.size(), calendar.toString());
        double halfWidth = VolSurface.SCAN_STANDARD_DEVIATIONS * Math.sqrt(flatLong.totalVariance(0));
        double step = halfWidth / 800;
        double firstInside = Math.ceil(Math.sqrt(0.16 * 0.16 - 0.01) / step) * step;
        assertEquals(-halfWidth, calendar.get(0).logMoneyness(), 1e-12, "worst at the edge of the scan");
        assertEquals(halfWidth, calendar.get(1).logMoneyness(), 1e-12, "worst at the edge of the scan");
        for (ArbitrageViolation v : calendar) {
            assertEquals(1.0, v.expiry());
            assertEquals(0.04 - 0.25 * Math.sqrt(halfWidth * halfWidth + 0.01), v.value(), 1e-14);
        }
        assertTrue(calendar.get(1).description().startsWith(String.format(
            "calendar arbitrage between T = 0.5 and T = 1.0: total variance falls for k in [%.4f, %.4f]",
            firstInside, halfWidth)), calendar.get(1).description());
        assertTrue(calendar.get(0).description().contains(String.format("for k in [%.4f, %.4f]",
            -halfWidth, -firstInside)), calendar.get(0).description());
    }

    @Test
    void aCleanSurfaceHasNoArbitrage() {
        VolSurface surface = VolSurface.of(List.of(new SviSlice(0.25, 100.0, SHORT), new SviSlice(1.0, 102.0, LONG)));
        assertEquals(List.of(), surface.arbitrage());
    }

    @Test
    void refusesBadChains() {
        assertEquals("expiry 0.5 has 4 distinct strikes: raw SVI has 5 parameters and needs at least 5",
            assertThrows(IllegalArgumentException.class,
                () -> VolSurface.fit(quotes(0.5, 100.0, LONG, 0.8, 1.2, 4))).getMessage());
        List<ChainQuote> twoForwards = new ArrayList<>(quotes(0.5, 100.0, LONG, 0.8, 1.2, 6));
        twoForwards.add(new ChainQuote(0.5, 130.0, 101.0, 0.3));
        assertEquals("expiry 0.5: quotes disagree on the forward (100.0 and 101.0); one expiry has one forward",
            assertThrows(IllegalArgumentException.class, () -> VolSurface.fit(twoForwards)).getMessage());
        assertEquals("bid_iv = 0.5 is above ask_iv = 0.4",
            assertThrows(IllegalArgumentException.class,
                () -> ChainQuote.fromBidAsk(0.5, 100, 100, 0.5, 0.4)).getMessage());
        assertEquals("iv = -0.2 must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> new ChainQuote(0.5, 100, 100, -0.2)).getMessage());
        assertEquals("two slices share expiry 0.5",
            assertThrows(IllegalArgumentException.class, () -> VolSurface.of(List.of(
                new SviSlice(0.5, 100, LONG), new SviSlice(0.5, 101, SHORT)))).getMessage());
        VolSurface surface = VolSurface.of(List.of(new SviSlice(0.5, 100, LONG)));
        assertEquals("expiry = 0.0 must be positive and finite (years)",
            assertThrows(IllegalArgumentException.class, () -> surface.iv(100, 0.0)).getMessage());
        assertEquals("strike = NaN must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> surface.iv(Double.NaN, 0.5)).getMessage());
    }

    private static double scanStep(SviParams params) {
        return VolSurface.SCAN_STANDARD_DEVIATIONS * Math.sqrt(params.totalVariance(0)) / 800;
    }

    /** Quotes at {@code count} strikes evenly spaced in K/F from {@code low} to {@code high}, exactly on the smile. */
    static List<ChainQuote> quotes(double expiry, double forward, SviParams params, double low, double high, int count) {
        SviSlice slice = new SviSlice(expiry, forward, params);
        List<ChainQuote> quotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double strike = forward * (low + (high - low) * i / (count - 1));
            quotes.add(new ChainQuote(expiry, strike, forward, slice.iv(strike)));
        }
        return quotes;
    }

    private static void assertParams(SviParams expected, SviParams actual) {
        assertEquals(expected.a(), actual.a(), 1e-7, "a");
        assertEquals(expected.b(), actual.b(), 1e-7, "b");
        assertEquals(expected.rho(), actual.rho(), 1e-7, "rho");
        assertEquals(expected.m(), actual.m(), 1e-7, "m");
        assertEquals(expected.sigma(), actual.sigma(), 1e-7, "sigma");
    }
}
