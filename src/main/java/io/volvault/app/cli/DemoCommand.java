package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import io.volvault.app.backtest.ConfigFile;
import io.volvault.app.demo.DemoRun;
import io.volvault.app.demo.DemoSummary;
import io.volvault.app.keeper.KeeperLog;
import io.volvault.strategy.StrategyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code volvault demo}: the whole system on a local chain over real history. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Starts a Hardhat node on 127.0.0.1, deploys the vaults, funds sample depositors and replays real",
        "history from src/data through them: chain time advances bar by bar, the oracle is pushed, an",
        "arbitrageur keeps the pool at the oracle price, a market maker buys the auctions and the keeper",
        "runs the strategy. Ends with a table per vault next to a backtest of the same bars.",
        "Stops the node and servers it started, also on Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--asset", defaultValue = "BTC", description = "BTC (daily, DVOL implied vol) or ETH (hourly) (default: ${DEFAULT-VALUE}).")
    String asset;

    @Option(names = "--days", defaultValue = "120", description = "Days to replay (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD); default: the latest --days of the history.")
    String from;

    @Option(names = "--hourly", description = "Hourly bars (the shipped hourly history is ETH's; implied by --asset ETH).")
    boolean hourly;

    @Option(names = "--config", paramLabel = "FILE", description = "Strategy configuration (YAML or JSON; default: the documented defaults).")
    Path config;

    @Option(names = "--json", description = "Print the summary as JSON on stdout.")
    boolean json;

    @Option(names = "--serve", description = "After the replay, keep the chain up and serve the dashboard on 127.0.0.1"
        + " (its URL is printed; dashboard_url with --json) until Ctrl-C or SIGTERM stops both.")
    boolean serve;

    @Option(names = "--work-dir", paramLabel = "DIR",
        description = "Where the run keeps its deployment, keeper journal and logs (default: .volvault/demo in the repository; its journal is replaced each run).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        String root = System.getProperty("volvault.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("the system property volvault.root (the repository root) is not set; run through scripts/volvault");
        }
        LocalDate start = parseDate(from);
        String assetName = asset.toUpperCase(Locale.ROOT);
        StrategyConfig strategy = config == null ? StrategyConfig.defaults() : ConfigFile.read(config);
        Path work = (workDir != null ? workDir : Path.of(root, ".volvault", "demo")).toAbsolutePath();
        deleteRecursively(work.resolve("keeper-journal"));
        KeeperLog.toFile(Files.createDirectories(work).resolve("demo.log"));
        PrintWriter err = spec.commandLine().getErr();
        long began = System.nanoTime();
        err.println("volvault demo: starting a Hardhat node, the market-data server and deploying...");
        err.flush();
        DemoRun.Options options = new DemoRun.Options(assetName, hourly || assetName.equals("ETH"), days, start, Path.of(root), work);
        try (DemoRun run = DemoRun.start(options, strategy)) {
            err.printf("chain %s, deployment %s, market data %s%n", run.rpcUrl(), run.deploymentFile(), run.marketDataUrl());
            if (run.history().recordedChains()) {
                err.printf("recorded Deribit BTC chains: bars are the daily snapshots' index, the keeper's implied vol is the"
                    + " chain's fitted 30-day ATM vol; %d snapshots before %s warm up a %d-day %s forecast (configured: %d days)%n",
                    run.history().firstTraded(), start, run.config().forecast().windowDays(),
                    run.config().forecast().estimator().cliName(), strategy.forecast().windowDays());
            }
            err.flush();
            DemoSummary summary;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("replay " + assetName)
                    .setInitialMax(run.history().size() - 1).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                summary = run.replay((done, total, t, close) -> {
                    bar.stepTo(done);
                    bar.setExtraMessage(Instant.ofEpochSecond(t).toString().substring(0, 10) + String.format(" %,.0f", close));
                });
            }
            PrintWriter out = spec.commandLine().getOut();
            if (serve) {
                io.volvault.app.dashboard.DemoDashboard.serveUntilShutdown(run.rpcUrl(), run.deployment(),
                    work.resolve("dashboard-index"), work.resolve("keeper-journal"), strategy.sizing().targetVol(), url -> {
                        out.println(json ? io.volvault.app.dashboard.DemoDashboard.withDashboardUrl(summary.toJson(), url) : summary.toTable() + System.lineSeparator() + "dashboard: " + url);
                        out.flush();
                        err.println("volvault demo: the chain and the dashboard keep running; Ctrl-C stops both");
                        err.flush();
                    });
            } else {
                out.println(json ? summary.toJson() : summary.toTable());
                out.flush();
            }
        }
        err.printf("volvault demo: done in %.1f s (log: %s)%n", (System.nanoTime() - began) / 1e9, work.resolve("demo.log"));
        err.flush();
        return 0;
    }

    private static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserInputException("--from must be a date YYYY-MM-DD, was '" + text + "'");
        }
    }

    /** A new run is a new chain: the previous run's journal would describe transactions that no longer exist. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
