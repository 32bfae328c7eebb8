package io.volvault.app.backtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.app.UserInputException;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.allocation.AllocationBacktester;
import io.volvault.strategy.allocation.AllocationConfig;
import io.volvault.strategy.allocation.AllocationRule;
import io.volvault.strategy.allocation.AllocationRun;
import io.volvault.strategy.allocation.AllocationStrategy;
import io.volvault.strategy.allocation.AssetCloses;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.backtest.Performance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code volvault allocate}: risk parity across several assets against its baselines, over real history. */
@Command(name = "allocate", mixinStandardHelpOptions = true,
    description = {"Backtests multi-asset allocations on the assets' common bars: equal weight, inverse-vol and "
        + "equal-risk-contribution risk parity on the trailing covariance, ERC scaled to a portfolio vol target "
        + "(with --target-vol), and each asset's buy and hold.",
        "Writes DIR/summary.json (the backtest's shape) and DIR/bars.csv."})
public final class AllocateCommand implements Callable<Integer> {

    static final String SUMMARY = "summary.json";
    static final String BARS = "bars.csv";

    @Option(names = "--prices", required = true, paramLabel = "CSV",
        description = "OHLC bars of one asset (timestamp,open,high,low,close); repeat once per asset, at least twice")
    List<Path> prices;

    @Option(names = "--resample", paramLabel = "PERIOD",
        description = "resample intraday bars to this period before aligning; only 'daily' (UTC day closes)")
    String resample;

    @Option(names = "--target-vol", paramLabel = "VOL",
        description = "adds erc_vol_target: ERC weights x target / forecast portfolio vol, capped by max leverage 1")
    Double targetVol;

    @Option(names = "--window", paramLabel = "BARS", defaultValue = "60",
        description = "trailing returns in the covariance estimate (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--rebalance-days", paramLabel = "DAYS",
        description = "calendar trigger in days (default 7)")
    Integer rebalanceDays;

