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
