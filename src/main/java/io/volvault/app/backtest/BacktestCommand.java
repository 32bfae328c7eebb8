package io.volvault.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.app.UserInputException;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.ChainFill;
import io.volvault.strategy.backtest.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code volvault backtest}: the strategy and its baselines over real history, with a report. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Backtests the strategy and its baselines (buy and hold, fixed weight, vol target, covered call, "
        + "put-write) bar by bar with the keeper's decision code.",
        "Writes DIR/summary.json, DIR/bars.csv, DIR/report.html and PNG charts.",
        "With --chains, runs on recorded Deribit chains (listed options, recorded bids) and also writes",
        "DIR/trades.csv, DIR/fits.csv and DIR/model_vs_chain.csv."})
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

    @Option(names = "--chains", arity = "1..*", paramLabel = "FILE",
        description = "recorded Deribit option chains (CSV or .csv.gz in the format of src/data/options): run on their"
            + " listed options and recorded prices instead of --prices/--iv; needs --asset")
    List<Path> chains;

    @Option(names = "--asset", paramLabel = "BTC|ETH", description = "with --chains: the chain's currency")
    String asset;

    @Option(names = "--fill", paramLabel = "bid|mid", defaultValue = "bid",
        description = "with --chains: sell at the recorded bid or at the bid/ask mid (default: ${DEFAULT-VALUE})")
    String fill;

    @Option(names = "--dvol", paramLabel = "FILE",
        description = "with --chains: DVOL candles (date,symbol,open,high,low,close, e.g. src/data/dvol/btc_dvol.csv)"
            + " for the model comparison; days without one use the fitted 30-day ATM vol")
    Path dvol;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StrategyConfig config = InputOptions.override(input.config(), targetVol, estimator, window);
        if (chains != null) {
            return chains(config);
        }
        if (asset != null || dvol != null) {
            throw new UserInputException("--asset and --dvol go with --chains");
        }
        BacktestSession session = input.session();
        BacktestOutcome outcome = session.run(config, input.from, input.to, false);
        BacktestReport.write(outcome, out);
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s .. %s, %d bars; implied vol: %s%n",
            BacktestSession.date(session.bars().epochSeconds()[outcome.from()]),
            BacktestSession.date(session.bars().epochSeconds()[outcome.to() - 1]), outcome.to() - outcome.from(),
            outcome.impliedSource());
        table(w, outcome);
        w.println("wrote " + out.resolve(BacktestReport.SUMMARY) + ", " + BacktestReport.BARS + ", "
            + BacktestReport.HTML + ", " + String.join(", ", BacktestReport.CHARTS));
        w.flush();
        return 0;
    }

    private int chains(StrategyConfig config) throws Exception {
        if (input.prices != null || input.iv != null) {
            throw new UserInputException("--chains runs on the chains' own index prices and surfaces: drop --prices and --iv");
        }
        if (asset == null || !(asset.equals("BTC") || asset.equals("ETH"))) {
            throw new UserInputException("--asset must be BTC or ETH with --chains, was " + asset);
        }
        ChainFill chainFill = switch (fill) {
            case "bid" -> ChainFill.BID;
            case "mid" -> ChainFill.MID;
            default -> throw new UserInputException("--fill must be bid or mid, was " + fill);
        };
        long began = System.nanoTime();
        ChainSession.Result r = ChainSession.run(chains, asset, chainFill, config, input.from, input.to, dvol);
        ObjectNode c = ChainReport.write(r, out);
        BacktestOutcome outcome = r.outcome();
        var w = spec.commandLine().getOut();
        long[] t = outcome.history().bars().epochSeconds();
        w.printf(Locale.ROOT, "%s .. %s, %d snapshots traded (%d before warm the forecast up); %s%n",
            BacktestSession.date(t[outcome.from()]), BacktestSession.date(t[outcome.to() - 1]),
            outcome.to() - outcome.from(), outcome.from(), outcome.impliedSource());
        table(w, outcome);
        JsonNode fit = c.get("fit");
        w.printf(Locale.ROOT, "fit: %d of %d slices fitted, RMS IV error vs mark median %.2f, p95 %.2f, max %.2f vol points;"
                + " arbitrage flags on %d of %d snapshots (%d butterfly, %d calendar)%n",
            fit.get("slices_fitted").asInt(), fit.get("slices").asInt(), 100 * fit.get("rms_iv_error_vs_mark_median").asDouble(),
            100 * fit.get("rms_iv_error_vs_mark_p95").asDouble(), 100 * fit.get("rms_iv_error_vs_mark_max").asDouble(),
            fit.get("snapshots_with_arbitrage_flags").asInt(), r.days().size(), fit.get("butterfly_flags").asInt(),
            fit.get("calendar_flags").asInt());
        w.printf(Locale.ROOT, "%-14s %-5s %5s %9s %9s %9s %8s %8s %8s %14s %14s%n", "model vs chain", "type", "sales",
            "ratio", "min", "max", "real %", "model %", "fill IV", "real P&L", "model P&L");
        c.get("strategies").fields().forEachRemaining(e -> {
            for (String type : List.of("calls", "puts")) {
                JsonNode b = e.getValue().get(type);
                if (b != null) {
                    w.printf(Locale.ROOT, "%-14s %-5s %5d %9.3f %9.3f %9.3f %8.3f %8.3f %7.1f%% %,14.0f %,14.0f%n",
                        e.getKey(), type, b.get("sales").asInt(), b.get("model_over_real_premium_mean").asDouble(),
                        b.get("model_over_real_premium_min").asDouble(), b.get("model_over_real_premium_max").asDouble(),
                        b.get("real_premium_pct_of_index_mean").asDouble(), b.get("model_premium_pct_of_index_mean").asDouble(),
                        100 * b.get("fill_iv_mean").asDouble(), b.get("real_round_pnl_usd").asDouble(),
                        b.get("model_round_pnl_usd").asDouble());
                }
            }
        });
        w.printf(Locale.ROOT, "wrote %s, %s, %s, %s, %s, %s in %.1f s%n", out.resolve(BacktestReport.SUMMARY),
            BacktestReport.BARS, BacktestReport.HTML, ChainReport.TRADES, ChainReport.FITS, ChainReport.MODEL,
            (System.nanoTime() - began) / 1e9);
        w.flush();
        return 0;
    }

    private static void table(java.io.PrintWriter w, BacktestOutcome outcome) {
        w.printf(Locale.ROOT, "%-14s %8s %8s %8s %8s %8s %8s %14s%n", "strategy", "CAGR", "vol", "maxDD", "Sharpe",
            "CVaR95", "turnover", "premium");
        for (int i = 0; i < outcome.runs().size(); i++) {
            Metrics m = outcome.metrics().get(i);
            w.printf(Locale.ROOT, "%-14s %7.1f%% %7.1f%% %7.1f%% %8.2f %7.2f%% %8.2f %,14.0f%n",
                outcome.runs().get(i).name(), 100 * m.cagr(), 100 * m.annualizedVol(), 100 * m.maxDrawdown(),
                m.sharpe(), 100 * m.cvar95(), m.turnover(), m.premium());
        }
    }
}
