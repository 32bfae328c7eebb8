package io.volvault.strategy.research;

import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.backtest.Performance;
import io.volvault.strategy.market.MarketHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward evaluation: on each training window choose one of the candidate configurations by
 * an objective, run it on the following test window, and stitch the test windows' returns into
 * one out-of-sample equity curve. Training windows roll (fixed length) or are anchored (they all
 * start at the first tradable bar).
 *
 * <p>A test window starts from cash at the close of its training window's last bar, so the
 * switch (the initial allocation and its costs) is paid in every fold, and consecutive test
 * windows join without a gap: the first return of a window is that of its training window's last
 * bar to the next. Nothing a window decides on is later than its own bars: the choice sees only
 * the training bars, and the backtester's bar i sees only entries up to i.
 *
 * <p>For comparison the result carries the hindsight pick: the candidate that is best by the same
 * objective over the whole out-of-sample span, run over that span (its in-sample figure).
 */
public final class WalkForward {

    /** How a training window ranks the candidates. */
    public enum Objective {
        /** Smallest root mean square of (rolling annualised vol - the candidate's target vol). */
        TRACKING_ERROR,
        /** Largest Sharpe ratio (rate 0) of the per-bar returns. */
        SHARPE;

        /** The score to maximise, from a NAV path. */
        public double score(double[] nav, double periodsPerYear, double targetVol, int rollingBars) {
            double[] r = Performance.returns(nav);
            return switch (this) {
                case TRACKING_ERROR -> {
                    double[] rolling = Performance.rollingVol(r, Math.min(rollingBars, r.length), periodsPerYear);
                    double sum = 0;
                    for (double v : rolling) {
                        sum += (v - targetVol) * (v - targetVol);
                    }
                    yield -Math.sqrt(sum / rolling.length);
                }
                case SHARPE -> sharpe(r, periodsPerYear);
            };
        }

