package io.volvault.spark;

import io.volvault.app.backtest.SweepRunner;
import io.volvault.app.backtest.WalkForwardCommand;
import io.volvault.app.cli.UserErrorHandler;
import io.volvault.strategy.research.WalkForward;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code volvault walkforward --engine spark}: the walkforward command with its backtests run as
 * Spark tasks. The inputs and the grid are broadcast once; each task runs
 * {@link SweepRunner#nav}, the backtest {@link WalkForward#inProcess} runs, so the outputs are the
 * in-process ones.
 */
final class SparkWalkForward implements WalkForwardCommand.Engine {

    final SparkOptions options = new SparkOptions();
    private JavaSparkContext jsc;

    /** Runs the command and returns its exit code: 0 ok, 2 bad input, 1 anything else. */
    static int run(String... args) {
        SparkWalkForward engine = new SparkWalkForward();
        CommandLine cl = new CommandLine(new WalkForwardCommand(engine));
        cl.getCommandSpec().addMixin("spark", CommandSpec.forAnnotatedObject(engine.options));
        return UserErrorHandler.install(cl).execute(args);
    }

    @Override
    public WalkForward.Runs runs(SweepRunner runner, List<SweepRunner.Point> points) {
        options.check();
        jsc = options.context("volvault-walkforward");
        Broadcast<SweepRunner> shared = jsc.broadcast(runner);
        Broadcast<List<SweepRunner.Point>> grid = jsc.broadcast(new ArrayList<>(points));
        int slots = jsc.defaultParallelism();
        return batch -> jsc.parallelize(batch, options.tasks(batch.size(), slots))
            .map(r -> shared.value().nav(grid.value(), r))
            .collect();
    }

    @Override
    public void close() {
        if (jsc != null) {
            jsc.close();
        }
    }
}
