package io.volvault.strategy.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CscvTest {

    /**
     * By hand, S = 2, two blocks of two bars. Sharpe (mean / sample sd, sd 0.014142 everywhere):
     * A: block 0 mean 0.02 -> 1.414, block 1 mean 0 -> 0; B: block 0 mean 0.01 -> 0.707,
     * block 1 mean 0.03 -> 2.121. In-sample block 0 picks A, which is last (rank 1 of 2) on block 1;
     * in-sample block 1 picks B, last on block 0. Both logits are ln((1/3) / (2/3)) = -ln 2: PBO 1.
     */
    @Test
    void aWinnerThatAlwaysReversesOverfitsEverySplit() {
        double[][] m = {{0.01, 0.00}, {0.03, 0.02}, {-0.01, 0.02}, {0.01, 0.04}};
        Cscv.Result r = Cscv.pbo(m, 2);
        assertEquals(1, r.probability(), 0);
        assertArrayEquals(new double[] {-Math.log(2), -Math.log(2)}, r.logits(), 1e-15);
        assertEquals(2, r.splits());
    }

    /** B beats A on both halves: B is picked and ranks 2 of 2, logit ln 2 each time. */
    @Test
    void aDominantConfigurationNeverOverfits() {
        double[][] m = {{0.01, 0.03}, {0.03, 0.04}, {-0.01, 0.02}, {0.01, 0.05}};
        Cscv.Result r = Cscv.pbo(m, 2);
        assertEquals(0, r.probability(), 0);
        assertArrayEquals(new double[] {Math.log(2), Math.log(2)}, r.logits(), 1e-15);
    }

    /** Three identical configurations tie: average rank 2 of 3, w = 1/2, logit 0, counted as overfit. */
    @Test
    void tiesTakeTheAverageRank() {
        double[][] m = new double[8][3];
        for (int t = 0; t < 8; t++) {
            double v = (t % 3) * 0.01 - 0.005;
            m[t] = new double[] {v, v, v};
        }
        Cscv.Result r = Cscv.pbo(m, 4);
        assertEquals(6, r.logits().length); // C(4, 2)
        for (double l : r.logits()) {
            assertEquals(0, l, 0);
        }
        assertEquals(1, r.probability(), 0);
    }

    /** Pure noise: the in-sample winner is a random draw out of sample, PBO near 1/2. */
    @Test
    void pureNoiseGivesAboutOneHalf() {
        double sum = 0;
        int seeds = 8;
        for (int s = 0; s < seeds; s++) {
            SplittableRandom rng = new SplittableRandom(100 + s);
            double[][] m = new double[1000][10];
            for (double[] row : m) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = 0.01 * StationaryBootstrapTest.gaussian(rng);
                }
            }
            sum += Cscv.pbo(m, 10).probability();
        }
        assertEquals(0.5, sum / seeds, 0.1);
    }

    /** One configuration with a real edge among noise: PBO near 0. */
    @Test
    void aRealEdgeAmongNoiseGivesAlmostZero() {
        SplittableRandom rng = new SplittableRandom(9);
        double[][] m = new double[1000][10];
        for (double[] row : m) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (c == 3 ? 0.004 : 0) + 0.01 * StationaryBootstrapTest.gaussian(rng);
            }
        }
        assertEquals(0, Cscv.pbo(m, 10).probability(), 0.02);
    }

    @Test
    void badShapesAreRefused() {
        double[][] m = new double[20][3];
        assertThrows(IllegalArgumentException.class, () -> Cscv.pbo(m, 3));
        assertThrows(IllegalArgumentException.class, () -> Cscv.pbo(m, 0));
        assertThrows(IllegalArgumentException.class, () -> Cscv.pbo(m, 12));
        assertThrows(IllegalArgumentException.class, () -> Cscv.pbo(new double[20][1], 2));
        double[][] ragged = new double[20][3];
        ragged[5] = new double[2];
        assertThrows(IllegalArgumentException.class, () -> Cscv.pbo(ragged, 2));
    }
}
