package io.volvault.app.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.volvault.app.UserInputException;
import io.volvault.greeks.OptionType;
import io.volvault.strategy.backtest.ChainDay;
import io.volvault.strategy.backtest.ChainOption;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads recorded Deribit option chains in the shared data set's format (plain CSV, or gzip when
 * the name ends in {@code .gz}; see {@code src/data/options/README.md}) into one {@link ChainDay}
 * per snapshot time and currency. Prices stay in coin, as recorded. Every bad cell is refused with
 * the file, line, column and value; so is an instrument name that disagrees with its own row
 * (currency, expiry, strike, type), a bid above the ask, and an instrument listed twice in one
 * snapshot.
 */
public final class DeribitChainCsv {

    /** The columns read; the format has more (futures_price, volume_usd, ...), which are ignored. */
    static final List<String> COLUMNS = List.of("timestamp", "instrument_name", "underlying", "option_type",
        "strike", "expiry_datetime", "bid_price", "ask_price", "mid_price", "mark_price", "implied_volatility",
        "delta", "vega", "open_interest", "volume", "currency", "index_price");

    private static final Pattern NAME = Pattern.compile("([A-Z]+)-(\\d{1,2}[A-Z]{3}\\d{2})-(\\d+(?:d\\d+)?)-([CP])");
    private static final DateTimeFormatter NAME_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern("d").appendPattern("MMM").appendPattern("yy").toFormatter(Locale.ENGLISH);

    private DeribitChainCsv() {}

