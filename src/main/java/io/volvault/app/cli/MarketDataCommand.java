package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import io.volvault.app.marketdata.MarketDataServer;
import io.volvault.app.marketdata.RecordedMarketData;
import io.volvault.app.marketdata.ReplayTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code volvault marketdata}: the local Deribit-compatible market-data server. */
@Command(
    name = "marketdata",
    mixinStandardHelpOptions = true,
    description = "Market data: a local Deribit-compatible server answering from recorded history.",
    subcommands = {MarketDataCommand.Serve.class})
public final class MarketDataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serves Deribit API v2 public methods (get_index_price, get_volatility_index_data,"
            + " get_historical_volatility, get_instruments, get_book_summary_by_currency, ticker) from recorded"
            + " history as of a replay time. Option chains are synthetic and say so in volvault_source."
            + " POST /replay/clock {\"timestamp\": ...} moves the replay time. Ctrl-C stops.")
    static final class Serve implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", paramLabel = "N", defaultValue = "" + MarketDataServer.DEFAULT_PORT,
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--host", paramLabel = "ADDR", defaultValue = MarketDataServer.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
        String host;

        @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with btc_usd_daily.csv, btc_dvol_daily.csv and/or eth_usd_hourly.csv"
                + " (default: the shipped src/data).")
        Path data;

        @Option(names = "--clock", paramLabel = "TIME",
            description = "Initial replay time: 2022-11-06, 2022-11-06T12:00:00Z or ms since the epoch"
                + " (default: the last day of BTC prices).")
        String clock;

        @Override
        public Integer call() throws IOException, InterruptedException {
            RecordedMarketData recorded;
            try {
                recorded = RecordedMarketData.load(dataFolder());
            } catch (IOException e) {
                throw new UserInputException("--data: " + e.getMessage(), e);
            }
            Instant start = clock == null ? MarketDataServer.defaultClock(recorded) : ReplayTime.parse("--clock", clock);
            CountDownLatch stopped = new CountDownLatch(1);
            MarketDataServer server = MarketDataServer.start(recorded, host, port, start);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "marketdata-shutdown"));
            spec.commandLine().getOut().printf("volvault marketdata: serving %s (replay time %s), Ctrl-C to stop%n",
                server.apiUrl(), server.clock());
            spec.commandLine().getOut().flush();
            stopped.await();
            return 0;
        }

        private Path dataFolder() {
            if (data != null) {
                return data;
            }
            String root = System.getProperty("volvault.root");
            if (root == null || root.isBlank()) {
                throw new UserInputException(
                    "--data: no folder given, and volvault.root is not set (run through scripts/volvault)");
            }
            return Path.of(root, "src", "data");
        }
    }
}
