package io.volvault.strategy.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantProductPoolTest {

    @Test
    void feeFreeImpactMatchesTheConstantProduct() {
        // Q = 1000, S = 10 -> B = 100. Taking 10 base leaves 90, so Q' = 1000 * 100 / 90.
        ConstantProductPool pool = new ConstantProductPool(0, 1000);
        assertEquals(1000 * 100 / 90.0 - 1000, pool.quoteInForBaseOut(10, 10), 1e-9);
        assertEquals(1000 * 100 / 90.0 - 1000 - 100, pool.cost(10, 10), 1e-9);
        // Selling 10 base: B' = 110, Q' = 1000 * 100 / 110.
        assertEquals(1000 - 1000 * 100 / 110.0, pool.quoteOutForBaseIn(10, 10), 1e-9);
    }

    @Test
    void theFeeIsTakenOnTheInputAndKeepsTheInvariant() {
        ConstantProductPool pool = new ConstantProductPool(30, 1_000_000);
        double spot = 2000;
        double quoteIn = 10_000;
        double baseOut = pool.baseOutForQuoteIn(quoteIn, spot);
        double reserveBase = 1_000_000 / spot;
        double k = 1_000_000 * reserveBase;
        assertEquals(k, (1_000_000 + quoteIn * 0.997) * (reserveBase - baseOut), 1e-6 * k);
        assertEquals(quoteIn, pool.quoteInForBaseOut(baseOut, spot), 1e-6);
        // Round trip loses two fees (0.6%) plus about 1% impact each way on a 1% of depth trade.
        double back = pool.quoteOutForBaseIn(baseOut, spot);
        assertTrue(back < quoteIn * 0.994 && back > quoteIn * 0.97, "round trip returned " + back);
        assertTrue(pool.cost(-baseOut, spot) > 0);
    }

    /**
     * Each direction with a 30 bp fee against x y = k worked by hand: Q = 1,000,000, spot 2,000, so
     * B = 500. Selling 5 base puts in 5 x 0.997 = 4.985 after the fee and takes out
     * Q x 4.985 / (500 + 4.985) = 997,000,000 / 100,997 = 9,871.580343970612 quote. Paying 10,000
     * quote puts in 9,970 and takes out 500 x 9,970 / 1,009,970 = 4.935790171985307 base. Buying 5
     * base needs 1,000,000 x 5 / 495 = 10,101.0101... after the fee, so 10,131.404313951956 before.
     */
    @Test
    void eachDirectionChargesTheFeeOnWhatGoesIn() {
        ConstantProductPool pool = new ConstantProductPool(30, 1_000_000);
        assertEquals(9_871.580343970612, pool.quoteOutForBaseIn(5, 2000), 1e-9);
        assertEquals(4.935790171985307, pool.baseOutForQuoteIn(10_000, 2000), 1e-12);
        assertEquals(10_131.404313951956, pool.quoteInForBaseOut(5, 2000), 1e-9);
        // The cost against mid: 10,131.40 - 10,000 buying, 10,000 - 9,871.58 selling.
        assertEquals(131.40431395195688, pool.cost(5, 2000), 1e-9);
        assertEquals(128.41965602938700, pool.cost(-5, 2000), 1e-9);
        assertEquals(0.0, pool.cost(0, 2000));
    }

    @Test
    void aSwapLargerThanThePoolIsRefused() {
        ConstantProductPool pool = new ConstantProductPool(30, 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.quoteInForBaseOut(100, 10));
        assertTrue(e.getMessage().contains("pool_depth_quote"), e.getMessage());
    }
}
