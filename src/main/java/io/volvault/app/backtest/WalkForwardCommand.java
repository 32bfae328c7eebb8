package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import io.volvault.strategy.research.ManyTrials;
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
 * evaluation runs once from each of the {@link SweepRunner#PATHS} roll-weekday start days: folds.csv
 * and equity.csv are the first path's; paths.csv, summary.json and the report give every path's
 * figures with their bootstrap intervals, and their mean and range.
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

    @Override
    public Integer call() throws Exception {
        WalkForward.Objective o = UserInputException.checking(() -> WalkForward.Objective.parse(objective));
        List<String> heatmap = grid.heatmap();
        int resamples = grid.resamples();
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
        List<String> labels = candidates.stream().map(WalkForward.Candidate::label).toList();
        List<WalkForwardReport.PathFigures> paths = new ArrayList<>();
        ManyTrials trials = null;
        for (int k = 0; k < results.length; k++) {
            WalkForward.Result p = results[k];
            ManyTrials m = candidates.size() > 1 ? ManyTrials.of(p.candidateNavs(), labels.indexOf(p.hindsight()), splits)
                : null;
            trials = k == 0 ? m : trials;
            paths.add(WalkForwardReport.PathFigures.of(p, ppy, m, resamples, SweepRunner.LEVEL, grid.seed()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        WalkForwardReport.write(out, new WalkForwardReport.Inputs(runner.session(), points, candidates, r, trials,
            heatmap, resamples, grid.seed(), input.prices.toString(), paths));
        spec.commandLine().getOut().printf(Locale.ROOT,
            "%d candidates, %d folds on path 0 (%s, objective %s) in %.1f s; path 0's hindsight pick %s%n%swrote %s%n",
            candidates.size(), r.folds().size(), anchored ? "anchored" : "rolling", o.cliName(), seconds, r.hindsight(),
            WalkForwardReport.pathsLine(paths, SweepRunner.LEVEL), out);
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
}
