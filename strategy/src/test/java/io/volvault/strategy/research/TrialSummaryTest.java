package io.volvault.strategy.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialSummaryTest {

    /**
     * Peer: numpy and scipy on r = [0.01, -0.02, 0.04, 0, 0.01, -0.03, 0.02]: mean / std(ddof=1),
     * scipy.stats.skew, kurtosis(fisher=False). Two blocks of 7 // 2 = 3 returns, the 7th in none:
     * sums 0.03 and -0.02, sums of squares 0.0021 and 0.001 (by hand).
     */
    @Test
    void matchesNumpyAndScipy() {
        TrialSummary s = TrialSummary.of(new double[] {0.01, -0.02, 0.04, 0, 0.01, -0.03, 0.02}, 2);
        assertEquals(7, s.observations());
        assertEquals(0.18079726583031927, s.sharpe(), 1e-14);
        assertEquals(-0.0661977513461817, s.skewness(), 1e-13);
        assertEquals(2.1062194771617353, s.kurtosis(), 1e-13);
        assertArrayEquals(new double[] {0.03, -0.02}, s.blockSum(), 1e-17);
        assertArrayEquals(new double[] {0.0021, 0.001}, s.blockSumSq(), 1e-18);
        assertEquals(2, s.splits());
    }

    /** A flat path: Sharpe 0 by convention, and no moments to speak of. */
    @Test
    void aFlatPathHasSharpeZeroAndUndefinedMoments() {
        TrialSummary s = TrialSummary.of(new double[] {0, 0, 0, 0}, 2);
        assertEquals(0, s.sharpe(), 0);
        assertTrue(Double.isNaN(s.skewness()) && Double.isNaN(s.kurtosis()));
    }

    @Test
    void badSplitsAreRefused() {
        double[] r = new double[8];
        assertEquals("CSCV splits 3 must be an even number >= 2",
            assertThrows(IllegalArgumentException.class, () -> TrialSummary.of(r, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrialSummary.of(r, 0));
        assertEquals("CSCV needs at least 2 bars per split: 7 bars for 4 splits",
            assertThrows(IllegalArgumentException.class, () -> TrialSummary.of(new double[7], 4)).getMessage());
        // 8 bars are enough for 4 splits.
        assertEquals(4, TrialSummary.of(r, 4).splits());
    }

    /** The PBO from summaries is the PBO from the returns, to the last bit; trials must match. */
    @Test
    void cscvFromSummariesEqualsCscvFromReturns() {
        double[][] byBar = new double[403][3];
        for (int t = 0; t < byBar.length; t++) {
            for (int c = 0; c < 3; c++) {
                double x = StrictMath.sin(7 * t + 13 * c) * 1000;
                byBar[t][c] = 0.0002 * c + 0.01 * (x - Math.floor(x) - 0.5);
            }
        }
        List<TrialSummary> trials = new java.util.ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[] col = new double[byBar.length];
            for (int t = 0; t < byBar.length; t++) {
                col[t] = byBar[t][c];
            }
            trials.add(TrialSummary.of(col, 6));
        }
        Cscv.Result a = Cscv.pbo(byBar, 6);
        Cscv.Result b = Cscv.pbo(trials);
        assertEquals(a.probability(), b.probability(), 0);
        assertArrayEquals(a.logits(), b.logits(), 0);
        assertEquals(6, b.splits());
        assertEquals("CSCV needs at least 2 configurations, got 1",
            assertThrows(IllegalArgumentException.class, () -> Cscv.pbo(trials.subList(0, 1))).getMessage());
        TrialSummary shorter = TrialSummary.of(new double[402], 6);
        assertEquals("trial 1 has 402 bars in 6 blocks, trial 0 has 403 in 6", assertThrows(
            IllegalArgumentException.class, () -> Cscv.pbo(List.of(trials.get(0), shorter))).getMessage());
        TrialSummary fewerBlocks = TrialSummary.of(new double[403], 4);
        assertEquals("trial 1 has 403 bars in 4 blocks, trial 0 has 403 in 6", assertThrows(
            IllegalArgumentException.class, () -> Cscv.pbo(List.of(trials.get(0), fewerBlocks))).getMessage());
    }
}
