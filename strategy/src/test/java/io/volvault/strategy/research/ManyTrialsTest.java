package io.volvault.strategy.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ManyTrialsTest {

    /** Four trials: NAV_t+1 = NAV_t (1 + 0.0001 k + 0.01 (frac(sin(t + 1 + 1000 k) 10^4) - 1/2)). */
    static double[][] navs() {
        double[][] navs = new double[4][401];
        for (int k = 0; k < 4; k++) {
            navs[k][0] = 1;
            for (int t = 0; t < 400; t++) {
                double s = StrictMath.sin(t + 1 + 1000 * k) * 10000;
                navs[k][t + 1] = navs[k][t] * (1 + 0.0001 * k + 0.01 * (s - Math.floor(s) - 0.5));
            }
        }
        return navs;
    }

    /**
     * Peer: numpy and scipy on the same series (Sharpe = mean / std(ddof=1) per bar, its variance
     * across the 4 trials with ddof=1, scipy.stats.skew and kurtosis(fisher=False) of the pick,
     * the DSR formula with norm.ppf / norm.cdf). Trial 1 has the best Sharpe.
     */
    @Test
    void matchesNumpyAndScipy() {
        ManyTrials m = ManyTrials.of(navs(), 1, 4);
        assertEquals(4, m.trials());
        assertEquals(400, m.observations());
        assertEquals(0.1497402628347384, m.pickedSharpe(), 1e-12);
        assertEquals(0.010008770285004005, m.sharpeVariance(), 1e-14);
        assertEquals(-0.14789910144139387, m.skewness(), 1e-10);
        assertEquals(1.7933786581280766, m.kurtosis(), 1e-10);
        assertEquals(0.10525840939261573, m.expectedMaxSharpe(), 1e-12);
        assertEquals(0.8097404581132308, m.deflatedSharpe(), 1e-10);
        double[][] byBar = new double[400][4];
        for (int t = 0; t < 400; t++) {
            for (int k = 0; k < 4; k++) {
                byBar[t][k] = navs()[k][t + 1] / navs()[k][t] - 1;
            }
        }
        assertEquals(Cscv.pbo(byBar, 4).probability(), m.pbo(), 0);
        assertEquals(4, m.splits());
    }

    /**
     * Every trial's DSR against the same bar, from the same numpy and scipy script: trial 0 (Sharpe
     * -0.071 a bar) 0.00022063989699190362, trial 2 0.6437623850704307, trial 3 0.4593574610408974;
     * the pick's equals {@link ManyTrials#deflatedSharpe}. From summaries, the same record.
     */
    @Test
    void everyTrialsDeflatedSharpe() {
        java.util.List<TrialSummary> trials = new java.util.ArrayList<>();
        for (double[] nav : navs()) {
            double[] r = new double[nav.length - 1];
            for (int i = 0; i < r.length; i++) {
                r[i] = nav[i + 1] / nav[i] - 1;
            }
            trials.add(TrialSummary.of(r, 4));
        }
        ManyTrials m = ManyTrials.of(trials, 1);
        assertEquals(ManyTrials.of(navs(), 1, 4), m);
        assertEquals(0.00022063989699190362, m.deflatedSharpeOf(trials.get(0)), 1e-14);
        assertEquals(m.deflatedSharpe(), m.deflatedSharpeOf(trials.get(1)), 0);
        assertEquals(0.6437623850704307, m.deflatedSharpeOf(trials.get(2)), 1e-10);
        assertEquals(0.4593574610408974, m.deflatedSharpeOf(trials.get(3)), 1e-10);
        // Two trials are enough, and trial 0 may be the pick (numpy and scipy: the Sharpe variance of
        // trials 0 and 1, the bar for N = 2, trial 0's DSR).
        ManyTrials two = ManyTrials.of(trials.subList(0, 2), 0);
        assertEquals(0.024448275459216167, two.sharpeVariance(), 1e-14);
        assertEquals(0.08126865620102734, two.expectedMaxSharpe(), 1e-12);
        assertEquals(0.0011953710186035304, two.deflatedSharpe(), 1e-12);
        assertEquals("picked trial 4 is not one of the 4 trials",
            assertThrows(IllegalArgumentException.class, () -> ManyTrials.of(trials, 4)).getMessage());
        assertEquals("statistics of many trials need at least 2 configurations, got 1",
            assertThrows(IllegalArgumentException.class, () -> ManyTrials.of(trials.subList(0, 1), 0)).getMessage());
    }

    @Test
    void badShapesAreRefused() {
        double[][] one = {navs()[0]};
        assertThrows(IllegalArgumentException.class, () -> ManyTrials.of(one, 0, 4));
        double[][] ragged = navs();
        ragged[2] = new double[10];
        assertThrows(IllegalArgumentException.class, () -> ManyTrials.of(ragged, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> ManyTrials.of(navs(), 4, 4));
        assertThrows(IllegalArgumentException.class, () -> ManyTrials.of(navs(), -1, 4));
    }
}
