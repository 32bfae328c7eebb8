package io.volvault.strategy.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.market.MarketHistory;
import io.volvault.strategy.research.WalkForward.Candidate;
import io.volvault.strategy.research.WalkForward.Fold;
import io.volvault.strategy.research.WalkForward.Objective;
import io.volvault.strategy.research.WalkForward.Windows;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

    private static final Backtester BACKTESTER = new Backtester(SkewModel.CRYPTO_DEFAULT, TermStructure.CRYPTO_DEFAULT);

    /** Daily bars of a deterministic path with 3% daily moves; forecast 50% and implied 60% vol. */
    static MarketHistory history(int n, double shockAfter) {
        long[] t = new long[n];
        double[] c = new double[n];
        double p = 30_000;
        for (int i = 0; i < n; i++) {
            t[i] = 1_600_000_000L + 86_400L * i;
            double s = StrictMath.sin(i + 1) * 10000;
            double move = 0.03 * 2 * (s - Math.floor(s) - 0.5) * Math.sqrt(3);
            p *= Math.exp(i >= shockAfter ? 3 * move : move);
            c[i] = p;
        }
        double[] forecast = new double[n];
        double[] implied = new double[n];
        Arrays.fill(forecast, 0.5);
        Arrays.fill(implied, 0.6);
        // A constant implied vol: its vol and its correlation with spot are 0; no fat-tail scaling.
        return new MarketHistory(new PriceBars(t, c, c, c, c), 365, forecast, implied, new boolean[n], new double[n],
            new double[n], new double[n], 0);
    }

    static List<Candidate> candidates(MarketHistory h) {
        StrategyConfig d = StrategyConfig.defaults();
        return List.of(
            new Candidate("tv0.2", d.withSizing(d.sizing().withTargetVol(0.2)), h),
            new Candidate("tv0.4", d.withSizing(d.sizing().withTargetVol(0.4)), h),
            new Candidate("tv0.8", d.withSizing(d.sizing().withTargetVol(0.8)), h));
    }

    @Test
    void rollingFoldsRunTheTrainingWinnerOnTheNextWindowAndStitchWithoutGaps() {
        MarketHistory h = history(300, Double.POSITIVE_INFINITY);
        Windows w = new Windows(90, 30, false, 30);
        WalkForward.Result r = WalkForward.run(BACKTESTER, candidates(h), Objective.SHARPE, w, 10, 300);
        // Folds: training [10 + 30k, 100 + 30k), test to 130 + 30k, while 130 + 30k <= 300: k = 0..5.
        assertEquals(6, r.folds().size());
        assertEquals(99, r.oosFrom());
        assertEquals(1 + 6 * 30, r.oosNav().length);
        assertEquals(1.0, r.oosNav()[0], 0);
        double product = 1;
        for (int k = 0; k < r.folds().size(); k++) {
            Fold f = r.folds().get(k);
            assertEquals(10 + 30 * k, f.trainFrom());
            assertEquals(100 + 30 * k, f.trainTo());
            assertEquals(130 + 30 * k, f.testTo());
            // Oracle: the backtester's own run of the chosen configuration over [trainTo - 1, testTo).
            Candidate chosen = candidates(h).stream().filter(c -> c.label().equals(f.chosen())).findFirst().orElseThrow();
            double[] nav = BACKTESTER.run("x", chosen.config(), h, f.trainTo() - 1, f.testTo(), false).nav();
            assertEquals(nav[nav.length - 1] / nav[0] - 1, f.oosReturn(), 1e-12);
            for (int i = 1; i < nav.length; i++) {
                assertEquals(product * nav[i] / nav[0], r.oosNav()[30 * k + i], 1e-9 * product);
            }
            product *= 1 + f.oosReturn();
            // The choice is the best training Sharpe among the three.
            for (Candidate c : candidates(h)) {
                double[] train = BACKTESTER.run("x", c.config(), h, f.trainFrom(), f.trainTo(), false).nav();
                assertTrue(Objective.SHARPE.score(train, 365, 0, 30) <= f.isScore(), c.label() + " beat " + f.chosen());
            }
        }
        assertEquals(product, r.oosNav()[r.oosNav().length - 1], 1e-9);
    }

    @Test
    void anchoredTrainingWindowsAllStartAtTheFirstBar() {
        MarketHistory h = history(250, Double.POSITIVE_INFINITY);
        WalkForward.Result r = WalkForward.run(BACKTESTER, candidates(h), Objective.TRACKING_ERROR,
            new Windows(100, 50, true, 20), 0, 250);
        assertEquals(3, r.folds().size());
        for (Fold f : r.folds()) {
            assertEquals(0, f.trainFrom());
        }
        assertEquals(List.of(100, 150, 200), r.folds().stream().map(Fold::trainTo).toList());
    }

    /** A fold's choice sees only its training bars: a shock after them changes nothing before. */
    @Test
    void noLookAhead() {
        Windows w = new Windows(60, 30, false, 20);
        WalkForward.Result calm = WalkForward.run(BACKTESTER, candidates(history(240, 1e9)), Objective.TRACKING_ERROR, w, 0, 240);
        WalkForward.Result shock = WalkForward.run(BACKTESTER, candidates(history(240, 150)), Objective.TRACKING_ERROR, w, 0, 240);
        // Fold k trains on [30k, 30k + 60) and tests to 30k + 90: folds 0..1 end by bar 150.
        for (int k = 0; k < 2; k++) {
            assertEquals(calm.folds().get(k), shock.folds().get(k));
        }
        assertArrayEquals(Arrays.copyOf(calm.oosNav(), 61), Arrays.copyOf(shock.oosNav(), 61));
    }

    @Test
    void hindsightIsTheBestOverTheWholeOutOfSampleSpan() {
        MarketHistory h = history(200, Double.POSITIVE_INFINITY);
        WalkForward.Result r = WalkForward.run(BACKTESTER, candidates(h), Objective.SHARPE,
            new Windows(50, 50, false, 20), 0, 200);
        int oosTo = r.oosFrom() + r.oosNav().length;
        double best = Double.NEGATIVE_INFINITY;
        String label = null;
        for (Candidate c : candidates(h)) {
            double s = Objective.SHARPE.score(BACKTESTER.run("x", c.config(), h, r.oosFrom(), oosTo, false).nav(), 365, 0, 20);
            if (s > best) {
                best = s;
                label = c.label();
            }
        }
        assertEquals(label, r.hindsight());
        assertEquals(r.oosNav().length, r.hindsightNav().length);
        assertEquals(1.0, r.hindsightNav()[0], 0);
        assertEquals(3, r.candidateNavs().length);
        for (int k = 0; k < 3; k++) {
            double[] nav = BACKTESTER.run("x", candidates(h).get(k).config(), h, r.oosFrom(), oosTo, false).nav();
            assertEquals(nav[nav.length - 1] / nav[0], r.candidateNavs()[k][nav.length - 1], 1e-12);
        }
        assertArrayEquals(r.candidateNavs()[List.of("tv0.2", "tv0.4", "tv0.8").indexOf(label)], r.hindsightNav(), 0);
    }

    /** Two batches: every (fold, candidate) training run plus the span runs, then one test run per fold. */
    @Test
    void backtestsGoThroughTheRunsInTwoBatches() {
        MarketHistory h = history(200, Double.POSITIVE_INFINITY);
        List<Candidate> cs = candidates(h);
        Windows w = new Windows(50, 50, false, 20);
        List<Integer> sizes = new java.util.ArrayList<>();
        WalkForward.Runs inProcess = WalkForward.inProcess(BACKTESTER, cs);
        WalkForward.Result counted = WalkForward.run(batch -> {
            sizes.add(batch.size());
            return inProcess.navs(batch);
        }, cs, Objective.SHARPE, w, 0, 200);
        // Folds: training [50k, 50k + 50), test to 50k + 100 <= 200: k = 0..2.
        assertEquals(List.of(3 * 3 + 3, 3), sizes);
        WalkForward.Result direct = WalkForward.run(BACKTESTER, cs, Objective.SHARPE, w, 0, 200);
        assertEquals(direct.folds(), counted.folds());
        assertArrayEquals(direct.oosNav(), counted.oosNav(), 0);
    }

    @Test
    void objectiveScoresByHand() {
        // NAV 100, 110, 99, 108.9: returns 0.1, -0.1, 0.1; mean 1/30, sample sd 0.11547; x sqrt(4).
        double[] nav = {100, 110, 99, 108.9};
        assertEquals((0.1 / 3) / Math.sqrt(0.04 / 3) * 2, Objective.SHARPE.score(nav, 4, 0, 2), 1e-12);
        // Rolling vol over 2 returns: |0.2| / sqrt(2) x 2 = 0.28284 both times; target 0.2 -> TE 0.08284.
        assertEquals(-(0.2 / Math.sqrt(2) * 2 - 0.2), Objective.TRACKING_ERROR.score(nav, 4, 0.2, 2), 1e-12);
        // The rolling window is cut to the returns available.
        assertEquals(Objective.TRACKING_ERROR.score(nav, 4, 0.2, 3), Objective.TRACKING_ERROR.score(nav, 4, 0.2, 50), 0);
        assertEquals(0, WalkForward.sharpe(new double[] {0.01, 0.01, 0.01}, 365), 0);
        assertEquals(Objective.SHARPE, Objective.parse("Sharpe"));
        assertEquals(Objective.TRACKING_ERROR, Objective.parse("tracking-error"));
        assertEquals("tracking-error", Objective.TRACKING_ERROR.cliName());
        assertEquals("sharpe", Objective.SHARPE.cliName());
        assertThrows(IllegalArgumentException.class, () -> Objective.parse("cagr"));
    }

    @Test
    void badWindowsAndSpansAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Windows(2, 10, false, 5));
        assertThrows(IllegalArgumentException.class, () -> new Windows(10, 1, false, 5));
        assertThrows(IllegalArgumentException.class, () -> new Windows(10, 10, false, 1));
        MarketHistory h = history(100, Double.POSITIVE_INFINITY);
                Windows w = new Windows(60, 41, false, 20);
        assertThrows(IllegalArgumentException.class, () -> WalkForward.run(BACKTESTER, candidates(h), Objective.SHARPE, w, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> WalkForward.run(BACKTESTER, List.of(), Objective.SHARPE, w, 0, 100));
        double[] nan = new double[100];
        Arrays.fill(nan, 0.5);
        nan[0] = Double.NaN;
        MarketHistory late = new MarketHistory(h.bars(), 365, nan, h.impliedVol(), new boolean[100], new double[100],
            new double[100], new double[100], 0);
        Candidate c = new Candidate("late", StrategyConfig.defaults(), late);
        assertThrows(IllegalArgumentException.class, () -> WalkForward.run(BACKTESTER, List.of(c), Objective.SHARPE, new Windows(20, 20, false, 5), 0, 100));
    }
}
