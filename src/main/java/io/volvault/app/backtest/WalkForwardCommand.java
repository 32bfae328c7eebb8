package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import io.volvault.strategy.research.ManyTrials;
import io.volvault.strategy.research.StationaryBootstrap;
import io.volvault.strategy.research.WalkForward;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code volvault walkforward}: the sweep's grid as candidates of a walk-forward evaluation; on each
 * training window the objective picks one, the next test window runs it; the stitched out-of-sample
 * equity is set against the hindsight pick over the same bars, with bootstrap intervals, the
 * Deflated Sharpe Ratio and the probability of backtest overfitting of the hindsight pick. The whole
 * evaluation runs once from each of the {@link SweepRunner#PATHS} roll-weekday start days: folds.csv,
 * equity.csv and the intervals are the first path's; paths.csv, summary.json and the report give
 * every path's figures and their mean and range.
 */
@Command(name = "walkforward", mixinStandardHelpOptions = true,
    description = "Walk-forward evaluation over the sweep grid: choose on each training window, run on the next; "
        + "in-sample against out-of-sample, with bootstrap intervals, DSR and PBO (folds.csv, equity.csv, "
        + "summary.json, report.html).")
public final class WalkForwardCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Mixin
    SweepGrid grid;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--train-days", paramLabel = "DAYS", defaultValue = "365",
        description = "training window (default ${DEFAULT-VALUE})")
    int trainDays;

    @Option(names = "--test-days", paramLabel = "DAYS", defaultValue = "90",
        description = "test window, also the step between folds (default ${DEFAULT-VALUE})")
    int testDays;

    @Option(names = "--anchored", description = "every training window starts at the first bar (default: rolling)")
    boolean anchored;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "tracking-error",
        description = "tracking-error (smallest RMS of 30-day rolling vol minus the target) or sharpe "
            + "(default ${DEFAULT-VALUE})")
    String objective;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
        description = "stationary-bootstrap resamples (default ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--heatmap", split = ",", paramLabel = "X,Y", defaultValue = "target_vol,delta",
        description = "the two swept parameters of the heatmap: target_vol, estimator, window_days, delta, tenor_days "
            + "(default ${DEFAULT-VALUE})")
    List<String> heatmap;

    @Spec
    CommandSpec spec;

    /**
     * Runs a walk-forward's batches of backtests somewhere else (the Spark module's engine); it
     * must return what {@link WalkForward#inProcess} returns. Closed when the walk-forward is done.
     */
    public interface Engine extends AutoCloseable {
        WalkForward.Runs runs(SweepRunner runner, List<SweepRunner.Point> points) throws Exception;

        @Override
        void close();
    }

    private final Engine engine;

    /** The in-process engine. */
    public WalkForwardCommand() {
        this(null);
    }

    public WalkForwardCommand(Engine engine) {
        this.engine = engine;
    }

    /** The bootstrap's two-sided coverage. */
    static final double LEVEL = 0.95;

    @Override
    public Integer call() throws Exception {
        WalkForward.Objective o = UserInputException.checking(() -> WalkForward.Objective.parse(objective));
        if (heatmap.size() != 2 || heatmap.get(0).equals(heatmap.get(1))) {
            throw new UserInputException("--heatmap '" + String.join(",", heatmap)
                + "' must name two different swept parameters");
        }
        for (String p : heatmap) {
            WalkForwardReport.parameter(p);
        }
        int splits = grid.cscvSplits();
        SweepRunner runner = SweepRunner.of(input);
        List<SweepRunner.Point> points = grid.points();
        runner.validate(points);
        double ppy = runner.session().periodsPerYear();
        List<WalkForward.Candidate> candidates = new ArrayList<>();
        int from = 0;
        int to = Integer.MAX_VALUE;
        for (SweepRunner.Point p : points) {
            WalkForward.Candidate c = runner.candidate(p);
            int[] range = runner.range(c.history());
            from = Math.max(from, range[0]);
            to = Math.min(to, range[1]);
            candidates.add(c);
        }
        int trainBars = bars(trainDays, ppy, "--train-days");
        int testBars = bars(testDays, ppy, "--test-days");
        int rolling = BacktestSession.rollingWindow(ppy, Integer.MAX_VALUE);
        if (trainBars + testBars > to - from) {
            throw new UserInputException("--train-days " + trainDays + " --test-days " + testDays + ": walk-forward needs "
                + (trainBars + testBars) + " bars, the span has " + Math.max(0, to - from));
        }
        WalkForward.Windows windows = new WalkForward.Windows(trainBars, testBars, anchored, rolling);
        int[] starts = runner.pathStarts(from, to);
        long start = System.nanoTime();
        WalkForward.Result[] results;
        if (engine == null) {
            results = runPaths(WalkForward.inProcess(runner.backtester(), candidates), candidates, o, windows, starts, to);
        } else {
            try (Engine e = engine) {
                results = runPaths(e.runs(runner, points), candidates, o, windows, starts, to);
            }
        }
        WalkForward.Result r = results[0];
        StationaryBootstrap.Intervals oosCi = StationaryBootstrap.intervals(returns(r.oosNav()), ppy, Double.NaN,
            resamples, LEVEL, seed);
        StationaryBootstrap.Intervals isCi = StationaryBootstrap.intervals(returns(r.hindsightNav()), ppy, Double.NaN,
            resamples, LEVEL, seed);
        List<String> labels = candidates.stream().map(WalkForward.Candidate::label).toList();
        List<WalkForwardReport.PathFigures> paths = new ArrayList<>();
        ManyTrials trials = null;
        for (int k = 0; k < results.length; k++) {
            WalkForward.Result p = results[k];
            ManyTrials m = candidates.size() > 1 ? ManyTrials.of(p.candidateNavs(), labels.indexOf(p.hindsight()), splits)
                : null;
            trials = k == 0 ? m : trials;
            paths.add(WalkForwardReport.PathFigures.of(p, ppy, m));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        WalkForwardReport.write(out, new WalkForwardReport.Inputs(runner.session(), points, candidates, r, oosCi, isCi,
            trials, heatmap, seed, input.prices.toString(), paths));
        spec.commandLine().getOut().printf(Locale.ROOT,
            "%d candidates, %d folds (%s, objective %s) in %.1f s%n"
                + "out of sample: CAGR %.1f%% [%.1f, %.1f], Sharpe %.2f [%.2f, %.2f]; hindsight %s: CAGR %.1f%%, Sharpe %.2f%n"
                + "%s%swrote %s%n",
            candidates.size(), r.folds().size(), anchored ? "anchored" : "rolling", o.cliName(), seconds,
            100 * oosCi.cagr().estimate(), 100 * oosCi.cagr().lower(), 100 * oosCi.cagr().upper(),
            oosCi.sharpe().estimate(), oosCi.sharpe().lower(), oosCi.sharpe().upper(), r.hindsight(),
            100 * isCi.cagr().estimate(), isCi.sharpe().estimate(),
            trials == null ? "" : String.format(Locale.ROOT, "hindsight pick among %d: DSR %.3f, PBO %.2f%n",
                trials.trials(), trials.deflatedSharpe(), trials.pbo()),
            WalkForwardReport.pathsLine(paths), out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The walk-forward from each path's start, all to {@code to}; the shortest path first, so that a
     * span too short for the windows fails before anything else has run.
     */
    private static WalkForward.Result[] runPaths(WalkForward.Runs runs, List<WalkForward.Candidate> candidates,
                                                 WalkForward.Objective o, WalkForward.Windows windows, int[] starts,
                                                 int to) {
        WalkForward.Result[] results = new WalkForward.Result[starts.length];
        for (int k = starts.length - 1; k >= 0; k--) {
            results[k] = WalkForward.run(runs, candidates, o, windows, starts[k], to);
        }
        return results;
    }

    private static int bars(int days, double ppy, String option) {
        if (days < 1) {
            throw new UserInputException(option + " " + days + " must be at least 1");
        }
        return (int) Math.round(days * ppy / 365);
    }

    static double[] returns(double[] nav) {
        return io.volvault.strategy.backtest.Performance.returns(nav);
    }
}
