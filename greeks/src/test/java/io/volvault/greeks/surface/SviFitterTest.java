package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.junit.jupiter.api.Test;

/** The implied-vol SVI fitter on slices whose answer is known. */
class SviFitterTest {

    private static final double DAY = 1.0 / 365.25;

    @Test
    void recoversGeneratingSlices() {
        // Gatheral and Jacquier (2014) SSVI slice: eta = 1, rho = -0.15, gamma = 1/2 at a 60% ATM vol,
        // arbitrage-free by their Theorem 4.2 since eta (1 + |rho|) <= 2.
        SviParams ssvi = SkewModel.CRYPTO_DEFAULT.slice(0.6, 1.0, 30 * DAY).params();
        assertRecovers(30 * DAY, ssvi, -0.4, 0.3, 17);
        // A one-week crypto-like smile, and a long one with wide wings.
        assertRecovers(7 * DAY, new SviParams(0.001, 0.05, -0.3, 0.01, 0.05), -0.2, 0.15, 13);
        assertRecovers(1.0, new SviParams(0.03, 0.15, -0.3, 0.05, 0.25), -1.2, 1.0, 21);
        // Axel Vogt's slice (Gatheral and Jacquier 2014, section 2.2): arbitrageable, still SVI.
        assertRecovers(1.0, new SviParams(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153), -1.5, 1.5, 25);
    }

    /**
     * rho = 0.25 lies between the chords' nodes 0 and 0.5, where they keep a >= -0.93301 b sigma,
     * above this slice's a = -0.0575 (its minimum of w is -0.0575 + 0.06 sqrt(1 - 0.0625) = 0.000595):
     * the linear stage cannot reach it, the Levenberg-Marquardt polish on the exact IV error does.
     */
    @Test
    void thePolishReachesSlicesTheLinearStageCannot() {
        assertRecovers(1.0, new SviParams(-0.0575, 0.3, 0.25, 0.0, 0.2), -0.6, 0.6, 21);
    }

    /** The linear stage alone, where no constraint binds, lands on the generating slice. */
    @Test
    void theQuasiExplicitStageAloneRecoversAnUnconstrainedSlice() {
        SviParams truth = new SviParams(0.03, 0.15, -0.3, 0.05, 0.25);
        double[] found = problem(1.0, truth, -1.2, 1.0, 21).quasiExplicit();
        assertArrayEquals(new double[] {0.03, 0.15, -0.3, 0.05, 0.25}, found, 1e-6);
        SviParams shortSmile = new SviParams(0.001, 0.05, -0.3, 0.01, 0.05);
        assertArrayEquals(new double[] {0.001, 0.05, -0.3, 0.01, 0.05},
            problem(7 * DAY, shortSmile, -0.2, 0.15, 13).quasiExplicit(), 1e-6);
    }

    /** The polish alone, from a start 10% off in every parameter, lands on the generating slice. */
    @Test
    void thePolishAloneConvergesFromAPerturbedStart() {
        SviParams truth = new SviParams(-0.0575, 0.3, 0.25, 0.0, 0.2);
        SviFitter.Problem problem = problem(1.0, truth, -0.6, 0.6, 21);
        double[] start = {-0.0575 * 0.9, 0.3 * 1.1, 0.25 * 0.9, 0.02, 0.2 * 1.1};
        double[] polished = problem.polish(start);
        assertArrayEquals(new double[] {-0.0575, 0.3, 0.25, 0.0, 0.2}, polished, 1e-8);
        assertEquals(0.0, problem.ivError(polished), 1e-20);
        assertTrue(problem.ivError(start) > 1e-6);
    }

    @Test
    void ivErrorIsTheWeightedSumOfSquaredVolErrors() {
        // Two points off a flat 40% smile (a = 0.16, b = 0): 0.5 and 0.3 vol, weights 2 and 1:
        // (2 (0.4 - 0.5))^2 + (1 (0.4 - 0.3))^2 = 0.04 + 0.01 = 0.05.
        SviFitter.Problem problem = new SviFitter.Problem(1.0, new double[] {-0.1, 0.1}, new double[] {0.5, 0.3},
            new double[] {2.0, 1.0});
        assertEquals(0.05, problem.ivError(new double[] {0.16, 0.0, 0.0, 0.0, 0.1}), 1e-15);
    }

