package io.volvault.app.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.OptionQuote;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Reads one snapshot of one currency from a Deribit option-chain CSV (plain or .gz) in the format
 * of the recorded chains (columns {@code timestamp, currency, underlying, option_type, strike,
 * time_to_maturity, bid_price, ask_price, mark_price, implied_volatility}, prices in coin). Each
 * price becomes USD on the forward: coin price x {@code underlying}, the undiscounted Black-76
 * price. Empty bid, ask, mark or IV cells are absent (NaN). Streams the file and keeps only the
 * rows of the asked currency; errors name the file, line and column.
 */
public final class DeribitSnapshotCsv {

    /** One snapshot: its timestamp as written, and its quotes. */
    public record Snapshot(String timestamp, List<OptionQuote> quotes) {
    }

    private static final List<String> COLUMNS = List.of("timestamp", "currency", "underlying", "option_type",
        "strike", "time_to_maturity", "bid_price", "ask_price", "mark_price", "implied_volatility");

    private DeribitSnapshotCsv() {
    }

    /**
     * The snapshot of {@code asset} whose timestamp starts with {@code at} (a day such as
     * 2026-01-05 or a full timestamp); with {@code at} null, the file must hold one snapshot of it.
     */
    public static Snapshot read(Path file, String asset, String at) throws IOException {
        Map<String, List<OptionQuote>> byTimestamp = new LinkedHashMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                 .readerForListOf(String.class).readValues(in)) {
            if (!rows.hasNext()) {
                throw new IllegalArgumentException(file + ": empty file, expected a header line");
            }
            List<String> header = rows.next().stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
            int[] index = new int[COLUMNS.size()];
            for (int i = 0; i < COLUMNS.size(); i++) {
                index[i] = header.indexOf(COLUMNS.get(i));
                if (index[i] < 0) {
                    throw new IllegalArgumentException(file + " line 1: the header has no column '" + COLUMNS.get(i)
                        + "' (a Deribit chain needs " + String.join(",", COLUMNS) + ")");
                }
            }
            while (rows.hasNext()) {
                // The parser stands at the start of the row about to be read.
                int line = rows.getCurrentLocation().getLineNr();
                List<String> cells = rows.next();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                Cells row = new Cells(file, line, header, cells, index);
                String currency = row.text(1);
                currencies.add(currency);
                String timestamp = row.text(0);
                if (!currency.equalsIgnoreCase(asset) || (at != null && !timestamp.startsWith(at))) {
                    continue;
                }
                byTimestamp.computeIfAbsent(timestamp, t -> new ArrayList<>()).add(row.quote());
            }
        } catch (NoSuchFileException | FileNotFoundException missing) {
            throw new IOException(file + ": no such file");
        }
        if (byTimestamp.isEmpty()) {
            throw new IllegalArgumentException(file + ": no " + asset + " rows" + (at == null ? "" : " at " + at)
                + " (currencies in the file: " + String.join(", ", currencies) + ")");
        }
        if (byTimestamp.size() > 1) {
            List<String> timestamps = new ArrayList<>(byTimestamp.keySet());
            throw new IllegalArgumentException(file + ": " + byTimestamp.size() + " " + asset + " snapshots"
                + (at == null ? "" : " start with " + at) + " (" + timestamps.get(0) + " .. "
                + timestamps.get(timestamps.size() - 1) + "): choose one with --at");
        }
        Map.Entry<String, List<OptionQuote>> only = byTimestamp.entrySet().iterator().next();
        return new Snapshot(only.getKey(), List.copyOf(only.getValue()));
    }

    /** One row's cells, with messages naming where they are. */
    private record Cells(Path file, int line, List<String> header, List<String> cells, int[] index) {

        String text(int column) {
            int at = index[column];
            if (at >= cells.size() || cells.get(at).isBlank()) {
                throw new IllegalArgumentException(where(column) + ": missing value");
            }
            return cells.get(at).trim();
        }

        /** A finite number, NaN for an empty optional cell. */
        double number(int column, boolean optional) {
            int at = index[column];
            if (optional && (at >= cells.size() || cells.get(at).isBlank())) {
                return Double.NaN;
            }
            String text = text(column);
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(where(column) + ": '" + text + "' is not a number");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(where(column) + ": '" + text + "' is not a finite number");
            }
            return value;
        }

        double positive(int column) {
            double value = number(column, false);
            if (!(value > 0.0)) {
                throw new IllegalArgumentException(where(column) + ": " + text(column) + " must be positive");
            }
            return value;
        }

        double nonNegativeOrAbsent(int column) {
            double value = number(column, true);
            if (value < 0.0) {
                throw new IllegalArgumentException(where(column) + ": " + text(column) + " must not be negative");
            }
            return value;
        }

        OptionQuote quote() {
            double forward = positive(2);
            String type = text(3);
            OptionType optionType = switch (type.toLowerCase(Locale.ROOT)) {
                case "call" -> OptionType.CALL;
                case "put" -> OptionType.PUT;
                default -> throw new IllegalArgumentException(where(3) + ": '" + type + "' is neither call nor put");
            };
            return new OptionQuote(positive(5), positive(4), forward, optionType, nonNegativeOrAbsent(6) * forward,
                nonNegativeOrAbsent(7) * forward, nonNegativeOrAbsent(8) * forward, nonNegativeOrAbsent(9));
        }

        String where(int column) {
            return file + " line " + line + ", column " + (index[column] + 1) + " (" + COLUMNS.get(column) + ")";
        }
    }
}
