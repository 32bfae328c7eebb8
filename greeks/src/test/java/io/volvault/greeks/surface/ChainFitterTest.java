package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.B76Option;
import io.volvault.greeks.Black76;
import io.volvault.greeks.OptionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chains of listed options priced by Black-76 from known raw SVI slices: the fitter gets the slices back. */
class ChainFitterTest {

    /** Gatheral and Jacquier (2014), section 5.1 style short slice and a longer one, both arbitrage-free. */
    private static final SviParams SHORT = new SviParams(0.01, 0.12, -0.5, 0.02, 0.1);
    private static final SviParams LONG = new SviParams(0.03, 0.15, -0.3, 0.05, 0.25);

    @Test
    void recoversTheGeneratingSlicesFromBidAskPrices() {
        List<OptionQuote> chain = new ArrayList<>();
        chain.addAll(listed(0.25, 100.0, SHORT, 0.7, 1.35, 15, 0.01));
        chain.addAll(listed(1.0, 102.0, LONG, 0.5, 1.8, 21, 0.01));
        ChainFit fit = ChainFitter.fit(chain);

        assertEquals(2, fit.slices().size());
        assertEquals(List.of(), fit.failures());
        assertParams(SHORT, fit.slices().get(0).slice().params(), 1e-6);
        assertParams(LONG, fit.slices().get(1).slice().params(), 1e-6);
        // One point per strike (the out-of-the-money option) and the mid IV is the true IV to ~1e-5
        // (the bid and ask are symmetric in vol, so their mean is the generating vol exactly).
        assertEquals(15, fit.slices().get(0).points());
        assertTrue(fit.slices().get(0).rmsIvError() < 1e-6, "rms " + fit.slices().get(0).rmsIvError());
        // Mark IVs were set 0.01 above the truth, so the model misses them by 0.01.
        assertEquals(0.01, fit.slices().get(1).rmsIvErrorVsMark(), 1e-6);
        assertEquals(2, fit.surface().slices().size());
    }

    @Test
    void aSliceWithTooFewStrikesIsReportedAndTheRestFitted() {
        List<OptionQuote> chain = new ArrayList<>(listed(0.25, 100.0, SHORT, 0.7, 1.35, 15, 0.01));
        chain.addAll(listed(0.5, 101.0, LONG, 0.9, 1.1, 4, 0.01));
        ChainFit fit = ChainFitter.fit(chain);

        assertEquals(1, fit.surface().slices().size());
        SliceFit failed = fit.slices().get(1);
        assertFalse(failed.fitted());
        assertNull(failed.slice());
        assertEquals("expiry 0.5: 4 strikes with a usable quote: raw SVI has 5 parameters and needs at least 5",
            failed.failure());
        assertEquals(List.of(failed), fit.failures());
    }

    @Test
    void crossedQuotesAreDroppedAndCounted() {
        List<OptionQuote> chain = new ArrayList<>();
        for (OptionQuote q : listed(0.25, 100.0, SHORT, 0.8, 1.2, 6, 0.01)) {
            boolean cross = q.strike() > 95.0;
            chain.add(cross ? new OptionQuote(q.expiryYears(), q.strike(), q.forward(), q.type(), q.ask(), q.bid(),
                q.mark(), q.markIv()) : q);
        }
        SliceFit only = ChainFitter.fit(chain).slices().get(0);
        // Strikes 80, 88, 96, 104, 112, 120: the call and the put of the last four are crossed (8 quotes).
        assertEquals("expiry 0.25: 2 strikes with a usable quote (8 crossed quotes dropped): raw SVI has 5 parameters"
            + " and needs at least 5", only.failure());
        assertNull(ChainFitter.fit(chain).surface());
    }

    @Test
    void aOneSidedBookFallsBackToTheMarkIv() {
        OptionQuote noBid = new OptionQuote(0.5, 120.0, 100.0, OptionType.CALL, Double.NaN, 3.0, 2.0, 0.42);
        assertEquals(0.42, ChainFitter.point(noBid).iv(), 0.0);
        assertTrue(Double.isNaN(ChainFitter.point(noBid).spread()));
        double price = Black76.price(new B76Option(OptionType.CALL, 100.0, 120.0, 0.5, 0.37, 0.0));
        OptionQuote noMarkIv = new OptionQuote(0.5, 120.0, 100.0, OptionType.CALL, Double.NaN, Double.NaN, price,
            Double.NaN);
        assertEquals(0.37, ChainFitter.point(noMarkIv).iv(), 1e-12);
        assertTrue(Double.isNaN(ChainFitter.point(noMarkIv).markIv()));
        OptionQuote nothing = new OptionQuote(0.5, 120.0, 100.0, OptionType.CALL, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);
        assertNull(ChainFitter.point(nothing));
        // A bid below intrinsic does not invert: the mark IV is used.
        OptionQuote badBid = new OptionQuote(0.5, 80.0, 100.0, OptionType.CALL, 10.0, 25.0, 21.0, 0.5);
        assertEquals(0.5, ChainFitter.point(badBid).iv(), 0.0);
    }

