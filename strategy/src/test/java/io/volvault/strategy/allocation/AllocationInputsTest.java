package io.volvault.strategy.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.volvault.strategy.StrategyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The allocation inputs: every check at its boundary, and the trailing covariance by hand. */
class AllocationInputsTest {

    private static final StrategyConfig.Costs COSTS = StrategyConfig.defaults().costs();

    @Test
    void configIsCheckedAtEveryBoundary() {
        assertMessage("initial NAV must be positive, got 0.0", () -> new AllocationConfig(0, 2, 1, 0, 1, COSTS));
        assertMessage("covariance window must be at least 2 returns, got 1", () -> new AllocationConfig(1, 1, 1, 0, 1, COSTS));
        assertMessage("rebalance calendar days must be at least 1, got 0", () -> new AllocationConfig(1, 2, 0, 0, 1, COSTS));
        assertMessage("rebalance band must be in [0, 1], got -1.0E-12", () -> new AllocationConfig(1, 2, 1, -1e-12, 1, COSTS));
        assertMessage("rebalance band must be in [0, 1], got 1.000000000001", () -> new AllocationConfig(1, 2, 1, 1.000000000001, 1, COSTS));
        assertMessage("max leverage must be in (0, 1] (the book does not borrow), got 0.0",
            () -> new AllocationConfig(1, 2, 1, 0, 0, COSTS));
        assertMessage("max leverage must be in (0, 1] (the book does not borrow), got 1.000000000001",
            () -> new AllocationConfig(1, 2, 1, 0, 1.000000000001, COSTS));
        // The boundaries themselves are valid.
        assertEquals(2, new AllocationConfig(1e-9, 2, 1, 0, 1, COSTS).covarianceWindow());
        assertEquals(1.0, new AllocationConfig(1, 2, 1, 1, 1e-9, COSTS).band());
        // defaults(window): a weekly calendar and a 5 % band, the single-asset NAV, leverage cap and costs.
        StrategyConfig d = StrategyConfig.defaults();
        assertEquals(new AllocationConfig(d.initialNav(), 30, 7, 0.05, d.sizing().maxLeverage(), d.costs()),
            AllocationConfig.defaults(30));
    }

    @Test
    void strategiesAreEitherARuleOrAHeldAsset() {
        assertMessage("x: give either a rule or a held asset, not both or neither",
            () -> new AllocationStrategy("x", null, -1, Double.NaN));
        assertMessage("x: give either a rule or a held asset, not both or neither",
            () -> new AllocationStrategy("x", AllocationRule.EQUAL_WEIGHT, 0, Double.NaN));
        assertMessage("x: target vol must be positive, got 0.0",
            () -> AllocationStrategy.volTargeted("x", AllocationRule.EQUAL_WEIGHT, 0.0));
        assertEquals(0, AllocationStrategy.buyAndHold("first", 0).heldAsset());
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, AllocationRule.EQUAL_WEIGHT.weights(new double[3][3]), 0.0);
    }

    @Test
    void closesAreCheckedPerAssetAndBar() {
        long[] t = {1, 2, 3};
        assertMessage("an allocation needs at least 2 assets with one close series each, got 1 names and 1 series",
            () -> new AssetCloses(new String[] {"A"}, t, new double[][] {{1, 1, 1}}, 365));
        assertMessage("an allocation needs at least 2 assets with one close series each, got 2 names and 3 series",
            () -> new AssetCloses(new String[] {"A", "B"}, t, new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, 365));
        assertMessage("bar 2 time 2 is not after bar 1: bars must be oldest first without duplicates",
            () -> new AssetCloses(new String[] {"A", "B"}, new long[] {1, 2, 2}, new double[][] {{1, 1, 1}, {1, 1, 1}}, 365));
        assertMessage("B has 2 closes for 3 bars",
            () -> new AssetCloses(new String[] {"A", "B"}, t, new double[][] {{1, 1, 1}, {1, 1}}, 365));
        assertMessage("B close at bar 2 must be positive, got 0.0",
            () -> new AssetCloses(new String[] {"A", "B"}, t, new double[][] {{1, 1, 1}, {1, 1, 0}}, 365));
    }

    /**
     * With a window of two returns r1, r2 the sample covariance of assets a and b is
     * ((a1 - m_a)(b1 - m_b) + (a2 - m_a)(b2 - m_b)) / 1 = (a1 - a2)(b1 - b2) / 2, times bars per year.
     */
    @Test
    void trailingCovarianceOfTwoReturnsByHand() {
        double[][] close = {
            {100, 110, 99, 99},
            {50, 50 * Math.exp(0.02), 50 * Math.exp(0.02 - 0.03), 60},
            {10, 10, 10 * Math.exp(0.05), 10},
        };
        AssetCloses closes = new AssetCloses(new String[] {"A", "B", "C"}, new long[] {1, 2, 3, 4}, close, 365);
        // Returns into bars 1 and 2.
        double[] a = {Math.log(1.1), Math.log(0.9)};
        double[] b = {0.02, -0.03};
        double[] c = {0.0, 0.05};
        double[][] r = {a, b, c};
        double[][] cov = closes.trailingCovariance(2, 2);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals((r[i][0] - r[i][1]) * (r[j][0] - r[j][1]) / 2 * 365, cov[i][j], 1e-13, i + "," + j);
            }
        }
        assertMessage("covariance window 2 ending at bar 1 needs bars -1 .. 1 within [0, 4)", () -> closes.trailingCovariance(1, 2));
        assertMessage("covariance window 2 ending at bar 4 needs bars 2 .. 4 within [0, 4)", () -> closes.trailingCovariance(4, 2));
        assertMessage("covariance window 1 ending at bar 3 needs bars 2 .. 3 within [0, 4)", () -> closes.trailingCovariance(3, 1));
        // The last bar is allowed: returns into bars 2 and 3.
        double b3 = Math.log(60 / (50 * Math.exp(-0.01)));
        assertEquals((-0.03 - b3) * (-0.03 - b3) / 2 * 365, closes.trailingCovariance(3, 2)[1][1], 1e-12);
    }

    /**
     * Returns with a large common mean (+50% a bar) and a tiny spread (+-1e-9): the covariance is
     * (2e-9)^2 / 2 per bar, which only the centred products keep; expanding them around the mean
     * would leave rounding noise of the mean (about 1e-17) as large as the answer.
     */
    @Test
    void trailingCovarianceKeepsATinySpreadAroundALargeMean() {
        double[] growth = {0.5 + 1e-9, 0.5 - 1e-9};
        double[][] close = new double[2][3];
        for (int a = 0; a < 2; a++) {
            close[a][0] = 100;
            close[a][1] = close[a][0] * Math.exp(growth[a == 0 ? 0 : 1]);
            close[a][2] = close[a][1] * Math.exp(growth[a == 0 ? 1 : 0]);
        }
        AssetCloses closes = new AssetCloses(new String[] {"A", "B"}, new long[] {1, 2, 3}, close, 1);
        double[][] r = new double[2][2];
        for (int a = 0; a < 2; a++) {
            r[a][0] = Math.log(close[a][1] / close[a][0]);
            r[a][1] = Math.log(close[a][2] / close[a][1]);
        }
        double[][] cov = closes.trailingCovariance(2, 2);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = (r[i][0] - r[i][1]) * (r[j][0] - r[j][1]) / 2;
                assertEquals(expected, cov[i][j], 1e-6 * Math.abs(expected), i + "," + j);
            }
        }
        assertEquals(-2e-18, cov[0][1], 1e-22);
    }

    private static void assertMessage(String expected, Executable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action).getMessage());
    }
}