    @Option(names = "--band", paramLabel = "WEIGHT",
        description = "band trigger: any asset's weight this far off target (default 0.05)")
    Double band;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (resample != null && !resample.equals("daily")) {
            throw new UserInputException("--resample '" + resample + "': the only period is 'daily'");
        }
        AssetCloses h = AllocationInputs.read(prices, resample != null);
        AllocationConfig defaults = AllocationConfig.defaults(window);
        AllocationConfig config = new AllocationConfig(defaults.initialNav(), window,
            rebalanceDays == null ? defaults.calendarDays() : rebalanceDays, band == null ? defaults.band() : band,
            defaults.maxLeverage(), defaults.costs());
        int from = AllocationBacktester.firstTradableBar(config);
        if (h.size() - from < 3) {
            throw new UserInputException("--window " + window + " leaves " + Math.max(0, h.size() - from)
                + " of the " + h.size() + " common bars to trade (need 3)");
        }
        List<AllocationRun> runs = new ArrayList<>();
        for (AllocationStrategy s : strategies(h)) {
            runs.add(AllocationBacktester.run(s, h, config, from, h.size()));
        }
        double metricsTarget = targetVol == null ? StrategyConfig.defaults().sizing().targetVol() : targetVol;
        List<BacktestRun> portfolios = runs.stream().map(AllocationRun::portfolio).toList();
        List<Metrics> metrics = new ArrayList<>();
        long[] t = h.epochSeconds();
        double years = (t[h.size() - 1] - t[from]) / (365.0 * 86_400);
        for (BacktestRun p : portfolios) {
            metrics.add(Performance.of(p, years, h.periodsPerYear(), metricsTarget,
                BacktestSession.rollingWindow(h.periodsPerYear(), p.size())));
        }
        Files.createDirectories(out);
        ConfigFile.JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve(SUMMARY).toFile(),
            summary(h, config, from, runs, metrics));
        writeBars(h, from, runs, out.resolve(BARS));
        print(h, from, runs, metrics);
        return 0;
    }

    private List<AllocationStrategy> strategies(AssetCloses h) {
        List<AllocationStrategy> s = new ArrayList<>(List.of(
            AllocationStrategy.rebalanced("equal_weight", AllocationRule.EQUAL_WEIGHT),
            AllocationStrategy.rebalanced("inverse_vol", AllocationRule.INVERSE_VOL),
            AllocationStrategy.rebalanced("erc", AllocationRule.EQUAL_RISK_CONTRIBUTION)));
        if (targetVol != null) {
            s.add(AllocationStrategy.volTargeted("erc_vol_target", AllocationRule.EQUAL_RISK_CONTRIBUTION, targetVol));
        }
        for (int a = 0; a < h.assets(); a++) {
            s.add(AllocationStrategy.buyAndHold("buy_and_hold_" + h.names()[a], a));
        }
        return s;
    }

    private ObjectNode summary(AssetCloses h, AllocationConfig config, int from, List<AllocationRun> runs,
                               List<Metrics> metrics) {
        ObjectNode root = ConfigFile.JSON.createObjectNode();
        ArrayNode files = root.putArray("prices");
        prices.forEach(p -> files.add(p.toString()));
        ArrayNode assets = root.putArray("assets");
        for (String name : h.names()) {
            assets.add(name);
        }
        root.put("resample", resample);
        root.put("from", BacktestSession.date(h.epochSeconds()[from]));
        root.put("to", BacktestSession.date(h.epochSeconds()[h.size() - 1]));
        root.put("bars", h.size() - from);
        root.put("periods_per_year", h.periodsPerYear());
        root.put("covariance_window", config.covarianceWindow());
        root.put("rebalance_calendar_days", config.calendarDays());
        root.put("rebalance_band", config.band());
        root.put("target_vol", targetVol);
        root.put("max_leverage", config.maxLeverage());
        root.put("rolling_vol_window_days", BacktestSession.ROLLING_DAYS);
        root.put("risk_free_rate", 0.0);
        root.set("costs", ConfigFile.JSON.valueToTree(config.costs()));
        ArrayNode strategies = BacktestReport.putStrategies(root,
            runs.stream().map(AllocationRun::portfolio).toList(), metrics);
        for (int i = 0; i < runs.size(); i++) {
            ObjectNode entry = (ObjectNode) strategies.get(i);
            entry.put("rebalances", runs.get(i).rebalances().size());
            ObjectNode meanWeights = entry.putObject("mean_weights");
            for (int a = 0; a < h.assets(); a++) {
                double sum = 0;
                for (double[] w : runs.get(i).weights()) {
                    sum += w[a];
                }
                meanWeights.put(h.names()[a], sum / runs.get(i).weights().length);
            }
        }
        return root;
    }

    private static void writeBars(AssetCloses h, int from, List<AllocationRun> runs, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            StringBuilder header = new StringBuilder("timestamp");
            for (String asset : h.names()) {
                header.append(",close_").append(asset);
            }
            for (AllocationRun r : runs) {
                header.append(",nav_").append(r.portfolio().name());
                for (String asset : h.names()) {
                    header.append(",weight_").append(r.portfolio().name()).append('_').append(asset);
                }
            }
            w.println(header);
            for (int b = from; b < h.size(); b++) {
                StringBuilder row = new StringBuilder(Instant.ofEpochSecond(h.epochSeconds()[b]).toString());
                for (int a = 0; a < h.assets(); a++) {
                    row.append(',').append(h.close()[a][b]);
                }
                for (AllocationRun r : runs) {
                    row.append(',').append(r.portfolio().nav()[b - from]);
                    for (double weight : r.weights()[b - from]) {
                        row.append(',').append(weight);
                    }
                }
                w.println(row);
            }
        }
    }

    private void print(AssetCloses h, int from, List<AllocationRun> runs, List<Metrics> metrics) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s .. %s, %d bars of %s%n", BacktestSession.date(h.epochSeconds()[from]),
            BacktestSession.date(h.epochSeconds()[h.size() - 1]), h.size() - from, String.join(", ", h.names()));
        w.printf(Locale.ROOT, "%-18s %8s %8s %8s %8s %8s %8s %12s%n", "strategy", "CAGR", "vol", "maxDD", "Sharpe",
            "CVaR95", "turnover", "costs");
        for (int i = 0; i < runs.size(); i++) {
            Metrics m = metrics.get(i);
            w.printf(Locale.ROOT, "%-18s %7.1f%% %7.1f%% %7.1f%% %8.2f %7.2f%% %8.2f %,12.0f%n",
                runs.get(i).portfolio().name(), 100 * m.cagr(), 100 * m.annualizedVol(), 100 * m.maxDrawdown(),
                m.sharpe(), 100 * m.cvar95(), m.turnover(), m.costs());
        }
        w.println("wrote " + out.resolve(SUMMARY) + ", " + BARS);
        w.flush();
    }
}
