package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.B76Option;
import io.volvault.greeks.Black76;
import io.volvault.greeks.OptionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which quote of a strike is used, the value types' validation, and the implied-vol chain entry point. */
class ChainFitterInputsTest {

    private static final double NAN = Double.NaN;

    @Test
    void theOutOfTheMoneyOptionIsUsedAndTheOtherOnlyWithoutIt() {
        // At 90 (below the forward 100) the put is out of the money; at 100 and above, the call.
        OptionQuote put90 = quote(OptionType.PUT, 90, 0.61);
        OptionQuote call90 = quote(OptionType.CALL, 90, 0.65);
        OptionQuote put100 = quote(OptionType.PUT, 100, 0.55);
        OptionQuote call100 = quote(OptionType.CALL, 100, 0.52);
        OptionQuote call110Empty = new OptionQuote(0.25, 110, 100, OptionType.CALL, NAN, NAN, NAN, NAN);
        OptionQuote put110 = quote(OptionType.PUT, 110, 0.57);
        List<ChainFitter.Point> points = ChainFitter.usable(List.of(call90, put90, put100, call100, call110Empty,
            put110)).points();
        assertEquals(3, points.size());
        assertEquals(0.61, points.get(0).iv(), 1e-12);
        assertEquals(0.52, points.get(1).iv(), 1e-12);
        assertEquals(0.57, points.get(2).iv(), 1e-12);
        assertEquals(0, ChainFitter.usable(List.of(put90)).crossed());
    }

    @Test
    void aZeroBidDoesNotInvertAndAZeroMarkIvIsAbsent() {
        OptionQuote zeroBid = new OptionQuote(0.25, 120, 100, OptionType.CALL, 0.0, 1.0, 0.5, 0.7);
        assertEquals(0.7, ChainFitter.point(zeroBid).iv(), 0.0);
        double price = Black76.price(new B76Option(OptionType.CALL, 100, 120, 0.25, 0.66, 0.0));
        OptionQuote zeroMarkIv = new OptionQuote(0.25, 120, 100, OptionType.CALL, NAN, NAN, price, 0.0);
        ChainFitter.Point point = ChainFitter.point(zeroMarkIv);
        assertEquals(0.66, point.iv(), 1e-12);
        assertTrue(Double.isNaN(point.markIv()));
        // A mark price at the upper bound (the forward, for a call) has no implied vol.
        assertNull(ChainFitter.point(new OptionQuote(0.25, 120, 100, OptionType.CALL, NAN, NAN, 100.0, NAN)));
    }