    /** Every snapshot of every currency in the files, oldest first (BTC before ETH at one time). */
    public static List<ChainDay> read(List<Path> files) throws IOException {
        Map<String, List<ChainOption>> byKey = new TreeMap<>();
        Map<String, long[]> times = new TreeMap<>();
        Map<String, List<Double>> indexes = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            readInto(file, byKey, times, indexes, seen);
        }
        List<ChainDay> days = new ArrayList<>(byKey.size());
        for (Map.Entry<String, List<ChainOption>> e : byKey.entrySet()) {
            String currency = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            days.add(new ChainDay(currency, times.get(e.getKey())[0], ChainDay.median(indexes.get(e.getKey())), e.getValue()));
        }
        return days;
    }

    /** The snapshots of one currency ({@code BTC} or {@code ETH}), oldest first; refuses files without any. */
    public static List<ChainDay> read(List<Path> files, String currency) throws IOException {
        List<ChainDay> days = read(files).stream().filter(d -> d.currency().equals(currency)).toList();
        if (days.isEmpty()) {
            throw new UserInputException(files + ": no " + currency + " options in the chain file"
                + (files.size() == 1 ? "" : "s"));
        }
        return days;
    }

    private static void readInto(Path file, Map<String, List<ChainOption>> byKey, Map<String, long[]> times,
                                 Map<String, List<Double>> indexes, Set<String> seen) throws IOException {
        try (InputStream in = open(file);
             CsvParser parser = (CsvParser) new CsvMapper().createParser(in)) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            // The whole file is one outer array of row arrays.
            String[] header = parser.nextToken() == JsonToken.START_ARRAY ? next(parser) : null;
            if (header == null) {
                throw new UserInputException(file + ": empty file, expected a header line");
            }
            int[] col = new int[COLUMNS.size()];
            List<String> names = Arrays.stream(header).map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            for (int i = 0; i < col.length; i++) {
                col[i] = names.indexOf(COLUMNS.get(i));
                if (col[i] < 0) {
                    throw new UserInputException(file + " line 1: the header has no column '" + COLUMNS.get(i)
                        + "' (the Deribit chain format: " + String.join(",", COLUMNS) + ", ...)");
                }
            }
            String[] cells;
            while ((cells = next(parser)) != null) {
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                Row row = new Row(file, parser.currentLocation().getLineNr() - 1, names, cells, col);
                ChainOption option = row.option();
                long time = row.time(0);
                String key = String.format(Locale.ROOT, "%019d %s", time, row.text(15));
                if (!seen.add(key + " " + option.instrument())) {
                    throw new UserInputException(row.where(1) + ": " + option.instrument()
                        + " is listed twice in the snapshot " + row.text(0));
                }
                if (option.expiryEpochSeconds() <= time) {
                    throw new UserInputException(row.where(5) + ": expiry " + row.text(5)
                        + " is not after the snapshot time " + row.text(0));
                }
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(option);
                times.putIfAbsent(key, new long[] {time});
                indexes.computeIfAbsent(key, k -> new ArrayList<>()).add(option.index());
            }
        } catch (NoSuchFileException missing) {
            throw new UserInputException(file + ": no such file");
        } catch (JsonProcessingException bad) {
            throw new UserInputException(file + ": not a readable CSV: " + bad.getOriginalMessage());
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The next row's cells, or null at the end. */
    private static String[] next(CsvParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> cells = new ArrayList<>(24);
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            cells.add(parser.getText());
        }
        return cells.toArray(String[]::new);
    }

    /** One data row; {@code c} is indexed like {@link #COLUMNS}. */
    private record Row(Path file, long line, List<String> header, String[] cells, int[] c) {

        ChainOption option() {
            String name = text(1);
            String currency = text(15);
            OptionType type = switch (text(3)) {
                case "call" -> OptionType.CALL;
                case "put" -> OptionType.PUT;
                default -> throw bad(3, "is neither call nor put");
            };
            double strike = positive(4);
            long expiry = time(5);
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw bad(1, "is not a Deribit option name (BTC-27MAR26-90000-C)");
            }
            LocalDate nameDate;
            try {
                nameDate = LocalDate.parse(m.group(2), NAME_DATE);
            } catch (DateTimeParseException e) {
                throw bad(1, "has no valid expiry date");
            }
            boolean agrees = m.group(1).equals(currency)
                && nameDate.atTime(8, 0).toEpochSecond(ZoneOffset.UTC) == expiry
                && Double.parseDouble(m.group(3).replace('d', '.')) == strike
                && m.group(4).equals(type == OptionType.CALL ? "C" : "P");
            if (!agrees) {
                throw new UserInputException(where(1) + ": '" + name + "' disagrees with the row's currency "
                    + currency + ", expiry " + text(5) + ", strike " + text(4) + " or type " + text(3));
            }
            double bid = optionalNonNegative(6);
            double ask = optionalNonNegative(7);
            if (bid > ask) {
                throw new UserInputException(where(6) + ": bid " + text(6) + " is above the ask " + text(7));
            }
            return new ChainOption(name, type, strike, expiry, positive(2), bid, ask, optionalNonNegative(8),
                nonNegative(9), positive(10), number(11), number(12), nonNegative(13), nonNegative(14), positive(16));
        }

        long time(int i) {
            String t = text(i);
            try {
                return OffsetDateTime.parse(t).toEpochSecond();
            } catch (DateTimeParseException e) {
                throw bad(i, "is not an ISO time with an offset (2026-01-01T09:18:35+00:00)");
            }
        }

        String text(int i) {
            int k = c[i];
            if (k >= cells.length || cells[k].isBlank()) {
                throw new UserInputException(where(i) + ": missing value");
            }
            return cells[k].strip();
        }

        double number(int i) {
            double v;
            try {
                v = Double.parseDouble(text(i));
            } catch (NumberFormatException e) {
                throw bad(i, "is not a number");
            }
            if (!Double.isFinite(v)) {
                throw bad(i, "is not a finite number");
            }
            return v;
        }

        double positive(int i) {
            double v = number(i);
            if (!(v > 0)) {
                throw bad(i, "must be positive");
            }
            return v;
        }

        double nonNegative(int i) {
            double v = number(i);
            if (v < 0) {
                throw bad(i, "must not be negative");
            }
            return v;
        }

        /** An empty cell is no quote (NaN). */
        double optionalNonNegative(int i) {
            int k = c[i];
            return k >= cells.length || cells[k].isBlank() ? Double.NaN : nonNegative(i);
        }

        IllegalArgumentException bad(int i, String why) {
            return new UserInputException(where(i) + ": '" + cells[c[i]].strip() + "' " + why);
        }

        String where(int i) {
            return file + " line " + line + ", column " + (c[i] + 1) + " (" + header.get(c[i]) + ")";
        }
    }
}
