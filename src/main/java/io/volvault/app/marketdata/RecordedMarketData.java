package io.volvault.app.marketdata;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.volvault.app.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recorded history the local server answers from, read from a folder holding any of the files
 * of {@code src/data}: {@value #BTC_PRICE_FILE} (BTC index, daily close),
 * {@value #BTC_DVOL_FILE} (Deribit's BTC DVOL, daily) and {@value #ETH_PRICE_FILE} (ETH index,
 * hourly close), and the recorded option chains of {@value #OPTIONS_FOLDER}/. A file that is absent
 * leaves its endpoints answering an error (options: the synthetic chain); a file that is there must
 * be well formed, or loading fails naming the file, line and value.
 */
public record RecordedMarketData(
        Optional<RecordedSeries> btcPrice, Optional<RecordedSeries> btcDvol, Optional<RecordedSeries> ethPrice,
        Optional<RecordedChains> chains) {

    public static final String BTC_PRICE_FILE = "btc_usd_daily.csv";
    public static final String BTC_DVOL_FILE = "btc_dvol_daily.csv";
    public static final String ETH_PRICE_FILE = "eth_usd_hourly.csv";
    /** Recorded Deribit chains ({@code *.csv.gz}), answered on their days; see {@link RecordedChains}. */
    public static final String OPTIONS_FOLDER = "options";

    public RecordedMarketData {
        if (btcPrice.isEmpty() && btcDvol.isEmpty() && ethPrice.isEmpty()) {
            throw new UserInputException("market data: none of " + BTC_PRICE_FILE + ", " + BTC_DVOL_FILE
                    + ", " + ETH_PRICE_FILE + " was given");
        }
    }

    /** Reads the files of {@code folder}; at least one of the three must be there. */
    public static RecordedMarketData load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("market data: " + folder + " is not a folder");
        }
        RecordedMarketData data;
        try {
            data = new RecordedMarketData(
                    readIfPresent(folder.resolve(BTC_PRICE_FILE), "close", Duration.ofDays(1)),
                    readIfPresent(folder.resolve(BTC_DVOL_FILE), "dvol", Duration.ofDays(1)),
                    readIfPresent(folder.resolve(ETH_PRICE_FILE), "close", Duration.ofHours(1)),
                    RecordedChains.in(folder.resolve(OPTIONS_FOLDER)));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage() + " in " + folder, e);
        }
        return data;
    }

    /** The data shipped with volvault, in {@code <root>/src/data}. */
    public static RecordedMarketData shipped(Path repositoryRoot) throws IOException {
        return load(repositoryRoot.resolve("src").resolve("data"));
    }

    /** The index price series of {@code btc_usd} or {@code eth_usd}. */
    Optional<RecordedSeries> indexPrice(String indexName) {
        return switch (indexName) {
            case "btc_usd" -> btcPrice;
            case "eth_usd" -> ethPrice;
            default -> Optional.empty();
        };
    }

    private static Optional<RecordedSeries> readIfPresent(Path file, String column, Duration step) throws IOException {
        return Files.exists(file) ? Optional.of(read(file, column, step)) : Optional.empty();
    }

    /** Reads {@code timestamp} and {@code column} of a CSV with a header; lines are counted from 1, the header included. */
    static RecordedSeries read(Path file, String column, Duration step) throws IOException {
        String name = file.getFileName().toString();
        List<Long> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows =
                     new CsvMapper().readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
            int line = 1;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                line++;
                String stamp = field(row, "timestamp", name, line);
                String text = field(row, column, name, line);
                long time = parseTime(stamp, name, line);
                double value = parseValue(text, column, name, line);
                if (!times.isEmpty() && time <= times.get(times.size() - 1)) {
                    throw new IOException(name + " line " + line + ": timestamp " + stamp
                            + " is not after the row before it (rows must be oldest first, one per time)");
                }
                times.add(time);
                values.add(value);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(name + ": not a readable CSV: " + e.getOriginalMessage());
        }
        if (times.isEmpty()) {
            throw new IOException(name + ": no rows after the header");
        }
        return new RecordedSeries(name, column, step,
                times.stream().mapToLong(Long::longValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String field(Map<String, String> row, String column, String file, int line) throws IOException {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IOException(file + " line " + line + ": no value in column '" + column + "' (columns: "
                    + String.join(",", row.keySet()) + ")");
        }
        return value.strip();
    }

    private static long parseTime(String text, String file, int line) throws IOException {
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IOException(file + " line " + line + ": timestamp '" + text
                    + "' is neither a date (2022-11-06) nor a UTC time (2018-05-15T06:00:00Z)");
        }
    }

    private static double parseValue(String text, String column, String file, int line) throws IOException {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + line + ": " + column + " '" + text + "' is not a number");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IOException(file + " line " + line + ": " + column + " " + text + " is not a positive finite number");
        }
        return value;
    }
}
