package io.volvault.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.volvault.greeks.realized.PriceBars;
import org.junit.jupiter.api.Test;

/** The capped book's achievable vol, against sums done by hand. */
class FeasibilityTest {

    /**
     * Bar 1's return (ln 100) is before the run and left out; the run's log returns are 0.01, 0.03,
     * 0.02, 0.05, with 100 bars a year.
     */
    private static final PriceBars BARS = PriceBars.ofCloses(new long[] {0, 1, 2, 3, 4, 5},
        new double[] {1, 100, 100 * Math.exp(0.01), 100 * Math.exp(0.04), 100 * Math.exp(0.06), 100 * Math.exp(0.11)});

    private static double achievable(double target, double leverage, int window) {
        return Feasibility.achievableVol(BARS, 1, 6, target, leverage, window, 100);
    }

    /**
     * Window 3 (one bar each side): sigma^2 = 100 x (1 + 9) / 2e4, (1 + 9 + 4) / 3e4, (9 + 4 + 25) / 3e4,
     * (4 + 25) / 2e4 = 0.05, 0.046667, 0.126667, 0.145; capped at 0.3^2 = 0.09:
     * sqrt((0.05 + 0.046667 + 0.09 + 0.09) / 4) = 0.262996.
     */
    @Test
    void centredWindowsCappedAtTheTarget() {
        assertEquals(0.26299556396765833, achievable(0.3, 1, 3), 1e-15);
        // Window 2 has the same half-width (2 / 2 = 1).
        assertEquals(0.26299556396765833, achievable(0.3, 1, 2), 1e-15);
        // One bar each: 0.01, 0.09, 0.04, min(0.25, 0.09): sqrt(0.23 / 4).
        assertEquals(Math.sqrt(0.23 / 4), achievable(0.3, 1, 1), 1e-15);
    }

    /** Half the leverage: every sigma^2 x 0.25, none reaching 0.09: sqrt(0.0920833 / 4). */
    @Test
    void leverageScalesTheReach() {
        assertEquals(0.15172617880027606, achievable(0.3, 0.5, 3), 1e-15);
    }

    /** A target the spot's vol always exceeds is feasible whole. */
    @Test
    void aLowTargetIsReachedExactly() {
        assertEquals(0.1, achievable(0.1, 1, 3), 1e-15);
    }

    /** Two bars are one return, 0.05: sigma^2 = 100 x 0.0025 = 0.25, so 0.5 under a 0.6 target. */
    @Test
    void twoBarsAreEnough() {
        assertEquals(0.5, Feasibility.achievableVol(BARS, 4, 6, 0.6, 1, 1, 100), 1e-15);
    }

    @Test
    void badRangesAndWindowsAreNamed() {
        assertEquals("bars [1, 2) must lie within [0, 6) and hold at least 2 bars",
            assertThrows(IllegalArgumentException.class,
                () -> Feasibility.achievableVol(BARS, 1, 2, 0.3, 1, 3, 100)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Feasibility.achievableVol(BARS, -1, 4, 0.3, 1, 3, 100));
        assertThrows(IllegalArgumentException.class, () -> Feasibility.achievableVol(BARS, 1, 7, 0.3, 1, 3, 100));
        // From bar 0 the jump of ln 100 is in the run: one bar each, 0.09 (capped), 0.01, 0.09, 0.04, 0.09.
        assertEquals(Math.sqrt(0.32 / 5), Feasibility.achievableVol(BARS, 0, 6, 0.3, 1, 1, 100), 1e-12);
        assertEquals("window 0 must be at least 1 bar", assertThrows(IllegalArgumentException.class,
            () -> achievable(0.3, 1, 0)).getMessage());
    }
}