    /** Lee's bound, |rho| <= 0.999, b >= 0, the box and a non-negative minimum of w, each clamped. */
    @Test
    void admissibleClampsEveryBound() {
        // k from -0.5 to 1.5: range 2, m in [-0.5 - 2 x 2, 1.5 + 2 x 2] = [-4.5, 5.5], sigma in [0.002, 10].
        SviFitter.Problem problem = new SviFitter.Problem(1.0, new double[] {-0.5, 0.0, 1.5},
            new double[] {0.5, 0.5, 0.5}, new double[] {1, 1, 1});
        assertArrayEquals(new double[] {0.01, 1.0, 0.0, 0.1, 0.2},
            problem.admissible(new double[] {0.01, 1.0, 0.0, 0.1, 0.2}), 0.0);
        // b 3 with rho -0.5 goes to 2 / 1.5; rho -1.2 to -0.999; m and sigma into the box.
        assertArrayEquals(new double[] {0.0, 2.0 / 1.5, -0.5, 5.5, 10.0},
            problem.admissible(new double[] {0.0, 3.0, -0.5, 7.0, 12.0}), 1e-15);
        assertArrayEquals(new double[] {0.0, 2.0 / 1.999, -0.999, -4.5, 0.002},
            problem.admissible(new double[] {0.0, 3.0, -1.2, -6.0, 0.0}), 1e-15);
        assertArrayEquals(new double[] {0.0, 0.0, 0.999, 0.0, 0.1},
            problem.admissible(new double[] {0.0, -1.0, 1.5, 0.0, 0.1}), 1e-15);
        // a below -b sigma sqrt(1 - rho^2) = -0.5 * 0.2 * 0.8 = -0.08 rises to it.
        assertArrayEquals(new double[] {-0.08, 0.5, 0.6, 0.0, 0.2},
            problem.admissible(new double[] {-1.0, 0.5, 0.6, 0.0, 0.2}), 1e-15);
    }

    @Test
    void anArbitrageFreeSliceFitsArbitrageFree() {
        SviParams ssvi = SkewModel.CRYPTO_DEFAULT.slice(0.6, 1.0, 30 * DAY).params();
        SviSlice fitted = fit(30 * DAY, ssvi, -0.4, 0.3, 17);
        assertEquals(List.of(), VolSurface.of(List.of(fitted)).arbitrage());
    }

    /** Data whose wings rise at b (1 + |rho|) = 2.0 * 1.5 = 3 in total variance: the fit stops at Lee's 2. */
    @Test
    void wingsSteeperThanLeesBoundAreCappedAtIt() {
        SviParams steep = new SviParams(0.01, 2.0, 0.5, 0.0, 0.1);
        SviParams fitted = fit(1.0, steep, -1.0, 1.0, 21).params();
        assertEquals(2.0, fitted.b() * (1 + Math.abs(fitted.rho())), 1e-9);
    }