        public static Objective parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "tracking-error" -> TRACKING_ERROR;
                case "sharpe" -> SHARPE;
                default -> throw new IllegalArgumentException("--objective '" + s + "' must be tracking-error or sharpe");
            };
        }

        public String cliName() {
            return this == TRACKING_ERROR ? "tracking-error" : "sharpe";
        }
    }

    /** One configuration to choose from, with the market history its forecast runs on. */
    public record Candidate(String label, StrategyConfig config, MarketHistory history) {}

    /**
     * The windows: training bars, test bars, anchored or rolling, and the rolling-vol window of the
     * tracking-error objective.
     */
    public record Windows(int trainBars, int testBars, boolean anchored, int rollingBars) {
        public Windows {
            if (trainBars < 3) {
                throw new IllegalArgumentException("training window " + trainBars + " bars must be at least 3");
            }
            if (testBars < 2) {
                throw new IllegalArgumentException("test window " + testBars + " bars must be at least 2");
            }
            if (rollingBars < 2) {
                throw new IllegalArgumentException("rolling-vol window " + rollingBars + " bars must be at least 2");
            }
        }
    }

    /**
     * One fold. Bars are history indices; the test run covers {@code [trainTo - 1, testTo)}.
     *
     * @param isScore the chosen candidate's objective score on its training window
     * @param isSharpe its Sharpe on the training window
     * @param isVol its annualised vol on the training window
     * @param oosScore its objective score on the test window
     * @param oosSharpe its Sharpe on the test window
     * @param oosVol its annualised vol on the test window
     * @param oosReturn its total return over the test window
     */
    public record Fold(int trainFrom, int trainTo, int testTo, String chosen, double isScore, double isSharpe,
                       double isVol, double oosScore, double oosSharpe, double oosVol, double oosReturn) {}

    /**
     * @param folds every fold in time order
     * @param oosFrom history index of the first out-of-sample NAV entry
     * @param oosNav the stitched out-of-sample NAV, 1 at {@code oosFrom}, one entry per bar
     * @param hindsight the candidate best by the objective over the whole out-of-sample span
     * @param hindsightNav its NAV over the same bars, 1 at {@code oosFrom}
     * @param candidateNavs every candidate's NAV over the same bars, 1 at {@code oosFrom}, in the
     *                      candidates' order (the trials for the Deflated Sharpe Ratio and CSCV)
     */
    public record Result(Objective objective, Windows windows, List<Fold> folds, int oosFrom, double[] oosNav,
                         String hindsight, double[] hindsightNav, double[][] candidateNavs) {}

    /** One backtest a walk-forward needs: candidate {@code candidate} over bars {@code [from, to)}. */
    public record Run(int candidate, int from, int to) implements java.io.Serializable {}

    /**
     * Runs a batch of backtests and returns their NAV paths in the batch's order. A distributed
     * engine runs the batch in parallel; it must return exactly what {@link #inProcess} returns.
     */
    @FunctionalInterface
    public interface Runs {
        List<double[]> navs(List<Run> batch);
    }

    /** The batch one by one on this thread, with the backtester over the candidates. */
    public static Runs inProcess(Backtester backtester, List<Candidate> candidates) {
        return batch -> {
            List<double[]> out = new ArrayList<>(batch.size());
            for (Run r : batch) {
                Candidate c = candidates.get(r.candidate());
                out.add(backtester.run(c.label(), c.config(), c.history(), r.from(), r.to(), false).nav());
            }
            return out;
        };
    }

    private WalkForward() {}

    /** Runs the folds over bars {@code [from, to)} in process. */
    public static Result run(Backtester backtester, List<Candidate> candidates, Objective objective, Windows w,
                             int from, int to) {
        return run(inProcess(backtester, candidates), candidates, objective, w, from, to);
    }

    /**
     * Runs the folds over bars {@code [from, to)}, the backtests through {@code runs}; {@code from}
     * must be tradable for every candidate.
     */
    public static Result run(Runs runs, List<Candidate> candidates, Objective objective, Windows w, int from, int to) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("walk-forward needs at least one candidate configuration");
        }
        double ppy = candidates.get(0).history().periodsPerYear();
        for (Candidate c : candidates) {
            if (from < c.history().firstTradableBar()) {
                throw new IllegalArgumentException("walk-forward start bar " + from + " precedes the first tradable bar "
                    + c.history().firstTradableBar() + " of " + c.label());
            }
        }
        if (to - from < w.trainBars() + w.testBars()) {
            throw new IllegalArgumentException("walk-forward needs " + (w.trainBars() + w.testBars())
                + " bars (training " + w.trainBars() + " + test " + w.testBars() + "), the span has " + (to - from));
        }
        int oosFrom = from + w.trainBars() - 1;
        // Only whole test windows: the bars after the last one are left out.
        int foldCount = (to - from - w.trainBars()) / w.testBars();
        int oosTo = oosFrom + 1 + foldCount * w.testBars();
        int n = candidates.size();
        // Batch 1: every candidate on every training window, and over the whole out-of-sample span.
        List<Run> first = new ArrayList<>();
        for (int f = 0; f < foldCount; f++) {
            int trainTo = from + w.trainBars() + f * w.testBars();
            int trainFrom = w.anchored() ? from : trainTo - w.trainBars();
            for (int k = 0; k < n; k++) {
                first.add(new Run(k, trainFrom, trainTo));
            }
        }
        for (int k = 0; k < n; k++) {
            first.add(new Run(k, oosFrom, oosTo));
        }
        List<double[]> firstNavs = runs.navs(first);
        int[] chosen = new int[foldCount];
        double[] chosenScore = new double[foldCount];
        for (int f = 0; f < foldCount; f++) {
            for (int k = 0; k < n; k++) {
                double score = score(objective, candidates.get(k), firstNavs.get(f * n + k), ppy, w);
                if (k == 0 || score > chosenScore[f]) {
                    chosen[f] = k;
                    chosenScore[f] = score;
                }
            }
        }
        // Batch 2: each fold's choice on its test window, from its training window's last close.
        List<Run> second = new ArrayList<>();
        for (int f = 0; f < foldCount; f++) {
            int trainTo = from + w.trainBars() + f * w.testBars();
            second.add(new Run(chosen[f], trainTo - 1, trainTo + w.testBars()));
        }
        List<double[]> testNavs = runs.navs(second);
        List<Fold> folds = new ArrayList<>();
        double[] oos = new double[oosTo - oosFrom];
        oos[0] = 1;
        for (int f = 0; f < foldCount; f++) {
            Run train = first.get(f * n + chosen[f]);
            Candidate best = candidates.get(chosen[f]);
            double[] nav = testNavs.get(f);
            double last = oos[f * w.testBars()];
            for (int i = 1; i < nav.length; i++) {
                oos[f * w.testBars() + i] = last * nav[i] / nav[0];
            }
            double[] bestReturns = Performance.returns(firstNavs.get(f * n + chosen[f]));
            double[] testReturns = Performance.returns(nav);
            folds.add(new Fold(train.from(), train.to(), train.to() + w.testBars(), best.label(), chosenScore[f],
                sharpe(bestReturns, ppy), vol(bestReturns, ppy), score(objective, best, nav, ppy, w),
                sharpe(testReturns, ppy), vol(testReturns, ppy), nav[nav.length - 1] / nav[0] - 1));
        }
        double[][] spans = new double[n][];
        int hindsight = 0;
        double hindsightScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double[] nav = firstNavs.get(foldCount * n + k);
            double score = score(objective, candidates.get(k), nav, ppy, w);
            if (k == 0 || score > hindsightScore) {
                hindsight = k;
                hindsightScore = score;
            }
            spans[k] = new double[nav.length];
            for (int i = 0; i < nav.length; i++) {
                spans[k][i] = nav[i] / nav[0];
            }
        }
        return new Result(objective, w, List.copyOf(folds), oosFrom, oos, candidates.get(hindsight).label(),
            spans[hindsight], spans);
    }

    private static double score(Objective o, Candidate c, double[] nav, double ppy, Windows w) {
        return o.score(nav, ppy, c.config().sizing().targetVol(), w.rollingBars());
    }

    /** Per-bar mean / sample standard deviation x sqrt(bars per year); 0 for a flat path. */
    static double sharpe(double[] r, double periodsPerYear) {
        double mean = 0;
        for (double v : r) {
            mean += v;
        }
        mean /= r.length;
        double sd = Math.sqrt(variance(r, mean));
        return sd > 0 ? mean / sd * Math.sqrt(periodsPerYear) : 0;
    }

    static double vol(double[] r, double periodsPerYear) {
        double mean = 0;
        for (double v : r) {
            mean += v;
        }
        return Math.sqrt(variance(r, mean / r.length) * periodsPerYear);
    }

    private static double variance(double[] r, double mean) {
        double ss = 0;
        for (double v : r) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (r.length - 1);
    }
}
