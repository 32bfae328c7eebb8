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

    @Test
    void aSwapLargerThanThePoolIsRefused() {
        ConstantProductPool pool = new ConstantProductPool(30, 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.quoteInForBaseOut(100, 10));
        assertTrue(e.getMessage().contains("pool_depth_quote"), e.getMessage());
    }
}
