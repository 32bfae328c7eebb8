package io.volvault.app.backtest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code volvault sweep}: the full strategy over a grid of target vol x estimator x window (days) x
 * delta x tenor, on all cores, one CSV row per configuration ({@link SweepRunner#row}, the row
 * function the Spark engine calls too), each over the {@link SweepRunner#PATHS} roll-weekday start
 * paths, with every row's bootstrap intervals and Deflated Sharpe Ratio, the sweep's probability of
 * backtest overfitting, and a report of them ({@link SweepReport}).
 * Each market history is computed once per forecast setting and shared. A configuration that fails while running becomes a row with its error; rows whose
 * results are implausible carry flags.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Runs the strategy over a parameter grid on all cores; writes one summary row per configuration (CSV) "
        + "and a report (summary.json, report.html, heatmap.png).")
public final class SweepCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write")
    Path out;

    @Mixin
    SweepGrid grid;

    @Mixin
    SweepReport.Options report;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepRunner runner = SweepRunner.of(input);
        List<SweepRunner.Point> points = grid.points();
        // Validate every point before spending time on any.
        runner.validate(points);
        List<String> heatmap = grid.heatmap();
        int metric = report.heatmapMetric();
        SweepRunner.Paths paths = runner.paths(points, grid.cscvSplits(), grid.resamples(), grid.seed());
        SweepRunner.Row[] rows = new SweepRunner.Row[points.size()];
        long start = System.nanoTime();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try (ProgressBar bar = BacktestSession.progressBar("sweep", points.size(),
                (long) points.size() * SweepRunner.PATHS * runner.barCount())) {
            ForkJoinPool pool = new ForkJoinPool(workers);
            try {
                pool.submit(() -> java.util.stream.IntStream.range(0, points.size()).parallel().forEach(i -> {
                    rows[i] = runner.row(points.get(i), paths);
                    if (bar != null) {
                        bar.step();
                    }
                })).get();
            } finally {
                pool.shutdown();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<SweepRunner.Row> all = Arrays.asList(rows);
        SweepRunner.Trials trials = SweepRunner.trials(all);
        Path folder = report.folder(out);
        SweepOutput.write(out, folder, SweepReport.inputs(input, runner, "threads", all, trials,
            paths, heatmap, metric), null, null);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%d configurations in %.1f s on %d threads (%d paths each; %d failed, see the"
            + " error column); wrote %s and %s%n", points.size(), seconds, workers, SweepRunner.PATHS,
            points.size() - trials.count(), out, folder);
        w.println(SweepOutput.pickLine(all, trials));
        w.flush();
        return 0;
    }
}
