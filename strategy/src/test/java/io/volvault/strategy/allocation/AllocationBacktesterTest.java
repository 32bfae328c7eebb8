package io.volvault.strategy.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.strategy.sizing.RiskParity;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllocationBacktesterTest {

    private static final int WINDOW = 60;
    private static final AllocationConfig CONFIG = AllocationConfig.defaults(WINDOW);

    /**
     * Three daily assets with vols 30%, 60% and 90%, correlations 0.2 .. 0.7, and the middle one's
     * vol doubling halfway, so the trailing covariance and the weights move over the run.
     */
    static AssetCloses threeAssets(int bars, long seed) {
        Random random = new Random(seed);
        double[] vols = {0.3, 0.6, 0.9};
        double dt = 1 / 365.0;
        long[] t = new long[bars];
        double[][] close = new double[3][bars];
        for (int a = 0; a < 3; a++) {
            close[a][0] = 100;
        }
        for (int b = 1; b < bars; b++) {
            t[b] = b * 86_400L;
            double common = random.nextGaussian();
            for (int a = 0; a < 3; a++) {
                double loading = 0.3 + 0.2 * a;
                double z = loading * common + Math.sqrt(1 - loading * loading) * random.nextGaussian();
                double vol = vols[a] * (a == 1 && b > bars / 2 ? 2 : 1);
                close[a][b] = close[a][b - 1] * Math.exp(vol * Math.sqrt(dt) * z - 0.5 * vol * vol * dt);
            }
        }
        return new AssetCloses(new String[] {"low", "mid", "high"}, t, close, 365);
    }

    @Test
    void ercRebalancesToEqualRiskContributionsOnTheTrailingCovariance() {
        AssetCloses h = threeAssets(600, 7);
        AllocationRun run = AllocationBacktester.run(
            AllocationStrategy.rebalanced("erc", AllocationRule.EQUAL_RISK_CONTRIBUTION), h, CONFIG, WINDOW, h.size());
        assertTrue(run.rebalances().size() > 60, "rebalances: " + run.rebalances().size());
        for (AllocationRebalance r : run.rebalances()) {
            double[][] cov = h.trailingCovariance(r.bar(), WINDOW);
            double[] rc = RiskParity.riskContributions(r.ruleWeights(), cov);
            for (double c : rc) {
                assertEquals(1.0 / 3, c, 1e-9, "bar " + r.bar());
            }
            // The book holds those weights after the trade, less what the fees and gas took.
            double[] held = run.weights()[r.bar() - WINDOW];
            for (int a = 0; a < 3; a++) {
                assertEquals(r.ruleWeights()[a], held[a], 2e-3, "bar " + r.bar() + " asset " + a);
            }
        }
    }

    @Test
    void inverseVolWeightsAreProportionalToOneOverTrailingVol() {
        AssetCloses h = threeAssets(400, 11);
        AllocationRun run = AllocationBacktester.run(
            AllocationStrategy.rebalanced("inverse_vol", AllocationRule.INVERSE_VOL), h, CONFIG, WINDOW, h.size());
        for (AllocationRebalance r : run.rebalances()) {
            double[][] cov = h.trailingCovariance(r.bar(), WINDOW);
            double wSigma = r.ruleWeights()[0] * Math.sqrt(cov[0][0]);
            for (int a = 1; a < 3; a++) {
                assertEquals(wSigma, r.ruleWeights()[a] * Math.sqrt(cov[a][a]), 1e-12, "bar " + r.bar());
            }
            assertEquals(1, r.ruleWeights()[0] + r.ruleWeights()[1] + r.ruleWeights()[2], 1e-12);
        }
    }

    @Test
    void decisionsAtABarUseNoLaterPrice() {
        AssetCloses h = threeAssets(500, 3);
        int cut = 300;
        // Same history up to the cut, then a wild different future.
        double[][] altered = new double[3][];
        for (int a = 0; a < 3; a++) {
            altered[a] = h.close()[a].clone();
            for (int b = cut + 1; b < h.size(); b++) {
                altered[a][b] = altered[a][b - 1] * (b % 2 == 0 ? 1.5 : 0.6);
            }
        }
        AssetCloses other = new AssetCloses(h.names(), h.epochSeconds(), altered, 365);
        for (AllocationStrategy s : List.of(
            AllocationStrategy.rebalanced("erc", AllocationRule.EQUAL_RISK_CONTRIBUTION),
            AllocationStrategy.volTargeted("erc_vol_target", AllocationRule.EQUAL_RISK_CONTRIBUTION, 0.3),
            AllocationStrategy.rebalanced("inverse_vol", AllocationRule.INVERSE_VOL))) {
            AllocationRun a = AllocationBacktester.run(s, h, CONFIG, WINDOW, h.size());
            AllocationRun b = AllocationBacktester.run(s, other, CONFIG, WINDOW, h.size());
            for (int k = 0; k <= cut - WINDOW; k++) {
                assertEquals(a.portfolio().nav()[k], b.portfolio().nav()[k], 0, s.name() + " nav at " + k);
                assertArrayEquals(a.weights()[k], b.weights()[k], 0, s.name() + " weights at " + k);
            }
            List<AllocationRebalance> beforeCut = a.rebalances().stream().filter(r -> r.bar() <= cut).toList();
            List<AllocationRebalance> otherBeforeCut = b.rebalances().stream().filter(r -> r.bar() <= cut).toList();
            assertEquals(beforeCut.size(), otherBeforeCut.size(), s.name());
            for (int i = 0; i < beforeCut.size(); i++) {
                assertArrayEquals(beforeCut.get(i).ruleWeights(), otherBeforeCut.get(i).ruleWeights(), 0);
                assertEquals(beforeCut.get(i).scale(), otherBeforeCut.get(i).scale(), 0);
            }
            // The future did change: the paths part after the cut.
            assertTrue(a.portfolio().nav()[h.size() - 1 - WINDOW] != b.portfolio().nav()[h.size() - 1 - WINDOW]);
        }
    }

    @Test
    void volTargetScalesTheRuleWeightsByTargetOverForecastCappedAtMaxLeverage() {
        AssetCloses h = threeAssets(400, 5);
        AllocationRun run = AllocationBacktester.run(
            AllocationStrategy.volTargeted("erc_vt", AllocationRule.EQUAL_RISK_CONTRIBUTION, 0.35), h, CONFIG, WINDOW,
            h.size());
        boolean capped = false;
        boolean scaledDown = false;
        for (AllocationRebalance r : run.rebalances()) {
            assertEquals(Math.min(0.35 / r.forecastVol(), CONFIG.maxLeverage()), r.scale(), 1e-12);
            capped |= r.scale() == CONFIG.maxLeverage();
            scaledDown |= r.scale() < 0.9;
        }
        assertTrue(capped && scaledDown, "the run should see both the cap and a scale below 1");
    }

    @Test
    void buyAndHoldTradesOnceAndTracksTheAsset() {
        AssetCloses h = threeAssets(300, 9);
        AllocationRun run = AllocationBacktester.run(AllocationStrategy.buyAndHold("hold_mid", 1), h, CONFIG, WINDOW,
            h.size());
        assertEquals(1, run.rebalances().size());
        assertEquals(0, run.portfolio().traded());
        double[] nav = run.portfolio().nav();
        double growth = h.close()[1][h.size() - 1] / h.close()[1][WINDOW];
        assertEquals(growth, nav[nav.length - 1] / nav[0], 1e-9 * growth);
    }

    @Test
    void refusesAWindowThatReachesBeforeTheFirstBar() {
        AssetCloses h = threeAssets(100, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllocationBacktester.run(
            AllocationStrategy.rebalanced("ew", AllocationRule.EQUAL_WEIGHT), h, CONFIG, WINDOW - 1, h.size()));
        assertTrue(e.getMessage().contains("covariance window is 60"), e.getMessage());
    }
}
