package io.volvault.app.marketdata;

import io.volvault.app.io.DeribitChainCsv;
import io.volvault.strategy.backtest.ChainDay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The recorded Deribit chains the server answers options from ({@code src/data/options/*.csv.gz},
 * one snapshot a day). A snapshot answers from its own time until the next one, and for at most a
 * day: outside the recorded days the server falls back to its synthetic chain.
 */
final class RecordedChains {

    /** How long a daily snapshot stands for the chain. */
    static final long VALID_MILLIS = 86_400_000L;

    private final List<Path> files;
    private final TreeMap<Long, ChainDay> btc = new TreeMap<>();
    private final TreeMap<Long, ChainDay> eth = new TreeMap<>();

    private RecordedChains(List<Path> files) throws IOException {
        this.files = List.copyOf(files);
        for (ChainDay d : DeribitChainCsv.read(this.files)) {
            (d.currency().equals("BTC") ? btc : eth).put(d.epochSeconds() * 1000, d);
        }
    }

    /** The {@code .csv.gz} chain files of {@code folder}, read; empty when it has none. */
    static Optional<RecordedChains> in(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv.gz")).sorted().toList();
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(new RecordedChains(files));
    }

    List<Path> files() {
        return files;
    }

    /** The snapshot of {@code currency} standing at {@code asOfMillis}: the latest at or before it, within a day. */
    Optional<ChainDay> at(String currency, long asOfMillis) {
        TreeMap<Long, ChainDay> days = currency.equals("BTC") ? btc : currency.equals("ETH") ? eth : new TreeMap<>();
        var e = days.floorEntry(asOfMillis);
        return e == null || asOfMillis - e.getKey() >= VALID_MILLIS ? Optional.empty() : Optional.of(e.getValue());
    }

    /** "file, snapshot time" for the {@code volvault_source} line. */
    String source(ChainDay day) {
        return "recorded: Deribit " + day.currency() + " chain snapshot " + Instant.ofEpochSecond(day.epochSeconds())
            + " from " + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList())
            + " (bids, asks, marks, mark IV, open interest and volume as recorded; prices in coin)";
    }
}
