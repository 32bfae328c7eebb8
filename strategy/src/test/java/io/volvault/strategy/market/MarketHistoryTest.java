package io.volvault.strategy.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.volvault.greeks.realized.PriceBars;
import org.junit.jupiter.api.Test;

/** Trading starts at the first bar where both vols are positive; a zero is not a vol. */
class MarketHistoryTest {

    private static final PriceBars BARS = PriceBars.ofCloses(new long[] {1, 2, 3, 4}, new double[] {10, 11, 12, 13});

    @Test
    void firstTradableBarNeedsBothVolsPositive() {
        boolean[] proxy = new boolean[4];
        // Bar 0: no forecast yet; bar 1: a zero forecast; bar 2: a zero implied vol; bar 3: both.
        MarketHistory h = new MarketHistory(BARS, 365, new double[] {Double.NaN, 0.0, 0.5, 0.5},
            new double[] {0.6, 0.6, 0.0, 0.6}, proxy, new double[4], new double[4], new double[4], 0.0);
        assertEquals(3, h.firstTradableBar());
        MarketHistory never = new MarketHistory(BARS, 365, new double[4], new double[] {0.6, 0.6, 0.6, 0.6}, proxy,
            new double[4], new double[4], new double[4], 0.0);
        assertEquals("no bar has both a volatility forecast and an implied vol: the history (4 bars) is shorter than"
            + " the estimator window", assertThrows(IllegalArgumentException.class, never::firstTradableBar).getMessage());
        assertEquals("forecast, implied, proxy and implied-vol statistics must have one value per bar (4), got 4, 3, 4, 4, 4",
            assertThrows(IllegalArgumentException.class, () -> new MarketHistory(BARS, 365, new double[4], new double[3],
                proxy, new double[4], new double[4], new double[4], 0.0)).getMessage());
    }
}
