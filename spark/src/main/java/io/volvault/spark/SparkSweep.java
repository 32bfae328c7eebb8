package io.volvault.spark;

import io.volvault.app.backtest.InputOptions;
import io.volvault.app.backtest.SweepGrid;
import io.volvault.app.backtest.SweepOutput;
import io.volvault.app.backtest.SweepReport;
import io.volvault.app.backtest.SweepRunner;
import io.volvault.app.cli.UserErrorHandler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code volvault sweep --engine spark}: the sweep's grid as a Spark job. The embedded
 * {@code local[*]} master is the default; {@code --master spark://HOST:PORT} runs on a standalone
 * cluster. The inputs ({@link SweepRunner}: bars, implied vol, base config) are broadcast once;
 * each task computes its points with {@link SweepRunner#row}, the in-process engine's own code, so
 * error rows and flags are the same on both engines.
 * Each row covers the {@link SweepRunner#PATHS} roll-weekday paths; the driver adds every row's
 * Deflated Sharpe Ratio and the sweep's PBO from the rows' trial summaries, as the in-process
 * engine does. Output goes to temporary names and is renamed into place only when the job has succeeded.
 */
@Command(name = "volvault sweep", mixinStandardHelpOptions = true,
    description = "Runs the strategy over a parameter grid on Apache Spark; writes one row per configuration "
        + "(CSV and Parquet) and a report (summary.json, report.html, heatmap.png).")
public final class SparkSweep implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Mixin
    SweepGrid grid;

    @Mixin
    SparkOptions spark;

    @Mixin
    SweepReport.Options report;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write")
    Path out;

    @Option(names = "--parquet", paramLabel = "FILE", description = "Parquet file to write (default: --out with .parquet)")
    Path parquet;

    @Spec
    CommandSpec spec;

    /** Runs the command and returns its exit code: 0 ok, 2 bad input, 1 anything else. */
    static int run(String... args) {
        return UserErrorHandler.install(new CommandLine(new SparkSweep())).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        spark.check();
        Path parquetOut = parquet != null ? parquet : siblingWithExtension(out, ".parquet");
        SweepRunner runner = SweepRunner.of(input);
        List<SweepRunner.Point> points = grid.points();
        runner.validate(points);
        List<String> heatmap = grid.heatmap();
        int metric = report.heatmapMetric();
        SweepRunner.Paths paths = runner.paths(points, grid.cscvSplits(), grid.resamples(), grid.seed());
        List<SweepRunner.Row> rows;
        double seconds;
        int slots;
        try (JavaSparkContext jsc = spark.context("volvault-sweep")) {
            Broadcast<SweepRunner> shared = jsc.broadcast(runner);
            // Bring the executors up and give each the broadcast before the clock starts.
            slots = jsc.defaultParallelism();
            jsc.parallelize(List.of(0, 1, 2, 3), slots).map(i -> shared.value().barCount()).collect();
            slots = jsc.defaultParallelism();
            long start = System.nanoTime();
            rows = jsc.parallelize(points, spark.tasks(points.size(), slots))
                .map(p -> shared.value().row(p, paths))
                .collect();
            seconds = (System.nanoTime() - start) / 1e9;
        }
        SweepRunner.Trials trials = SweepRunner.trials(rows);
        Path folder = report.folder(out);
        SweepOutput.write(out, folder, SweepReport.inputs(input, runner, "spark", rows, trials,
            paths, heatmap, metric), parquetOut, f -> SweepParquet.write(f, rows, trials, "spark", runner.dataHash()));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT,
            "%d configurations in %.2f s on %s (%d task slots, %.1f configurations/s, %d paths each; %d failed, see the"
                + " error column); wrote %s, %s and %s%n",
            rows.size(), seconds, spark.master, slots, rows.size() / seconds, SweepRunner.PATHS,
            rows.size() - trials.count(), out, parquetOut, folder);
        w.println(SweepOutput.pickLine(rows, trials));
        w.flush();
        return 0;
    }

    /**
     * The project's own jars on this JVM's classpath (this module, the application, strategy,
     * greeks): shipped to the executors. Third-party jars come from the cluster's SPARK_HOME/jars.
     */
    static String[] applicationJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && (name.startsWith("volvault-") || name.startsWith("strategy-")
                    || name.startsWith("greeks-"))) {
                jars.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return jars.toArray(String[]::new);
    }

    private static Path siblingWithExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