    @Test
    void twoSidedBooksGiveTheMidVolAndTheirWidth() {
        double bid = Black76.price(new B76Option(OptionType.PUT, 100.0, 90.0, 0.25, 0.50, 0.0));
        double ask = Black76.price(new B76Option(OptionType.PUT, 100.0, 90.0, 0.25, 0.54, 0.0));
        ChainFitter.Point point = ChainFitter.point(new OptionQuote(0.25, 90.0, 100.0, OptionType.PUT, bid, ask,
            Double.NaN, 0.53));
        assertEquals(0.52, point.iv(), 1e-12);
        assertEquals(0.04, point.spread(), 1e-12);
        assertEquals(0.53, point.markIv(), 0.0);
    }

    @Test
    void weightsAreInverseSpreadsFlooredAtHalfAVolPoint() {
        List<ChainFitter.Point> points = List.of(new ChainFitter.Point(90, 0.5, 0.02, 0.5),
            new ChainFitter.Point(100, 0.5, 0.002, 0.5), new ChainFitter.Point(110, 0.5, Double.NaN, 0.5),
            new ChainFitter.Point(120, 0.5, 0.01, 0.5));
        // 1/0.02, 1/max(0.002, 0.005), the widest (0.02) for the mark-only point, 1/0.01
        double[] weights = ChainFitter.weights(points);
        assertEquals(50.0, weights[0], 1e-12);
        assertEquals(200.0, weights[1], 1e-12);
        assertEquals(50.0, weights[2], 1e-12);
        assertEquals(100.0, weights[3], 1e-12);
        double[] unquoted = ChainFitter.weights(List.of(new ChainFitter.Point(90, 0.5, Double.NaN, 0.5),
            new ChainFitter.Point(100, 0.5, Double.NaN, Double.NaN)));
        assertEquals(1.0, unquoted[0], 0.0);
        assertEquals(1.0, unquoted[1], 0.0);
    }

    @Test
    void forwardsThatDisagreeFailTheSliceOnly() {
        List<OptionQuote> chain = new ArrayList<>(listed(0.25, 100.0, SHORT, 0.7, 1.35, 15, 0.01));
        chain.add(new OptionQuote(0.25, 140.0, 101.5, OptionType.CALL, 0.1, 0.2, 0.15, 0.5));
        SliceFit fit = ChainFitter.fit(chain).slices().get(0);
        assertEquals("expiry 0.25: quotes disagree on the forward (100.0 to 101.5, more than 0.01 of it apart); one"
            + " expiry has one forward", fit.failure());
        // 0.9% apart is within the tolerance: the slice fits on the median forward.
        List<OptionQuote> close = new ArrayList<>(listed(0.25, 100.0, SHORT, 0.7, 1.35, 15, 0.01));
        close.add(new OptionQuote(0.25, 140.0, 100.9, OptionType.CALL, Double.NaN, Double.NaN, Double.NaN, 0.6));
        assertEquals(100.0, ChainFitter.fit(close).slices().get(0).slice().forward(), 0.0);
    }

    @Test
    void refusesAnEmptyChain() {
        assertEquals("quotes is empty: need a chain to fit",
            assertThrows(IllegalArgumentException.class, () -> ChainFitter.fit(List.of())).getMessage());
    }

    /**
     * A call and a put at each strike from {@code low} to {@code high} times the forward, priced by
     * Black-76 at the slice's vol minus and plus {@code halfSpreadVol}, with the mark IV set
     * {@code halfSpreadVol} above the truth.
     */
    static List<OptionQuote> listed(double expiry, double forward, SviParams params, double low, double high,
                                    int count, double halfSpreadVol) {
        SviSlice slice = new SviSlice(expiry, forward, params);
        List<OptionQuote> quotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double strike = forward * (low + (high - low) * i / (count - 1));
            double vol = slice.iv(strike);
            for (OptionType type : OptionType.values()) {
                double bid = Black76.price(new B76Option(type, forward, strike, expiry, vol - halfSpreadVol, 0.0));
                double ask = Black76.price(new B76Option(type, forward, strike, expiry, vol + halfSpreadVol, 0.0));
                double mark = Black76.price(new B76Option(type, forward, strike, expiry, vol + halfSpreadVol, 0.0));
                quotes.add(new OptionQuote(expiry, strike, forward, type, bid, ask, mark, vol + halfSpreadVol));
            }
        }
        return quotes;
    }

    static void assertParams(SviParams expected, SviParams actual, double tolerance) {
        assertEquals(expected.a(), actual.a(), tolerance, "a");
        assertEquals(expected.b(), actual.b(), tolerance, "b");
        assertEquals(expected.rho(), actual.rho(), tolerance, "rho");
        assertEquals(expected.m(), actual.m(), tolerance, "m");
        assertEquals(expected.sigma(), actual.sigma(), tolerance, "sigma");
    }
}