    @Test
    void implyVolErrorIsWhatIsMinimised() {
        // A long-dated noisy smile over wide wings: the fit of total variance overweights the wings
        // (a residual in w is 2 iv T times one in vol); measured in vol, the IV fit is closer.
        SviSlice truth = new SviSlice(2.0, 1.0, new SviParams(0.1, 0.3, -0.4, 0.1, 0.4));
        SplittableRandom random = new SplittableRandom(11);
        List<ChainQuote> quotes = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            double k = -2.0 + 4.0 * i / 30;
            quotes.add(new ChainQuote(2.0, Math.exp(k), 1.0, truth.iv(Math.exp(k)) + 0.02 * (random.nextDouble() - 0.5)));
        }
        double ivFit = rms(SviFitter.fit(2.0, quotes), quotes);
        double totalVarianceFit = rms(TotalVarianceLsqFitter.fit(2.0, quotes), quotes);
        assertTrue(ivFit < totalVarianceFit, ivFit + " vs " + totalVarianceFit);
    }

    @Test
    void weightsPullTheFitTowardsTheirPoints() {
        // Flat 50% vols with one point at 60%: weighted 1000 to 1, that point is fitted, not the rest.
        double[] k = {-0.2, -0.1, 0.0, 0.1, 0.2, 0.3};
        double[] iv = {0.5, 0.5, 0.6, 0.5, 0.5, 0.5};
        double[] heavy = {1, 1, 1000, 1, 1, 1};
        double[] equal = {1, 1, 1, 1, 1, 1};
        SviSlice weighted = SviFitter.fit(0.1, 1.0, k, iv, heavy);
        SviSlice unweighted = SviFitter.fit(0.1, 1.0, k, iv, equal);
        assertTrue(Math.abs(weighted.iv(1.0) - 0.6) < Math.abs(unweighted.iv(1.0) - 0.6));
        assertEquals(0.6, weighted.iv(1.0), 0.005);
    }

    @Test
    void needsFiveDistinctStrikes() {
        double[] k = {-0.1, -0.1, 0.0, 0.1, 0.2, 0.2};
        double[] iv = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        assertEquals("expiry 0.1 has 4 distinct strikes: raw SVI has 5 parameters and needs at least 5",
            assertThrows(IllegalArgumentException.class,
                () -> SviFitter.fit(0.1, 1.0, k, iv, new double[] {1, 1, 1, 1, 1, 1})).getMessage());
    }

    /** Every point the linear constraints admit has a non-negative minimum of w, a + sqrt(c^2 - d^2). */
    @Test
    void linearConstraintsKeepTheMinimumOfWNonNegative() {
        SplittableRandom random = new SplittableRandom(5);
        double sigma = 0.3;
        double[][] rows = SviFitter.LinearSvi.constraints(sigma);
        int admitted = 0;
        for (int n = 0; n < 200_000; n++) {
            double[] x = {random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(0, 1)};
            if (satisfies(rows, x, 0.0)) {
                admitted++;
                assertTrue(x[0] + Math.sqrt(x[2] * x[2] - x[1] * x[1]) >= -1e-15, Arrays.toString(x));
                // and Lee's bound and |rho| <= 0.999
                assertTrue(x[2] + Math.abs(x[1]) <= 2 * sigma + 1e-15);
                assertTrue(Math.abs(x[1]) <= 0.999 * x[2] + 1e-15);
            }
        }
        assertTrue(admitted > 1000, "admitted " + admitted);
    }

    /** At the chords' nodes (rho = d / c = 0.5, 0, -0.95) the bound is exact: zero minimum is admitted, below it is not. */
    @Test
    void chordsTouchTheMinimumAtTheirNodes() {
        double[][] rows = SviFitter.LinearSvi.constraints(10.0);
        for (double rho : new double[] {0.5, 0.0, -0.95, 0.8}) {
            double c = 1.0;
            double a = -c * Math.sqrt(1 - rho * rho);
            assertTrue(satisfies(rows, new double[] {a, rho * c, c}, 1e-12), "rho " + rho);
            assertTrue(!satisfies(rows, new double[] {a - 1e-6, rho * c, c}, 1e-12), "rho " + rho);
        }
    }

    /** The active-set solution of the linear problem beats every feasible point tried at random, and is feasible. */
    @Test
    void linearProblemFindsTheConstrainedMinimum() {
        SplittableRandom random = new SplittableRandom(7);
        double[] k = {-0.5, -0.3, -0.1, 0.0, 0.1, 0.3, 0.6};
        for (int trial = 0; trial < 20; trial++) {
            double[] w = new double[k.length];
            double[] weight = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                // Total variances with strong curvature and skew, so that constraints bind in some trials.
                w[i] = 0.02 + random.nextDouble(0, 0.3) * k[i] * k[i] + random.nextDouble(-0.2, 0.2) * k[i];
                weight[i] = random.nextDouble(0.5, 2.0);
            }
            double m = random.nextDouble(-0.3, 0.3);
            double sigma = random.nextDouble(0.02, 0.5);
            double[][] rows = SviFitter.LinearSvi.constraints(sigma);
            double[] best = SviFitter.LinearSvi.solve(k, w, weight, m, sigma);
            assertTrue(satisfies(rows, best, 1e-10), Arrays.toString(best));
            double bestError = error(k, w, weight, m, sigma, best);
            for (int n = 0; n < 20_000; n++) {
                double[] x = {best[0] + random.nextDouble(-0.05, 0.05), best[1] + random.nextDouble(-0.05, 0.05),
                    best[2] + random.nextDouble(-0.05, 0.05)};
                if (satisfies(rows, x, 0.0)) {
                    assertTrue(error(k, w, weight, m, sigma, x) >= bestError * (1 - 1e-9), "trial " + trial);
                }
            }
        }
    }

    /** Where no constraint binds, the linear problem is plain weighted least squares (Commons Math QR). */
    @Test
    void unconstrainedLinearProblemIsWeightedLeastSquares() {
        double[] k = {-0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3};
        SviParams truth = new SviParams(0.02, 0.2, -0.3, 0.02, 0.2);
        double[] w = new double[k.length];
        double[] weight = new double[k.length];
        Array2DRowRealMatrix design = new Array2DRowRealMatrix(k.length, 3);
        ArrayRealVector target = new ArrayRealVector(k.length);
        double m = 0.05;
        double sigma = 0.25;
        for (int i = 0; i < k.length; i++) {
            w[i] = truth.totalVariance(k[i]) + 0.001 * ((i * 7) % 3 - 1);
            weight[i] = 1.0 + i;
            double y = (k[i] - m) / sigma;
            design.setEntry(i, 0, weight[i]);
            design.setEntry(i, 1, weight[i] * y);
            design.setEntry(i, 2, weight[i] * Math.sqrt(y * y + 1));
            target.setEntry(i, weight[i] * w[i]);
        }
        double[] expected = new QRDecomposition(design).getSolver().solve(target).toArray();
        double[] actual = SviFitter.LinearSvi.solve(k, w, weight, m, sigma);
        for (int j = 0; j < 3; j++) {
            assertEquals(expected[j], actual[j], 1e-12);
        }
    }

    private static boolean satisfies(double[][] rows, double[] x, double tolerance) {
        for (double[] row : rows) {
            if (row[0] * x[0] + row[1] * x[1] + row[2] * x[2] < row[3] - tolerance) {
                return false;
            }
        }
        return true;
    }

    private static double error(double[] k, double[] w, double[] weight, double m, double sigma, double[] x) {
        double sum = 0.0;
        for (int i = 0; i < k.length; i++) {
            double y = (k[i] - m) / sigma;
            double r = weight[i] * (x[0] + x[1] * y + x[2] * Math.sqrt(y * y + 1) - w[i]);
            sum += r * r;
        }
        return sum;
    }

    private static SviFitter.Problem problem(double expiry, SviParams params, double kLow, double kHigh, int count) {
        SviSlice truth = new SviSlice(expiry, 1.0, params);
        double[] k = new double[count];
        double[] iv = new double[count];
        double[] weight = new double[count];
        for (int i = 0; i < count; i++) {
            k[i] = kLow + (kHigh - kLow) * i / (count - 1);
            iv[i] = truth.iv(Math.exp(k[i]));
            weight[i] = 1.0;
        }
        return new SviFitter.Problem(expiry, k, iv, weight);
    }

    private static SviSlice fit(double expiry, SviParams params, double kLow, double kHigh, int count) {
        SviSlice truth = new SviSlice(expiry, 1.0, params);
        double[] k = new double[count];
        double[] iv = new double[count];
        double[] weight = new double[count];
        for (int i = 0; i < count; i++) {
            k[i] = kLow + (kHigh - kLow) * i / (count - 1);
            iv[i] = truth.iv(Math.exp(k[i]));
            weight[i] = 1.0;
        }
        return SviFitter.fit(expiry, 1.0, k, iv, weight);
    }

    private static void assertRecovers(double expiry, SviParams expected, double kLow, double kHigh, int count) {
        SviParams actual = fit(expiry, expected, kLow, kHigh, count).params();
        assertEquals(expected.a(), actual.a(), 1e-7, "a");
        assertEquals(expected.b(), actual.b(), 1e-7, "b");
        assertEquals(expected.rho(), actual.rho(), 1e-6, "rho");
        assertEquals(expected.m(), actual.m(), 1e-7, "m");
        assertEquals(expected.sigma(), actual.sigma(), 1e-7, "sigma");
    }

    private static double rms(SviSlice slice, List<ChainQuote> quotes) {
        double sum = 0.0;
        for (ChainQuote quote : quotes) {
            sum += Math.pow(slice.iv(quote.strike()) - quote.iv(), 2);
        }
        return Math.sqrt(sum / quotes.size());
    }
}