    @Test
    void rmsErrorsAreMeasuredAgainstTheQuotes() {
        // A flat 50% smile with 1 vol point of zigzag: no SVI slice follows a zigzag, the fit stays near
        // flat, and the RMS error is near the zigzag's 0.01; the mark IVs sit 0.02 under the quotes.
        List<OptionQuote> chain = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double strike = 80 + 5 * i;
            double iv = 0.5 + (i % 2 == 0 ? 0.01 : -0.01);
            OptionType type = strike < 100 ? OptionType.PUT : OptionType.CALL;
            double mid = Black76.price(new B76Option(type, 100, strike, 0.25, iv, 0.0));
            chain.add(new OptionQuote(0.25, strike, 100, type, mid, mid, mid, iv - 0.02));
        }
        SliceFit fit = ChainFitter.fit(chain).slices().get(0);
        assertEquals(0.01, fit.rmsIvError(), 1.5e-3);
        assertEquals(0.0224, fit.rmsIvErrorVsMark(), 3e-3);
        assertEquals(10, fit.points());
    }

    @Test
    void fitIvsSkipsAndReportsLikeFit() {
        List<ChainQuote> chain = new ArrayList<>(VolSurfaceTest.quotes(0.5, 100.0,
            new SviParams(0.03, 0.15, -0.3, 0.05, 0.25), 0.6, 1.6, 11));
        chain.addAll(VolSurfaceTest.quotes(0.25, 100.0, new SviParams(0.01, 0.12, -0.5, 0.02, 0.1), 0.9, 1.1, 4));
        ChainFit fit = ChainFitter.fitIvs(chain);
        assertEquals(2, fit.slices().size());
        assertEquals("expiry 0.25: 4 strikes with a usable quote: raw SVI has 5 parameters and needs at least 5",
            fit.slices().get(0).failure());
        SliceFit fitted = fit.slices().get(1);
        assertEquals(0.03, fitted.slice().params().a(), 1e-7);
        assertEquals(11, fitted.points());
        assertTrue(fitted.rmsIvError() < 1e-8);
        assertTrue(Double.isNaN(fitted.rmsIvErrorVsMark()));
        assertEquals(List.of(0.5), fit.surface().slices().stream().map(SviSlice::expiry).toList());
        assertEquals("quotes is empty: need a chain to fit",
            assertThrows(IllegalArgumentException.class, () -> ChainFitter.fitIvs(List.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChainFitter.fitIvs(null));
        assertThrows(IllegalArgumentException.class, () -> ChainFitter.fit(null));
    }

    @Test
    void forwardsAreComparedInOrderAndUpToOnePercent() {
        // The odd forward first: the check sorts, so 101.5 against 100 is still 1.5% apart.
        List<OptionQuote> chain = new ArrayList<>();
        chain.add(new OptionQuote(0.25, 140.0, 101.5, OptionType.CALL, NAN, NAN, NAN, 0.6));
        chain.addAll(ChainFitterTest.listed(0.25, 100.0, new SviParams(0.01, 0.12, -0.5, 0.02, 0.1), 0.7, 1.35, 15,
            0.01));
        assertEquals("expiry 0.25: quotes disagree on the forward (100.0 to 101.5, more than 0.01 of it apart); one"
            + " expiry has one forward", ChainFitter.fit(chain).slices().get(0).failure());
        // Exactly 1% apart (101 - 100 = 0.01 x 100) is still one forward, the median 100.
        chain.set(0, new OptionQuote(0.25, 140.0, 101.0, OptionType.CALL, NAN, NAN, NAN, 0.6));
        assertEquals(100.0, ChainFitter.fit(chain).slices().get(0).slice().forward(), 0.0);
    }

    @Test
    void aZeroWidthBookIsWeightedAtTheFloor() {
        double[] weights = ChainFitter.weights(List.of(new ChainFitter.Point(90, 0.5, 0.0, 0.5),
            new ChainFitter.Point(100, 0.5, NAN, 0.5)));
        // 1 / 0.005 for the zero width; the widest quoted width is 0, floored the same way.
        assertEquals(200.0, weights[0], 1e-12);
        assertEquals(200.0, weights[1], 1e-12);
    }

    @Test
    void fiveDistinctStrikesAreEnough() {
        ChainFit fit = ChainFitter.fitIvs(VolSurfaceTest.quotes(0.5, 100.0,
            new SviParams(0.03, 0.15, -0.3, 0.05, 0.25), 0.8, 1.2, 5));
        assertEquals(List.of(), fit.failures());
    }

    @Test
    void optionQuotesRefuseBadFieldsAndTakeNanForAbsent() {
        OptionQuote absent = new OptionQuote(0.5, 100, 100, OptionType.PUT, NAN, NAN, NAN, NAN);
        assertTrue(Double.isNaN(absent.bid()));
        assertEquals(Math.log(90.0 / 100.0), new OptionQuote(0.5, 90, 100, OptionType.PUT, 0, 0, 0, 0).logMoneyness(),
            1e-15);
        assertRefused("expiryYears = 0.0 must be positive and finite", () -> new OptionQuote(0, 100, 100,
            OptionType.PUT, NAN, NAN, NAN, NAN));
        assertRefused("strike = -1.0 must be positive and finite", () -> new OptionQuote(0.5, -1, 100, OptionType.PUT,
            NAN, NAN, NAN, NAN));
        assertRefused("forward = Infinity must be positive and finite", () -> new OptionQuote(0.5, 100,
            Double.POSITIVE_INFINITY, OptionType.PUT, NAN, NAN, NAN, NAN));
        assertRefused("type is missing (null)", () -> new OptionQuote(0.5, 100, 100, null, NAN, NAN, NAN, NAN));
        assertRefused("bid = -0.1 must be non-negative and finite, or NaN when absent", () -> new OptionQuote(0.5, 100,
            100, OptionType.PUT, -0.1, NAN, NAN, NAN));
        assertRefused("ask = -0.1 must be non-negative and finite, or NaN when absent", () -> new OptionQuote(0.5, 100,
            100, OptionType.PUT, NAN, -0.1, NAN, NAN));
        assertRefused("mark = Infinity must be non-negative and finite, or NaN when absent", () -> new OptionQuote(0.5,
            100, 100, OptionType.PUT, NAN, NAN, Double.POSITIVE_INFINITY, NAN));
        assertRefused("markIv = -0.5 must be non-negative and finite, or NaN when absent", () -> new OptionQuote(0.5,
            100, 100, OptionType.PUT, NAN, NAN, NAN, -0.5));
    }

    @Test
    void sliceAndChainFitsAreConsistent() {
        SviSlice slice = new SviSlice(0.5, 100, new SviParams(0.03, 0.15, -0.3, 0.05, 0.25));
        assertRefused("a slice fit has either a slice or a failure, not both (failure: why)",
            () -> new SliceFit(0.5, slice, 5, 0.0, 0.0, "why"));
        assertRefused("a slice fit has either a slice or a failure, not neither",
            () -> new SliceFit(0.5, null, 5, 0.0, 0.0, null));
        SliceFit fitted = new SliceFit(0.5, slice, 5, 0.0, 0.0, null);
        SliceFit failed = new SliceFit(0.25, null, 3, NAN, NAN, "too few");
        assertTrue(fitted.fitted());
        assertRefused("surface is missing (null) although some slices fitted",
            () -> new ChainFit(null, List.of(fitted)));
        assertRefused("a surface is given although no slice fitted",
            () -> new ChainFit(VolSurface.of(List.of(slice)), List.of(failed)));
        assertEquals(List.of(failed), new ChainFit(VolSurface.of(List.of(slice)), List.of(failed, fitted)).failures());
    }

    private static void assertRefused(String message, Runnable construct) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construct::run).getMessage());
    }

    /** A quote with bid = ask = mark at {@code iv} (Black-76, r = 0), forward 100, a quarter year out. */
    private static OptionQuote quote(OptionType type, double strike, double iv) {
        double price = Black76.price(new B76Option(type, 100, strike, 0.25, iv, 0.0));
        return new OptionQuote(0.25, strike, 100, type, price, price, price, iv);
    }
}
