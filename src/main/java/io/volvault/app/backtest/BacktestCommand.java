package io.volvault.app.backtest;

import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.Metrics;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code volvault backtest}: the strategy and its baselines over real history, with a report. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Backtests the strategy and its baselines (buy and hold, fixed weight, vol target, covered call, "
        + "put-write) bar by bar with the keeper's decision code.",
        "Writes DIR/summary.json, DIR/bars.csv, DIR/report.html and PNG charts."})
public final class BacktestCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--target-vol", paramLabel = "VOL", description = "overrides sizing.target_vol (0.40 = 40%%)")
    Double targetVol;

    @Option(names = "--estimator", paramLabel = "NAME",
        description = "overrides forecast.estimator: close-to-close, ewma, parkinson, garman-klass, rogers-satchell, yang-zhang")
    String estimator;

    @Option(names = "--window", paramLabel = "DAYS", description = "overrides forecast.window_days")
    Integer window;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StrategyConfig config = InputOptions.override(input.config(), targetVol, estimator, window);
        BacktestSession session = input.session();
        BacktestOutcome outcome = session.run(config, input.from, input.to, false);
        BacktestReport.write(outcome, out);
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s .. %s, %d bars; implied vol: %s%n",
            BacktestSession.date(session.bars().epochSeconds()[outcome.from()]),
            BacktestSession.date(session.bars().epochSeconds()[outcome.to() - 1]), outcome.to() - outcome.from(),
            outcome.impliedSource());
        w.printf(Locale.ROOT, "%-14s %8s %8s %8s %8s %8s %8s %14s%n", "strategy", "CAGR", "vol", "maxDD", "Sharpe",
            "CVaR95", "turnover", "premium");
        for (int i = 0; i < outcome.runs().size(); i++) {
            Metrics m = outcome.metrics().get(i);
            w.printf(Locale.ROOT, "%-14s %7.1f%% %7.1f%% %7.1f%% %8.2f %7.2f%% %8.2f %,14.0f%n",
                outcome.runs().get(i).name(), 100 * m.cagr(), 100 * m.annualizedVol(), 100 * m.maxDrawdown(),
                m.sharpe(), 100 * m.cvar95(), m.turnover(), m.premium());
        }
        w.println("wrote " + out.resolve(BacktestReport.SUMMARY) + ", " + BacktestReport.BARS + ", "
            + BacktestReport.HTML + ", " + String.join(", ", BacktestReport.CHARTS));
        w.flush();
        return 0;
    }
}
