package io.volvault.greeks.surface;

import io.volvault.greeks.OptionType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Test-side reader of Deribit option-chain CSVs in the format of ../shared/data/options (see
 * greeks/src/test/resources/deribit/README.md): one snapshot per (currency, timestamp), prices
 * converted from coin to USD on the expiry's forward (the {@code underlying} column).
 */
final class DeribitSnapshots {

    /** One chain as recorded: currency, snapshot timestamp, and its quotes. */
    record Snapshot(String currency, String timestamp, List<OptionQuote> quotes) {

        String day() {
            return timestamp.substring(0, 10);
        }
    }

    private DeribitSnapshots() {
    }

    static List<Snapshot> read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(reader.readLine().split(",", -1));
            int timestamp = header.indexOf("timestamp");
            int currency = header.indexOf("currency");
            int forward = header.indexOf("underlying");
            int type = header.indexOf("option_type");
            int strike = header.indexOf("strike");
            int expiry = header.indexOf("time_to_maturity");
            int bid = header.indexOf("bid_price");
            int ask = header.indexOf("ask_price");
            int mark = header.indexOf("mark_price");
            int markIv = header.indexOf("implied_volatility");
            Map<String, List<OptionQuote>> byKey = new LinkedHashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                double f = Double.parseDouble(cells[forward]);
                double t = Double.parseDouble(cells[expiry]);
                if (!(t > 0.0)) {
                    continue;
                }
                byKey.computeIfAbsent(cells[currency] + " " + cells[timestamp], key -> new ArrayList<>())
                    .add(new OptionQuote(t, Double.parseDouble(cells[strike]), f,
                        "call".equals(cells[type]) ? OptionType.CALL : OptionType.PUT,
                        usd(cells[bid], f), usd(cells[ask], f), usd(cells[mark], f), number(cells[markIv])));
            }
            List<Snapshot> snapshots = new ArrayList<>();
            byKey.forEach((key, quotes) -> {
                String[] parts = key.split(" ");
                snapshots.add(new Snapshot(parts[0], parts[1], quotes));
            });
            return snapshots;
        }
    }

    private static double usd(String coin, double forward) {
        return number(coin) * forward;
    }

    private static double number(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }
}
