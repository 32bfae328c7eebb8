package io.volvault.greeks.realized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PriceBarsTest {

    @Test
    void copiesItsInputs() {
        double[] close = {10, 11, 12};
        PriceBars bars = PriceBars.ofCloses(new long[] {1, 2, 3}, close);
        close[0] = 99;
        assertEquals(10.0, bars.close()[0]);
        assertArrayEquals(new double[] {Math.log(1.1), Math.log(12.0 / 11.0)}, bars.logReturns(), 1e-16);
    }

    @Test
    void infersPeriodsPerYearFromTheMedianSpacing() throws Exception {
        assertEquals(365.0, SeriesFiles.bars("btc_usd_daily.csv").inferredPeriodsPerYear(), 0.0);
        assertEquals(8760.0, SeriesFiles.bars("eth_usd_hourly.csv").inferredPeriodsPerYear(), 0.0);
        // One missing day does not move the median.
        PriceBars gappy = PriceBars.ofCloses(new long[] {0, 86_400, 259_200, 345_600}, new double[] {1, 2, 3, 4});
        assertEquals(365.0, gappy.inferredPeriodsPerYear(), 0.0);
    }

    @Test
    void refusesBadBarsNamingTheIndexAndValue() {
        assertMessage("epochSeconds[2] = 2 is not after epochSeconds[1] = 2: times must strictly increase",
            () -> PriceBars.ofCloses(new long[] {1, 2, 2}, new double[] {1, 1, 1}));
        assertMessage("close[1] = -3.0 is not a positive finite price",
            () -> new PriceBars(new long[] {1, 2}, new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1},
                new double[] {1, -3}));
        assertMessage("open[0] = NaN is not a positive finite price",
            () -> new PriceBars(new long[] {1}, new double[] {Double.NaN}, new double[] {2}, new double[] {1}, new double[] {1}));
        assertMessage("bar 0: low = 3.0 is above high = 2.0",
            () -> new PriceBars(new long[] {1}, new double[] {2}, new double[] {2}, new double[] {3}, new double[] {2}));
        assertMessage("bar 0: close = 2.5 is outside [low, high] = [1.0, 2.0]",
            () -> new PriceBars(new long[] {1}, new double[] {1.5}, new double[] {2}, new double[] {1}, new double[] {2.5}));
        assertMessage("high has 1 values but epochSeconds has 2",
            () -> new PriceBars(new long[] {1, 2}, new double[] {1, 1}, new double[] {1}, new double[] {1, 1}, new double[] {1, 1}));
        assertMessage("epochSeconds is empty: need at least one bar",
            () -> PriceBars.ofCloses(new long[0], new double[0]));
    }

    /** Every field's check, one bad field at a time, on an otherwise valid two-bar series. */
    @Test
    void checksEveryFieldOfEveryBar() {
        long[] t = {1, 2};
        double[] ok = {2, 2};
        double[] lo = {1, 1};
        double[] hi = {3, 3};
        assertMessage("open has 1 values but epochSeconds has 2", () -> new PriceBars(t, new double[] {2}, hi, lo, ok));
        assertMessage("low has 1 values but epochSeconds has 2", () -> new PriceBars(t, ok, hi, new double[] {1}, ok));
        assertMessage("close has 3 values but epochSeconds has 2", () -> new PriceBars(t, ok, hi, lo, new double[] {2, 2, 2}));
        assertMessage("close is missing (null)", () -> new PriceBars(t, ok, hi, lo, null));
        assertMessage("high[1] = Infinity is not a positive finite price",
            () -> new PriceBars(t, ok, new double[] {3, Double.POSITIVE_INFINITY}, lo, ok));
        assertMessage("low[1] = 0.0 is not a positive finite price", () -> new PriceBars(t, ok, hi, new double[] {1, 0}, ok));
        assertMessage("bar 1: open = 3.5 is outside [low, high] = [1.0, 3.0]",
            () -> new PriceBars(t, new double[] {2, 3.5}, hi, lo, ok));
        assertMessage("bar 1: open = 0.5 is outside [low, high] = [1.0, 3.0]",
            () -> new PriceBars(t, new double[] {2, 0.5}, hi, lo, ok));
        // Prices on the range's edges and the smallest positive price are valid.
        PriceBars edges = new PriceBars(t, new double[] {1, 3}, hi, lo, new double[] {3, 1});
        assertEquals(2, edges.size());
        PriceBars.ofCloses(new long[] {1}, new double[] {Double.MIN_VALUE});
        assertMessage("need at least 2 bars to infer the bar spacing, got 1",
            () -> PriceBars.ofCloses(new long[] {1}, new double[] {1}).inferredPeriodsPerYear());
        // Median of the gaps 3600, 3600, 7200 (sorted) is the middle one: hourly.
        assertEquals(8760.0, PriceBars.ofCloses(new long[] {0, 3600, 10_800, 14_400}, new double[] {1, 1, 1, 1})
            .inferredPeriodsPerYear(), 0.0);
        // Two gaps, 60 and 120: the median index 1 is the larger, 120 s.
        assertEquals(365.0 * 86_400 / 120, PriceBars.ofCloses(new long[] {0, 60, 180}, new double[] {1, 1, 1})
            .inferredPeriodsPerYear(), 0.0);
    }

    @Test
    void volSeriesRefusesIndicesOutsideItsValidRange() {
        VolSeries series = new VolSeries(2, new double[] {Double.NaN, Double.NaN, 0.5, 0.6});
        assertEquals(0.5, series.at(2));
        assertEquals(0.6, series.last());
        assertMessage("index 1 is outside the valid range [2, 3] of this volatility series", () -> series.at(1));
        assertMessage("index 4 is outside the valid range [2, 3] of this volatility series", () -> series.at(4));
        assertMessage("firstIndex = -1 is negative", () -> new VolSeries(-1, new double[1]));
        assertEquals(0.7, new VolSeries(0, new double[] {0.7}).at(0));
        assertEquals(false, new VolSeries(1, new double[] {Double.NaN}).hasValues());
    }

    @Test
    void estimatorNamesParseInAnySpelling() {
        assertEquals(Estimator.CLOSE_TO_CLOSE, Estimator.parse("close-to-close"));
        assertEquals(Estimator.YANG_ZHANG, Estimator.parse("Yang-Zhang"));
        assertEquals(Estimator.GARMAN_KLASS, Estimator.parse("GARMAN_KLASS"));
        assertMessage("estimator 'garch-ish' is not one of close-to-close, ewma, parkinson, garman-klass, "
            + "rogers-satchell, yang-zhang", () -> Estimator.parse("garch-ish"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action).getMessage());
    }
}
