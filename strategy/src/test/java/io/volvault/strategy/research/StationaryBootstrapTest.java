package io.volvault.strategy.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StationaryBootstrapTest {

    /** AR(1) driven by frac(sin(t + 1) x 10^4) - 1/2; the same series is built in the Python below. */
    static double[] ar1(int n, double phi) {
        double[] y = new double[n];
        double prev = 0;
        for (int t = 0; t < n; t++) {
            double s = StrictMath.sin(t + 1) * 10000;
            prev = phi * prev + (s - Math.floor(s) - 0.5);
            y[t] = prev;
        }
        return y;
    }

    /**
     * Peer: Python arch 8.0.0, {@code optimal_block_length(y)['stationary']} on the same series
     * (its Politis-White implementation, a translation of Patton's reference code).
     */
    @ParameterizedTest
    @CsvSource({
        "500, 0.6, 11.936605599306834",
        "2000, 0.3, 10.740381540739111",
        "1000, 0.0, 1.5934357899470935",
        "300, 0.9, 13.452045707681247",
    })
    void automaticBlockLengthMatchesArch(int n, double phi, double arch) {
        assertEquals(arch, StationaryBootstrap.automaticBlockLength(ar1(n, phi)), 1e-9 * arch);
    }

    @Test
    void automaticBlockLengthIsCappedAtThreeRootN() {
        // A random walk's increments would need blocks longer than the cap ceil(min(3 sqrt(n), n/3)) = 30.
        double[] walk = new double[100];
        for (int t = 1; t < walk.length; t++) {
            walk[t] = walk[t - 1] + (t % 7) - 3;
        }
        assertEquals(30, StationaryBootstrap.automaticBlockLength(walk), 0);
    }

    @Test
    void automaticBlockLengthRefusesShortOrConstantSeries() {
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.automaticBlockLength(new double[8]));
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.automaticBlockLength(new double[50]));
    }

    @Test
    void blocksRestartWithProbabilityOneOverTheMeanLength() {
        int n = 200_000;
        int[] idx = StationaryBootstrap.resampleIndices(n, 5, new SplittableRandom(7));
        int restarts = 0;
        for (int t = 1; t < n; t++) {
            if (idx[t] != (idx[t - 1] + 1) % n) {
                restarts++;
            }
        }
        // Binomial(n, 1/5 x (1 - 1/n)): sd = sqrt(n 0.2 0.8) = 179; allow 5 sd.
        assertEquals(0.2 * n, restarts, 900);
    }

    @Test
    void anEndlessBlockIsTheSampleRotated() {
        int[] idx = StationaryBootstrap.resampleIndices(10, 1e300, new SplittableRandom(3));
        for (int t = 1; t < idx.length; t++) {
            assertEquals((idx[t - 1] + 1) % 10, idx[t]);
        }
    }

    @Test
    void resampleIndicesRefusesBadArguments() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.resampleIndices(0, 2, rng));
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.resampleIndices(10, 0.5, rng));
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.resampleIndices(10, Double.NaN, rng));
    }

    @Test
    void annualFiguresByHand() {
        // Returns 10%, -5%, 2% over one year of 3 bars: NAV 1, 1.1, 1.045, 1.0659.
        // mean 0.023333, sample variance 0.0112667 / 2 = 0.00563333, x 3 = 0.0169 -> vol 0.13;
        // Sharpe 0.07 / 0.13; drawdown 1 - 1.045 / 1.1 = 0.05.
        double[] f = StationaryBootstrap.annualFigures(new double[] {0.1, -0.05, 0.02}, 3);
        assertArrayEquals(new double[] {0.0659, 0.13, 0.07 / 0.13, 0.05}, f, 1e-12);
        // Two years of the same three bars per year compound to the same CAGR.
        f = StationaryBootstrap.annualFigures(new double[] {0.1, -0.05, 0.02, 0.1, -0.05, 0.02}, 3);
        assertEquals(0.0659, f[0], 1e-12);
    }

    /** i.i.d. normal daily returns: the intervals match the asymptotic standard errors. */
    @Test
    void intervalsMatchAsymptoticStandardErrorsOnIidReturns() {
        int n = 2000;
        double[] r = new double[n];
        SplittableRandom rng = new SplittableRandom(11);
        for (int t = 0; t < n; t++) {
            r[t] = 0.0005 + 0.01 * gaussian(rng);
        }
        StationaryBootstrap.Intervals ci = StationaryBootstrap.intervals(r, 365, 1, 2000, 0.95, 42);
        double[] point = StationaryBootstrap.annualFigures(r, 365);
        assertEquals(point[1], ci.vol().estimate(), 0);
        // se(vol) ~ vol / sqrt(2n) for normal returns; the 95% interval is ~ 2 x 1.96 se wide.
        double volWidth = 2 * 1.96 * point[1] / Math.sqrt(2.0 * n);
        assertEquals(volWidth, ci.vol().upper() - ci.vol().lower(), 0.15 * volWidth);
        // se(Sharpe per bar) ~ sqrt((1 + SR^2 / 2) / n) (Lo 2002), annualised x sqrt(365).
        double sr = point[2] / Math.sqrt(365);
        double sharpeWidth = 2 * 1.96 * Math.sqrt((1 + sr * sr / 2) / n) * Math.sqrt(365);
        assertEquals(sharpeWidth, ci.sharpe().upper() - ci.sharpe().lower(), 0.15 * sharpeWidth);
        for (StationaryBootstrap.Interval i : new StationaryBootstrap.Interval[] {ci.cagr(), ci.vol(), ci.sharpe(), ci.maxDrawdown()}) {
            assertTrue(i.lower() < i.estimate() && i.estimate() < i.upper(), i.toString());
        }
        assertEquals(1, ci.blockLength(), 0);
        assertEquals(2000, ci.resamples());
    }

    @Test
    void intervalsAreSeededAndUseTheAutomaticBlockByDefault() {
        double[] r = ar1(400, 0.5);
        for (int t = 0; t < r.length; t++) {
            r[t] = r[t] / 50;
        }
        StationaryBootstrap.Intervals a = StationaryBootstrap.intervals(r, 365, Double.NaN, 200, 0.9, 5);
        StationaryBootstrap.Intervals b = StationaryBootstrap.intervals(r, 365, Double.NaN, 200, 0.9, 5);
        StationaryBootstrap.Intervals c = StationaryBootstrap.intervals(r, 365, Double.NaN, 200, 0.9, 6);
        assertEquals(a, b);
        assertNotEquals(a.sharpe().lower(), c.sharpe().lower());
        double[] squared = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            squared[t] = r[t] * r[t];
        }
        assertEquals(Math.max(StationaryBootstrap.automaticBlockLength(r), StationaryBootstrap.automaticBlockLength(squared)),
            a.blockLength(), 0);

        // A narrower level gives a narrower interval from the same draws.
        StationaryBootstrap.Intervals narrow = StationaryBootstrap.intervals(r, 365, Double.NaN, 200, 0.5, 5);
        assertTrue(narrow.vol().upper() - narrow.vol().lower() < a.vol().upper() - a.vol().lower());
    }

    /** Uncorrelated returns whose vol switches between 1% and 3% every 50 bars: the squares set the block. */
    @Test
    void volatilityClusteringLengthensTheDefaultBlock() {
        double[] r = new double[1000];
        double[] squared = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            double s = StrictMath.sin(t + 1) * 10000;
            r[t] = ((t / 50) % 2 == 0 ? 0.01 : 0.03) * (s - Math.floor(s) - 0.5);
            squared[t] = r[t] * r[t];
        }
        double plain = StationaryBootstrap.automaticBlockLength(r);
        double clustered = StationaryBootstrap.automaticBlockLength(squared);
        assertTrue(clustered > 3 * plain, clustered + " vs " + plain);
        assertEquals(clustered, StationaryBootstrap.intervals(r, 365, Double.NaN, 100, 0.9, 1).blockLength(), 0);
    }

    @Test
    void intervalsRefuseTooFewResamplesOrABadLevel() {
        double[] r = ar1(100, 0.1);
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.intervals(r, 365, 2, 99, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.intervals(r, 365, 2, 100, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> StationaryBootstrap.intervals(r, 365, 2, 100, 0, 1));
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller on two uniforms in (0, 1].
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
