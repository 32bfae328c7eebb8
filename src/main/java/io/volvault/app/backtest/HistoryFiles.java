package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import io.volvault.app.io.PriceBarsCsv;
import io.volvault.greeks.realized.PriceBars;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the backtest's input files: OHLC price bars (through {@link PriceBarsCsv}) with a gap
 * policy, and an implied-vol index ({@code timestamp,<value>} in vol points, 56.76 = 56.76%). Timestamps
 * are ISO dates (a UTC day) or ISO instants. Every error names the file, the line and the value.
 */
final class HistoryFiles {

    /** What to do with a hole in the bars (spacing above 1.5 x the median spacing). */
    enum GapPolicy {
        /** refuse the file, naming the first gap. */
        ERROR,
        /** keep going: the return across the gap counts as one bar's. */
        ALLOW
    }

    private HistoryFiles() {}

    /** The bars, read by {@link PriceBarsCsv}, then held to the gap policy. */
    static PriceBars prices(Path file, GapPolicy gaps) throws IOException {
        PriceBars bars = PriceBarsCsv.read(file);
        long[] t = bars.epochSeconds();
        if (t.length < 3) {
            throw new UserInputException(file + " has " + t.length + " bars: a backtest needs at least 3");
        }
        if (gaps == GapPolicy.ERROR) {
            long spacing = medianSpacing(t);
            for (int i = 1; i < t.length; i++) {
                if (t[i] - t[i - 1] > 1.5 * spacing) {
                    throw new UserInputException(file + ": gap of " + (t[i] - t[i - 1]) / 3600.0 + " h between "
                        + Instant.ofEpochSecond(t[i - 1]) + " and " + Instant.ofEpochSecond(t[i]) + " (bars are "
                        + spacing / 3600.0 + " h apart); pass --gaps allow to treat it as one bar");
                }
            }
        }
        return bars;
    }

    /**
     * The implied-vol index as a fraction, aligned with the bars. Two layouts: {@code timestamp,value}
     * oldest first, or Deribit's DVOL OHLC export {@code date,symbol,open,high,low,close} (either order;
     * the close is taken). A value dated by a UTC day is its end-of-day close and becomes known when
     * that day ends, so it reaches bars stamped from the next day's midnight on (daily bars a day
     * later, hourly bars of the next day); an instant-stamped value is known at its instant. A bar
     * takes the latest known value, and none (NaN) before the index starts or after a stale gap of
     * more than two days.
     */
    static double[] impliedAlignedWith(Path file, PriceBars bars) throws IOException {
        String header = header(file);
        boolean ohlc = header.contains("date") && header.contains("close");
        List<String[]> rows = rows(file, ohlc ? new String[] {"date", "close"} : new String[] {"timestamp"});
        int n = rows.size();
        long[] known = new long[n];
        double[] v = new double[n];
        int[] line = new int[n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            line[i] = i + 2;
            if (r.length < 2) {
                throw new UserInputException(file + " line " + line[i] + ": missing the vol column");
            }
            known[i] = epoch(file, line[i], r[0]) + (r[0].length() == 10 ? 86_400 : 0);
            v[i] = price(file, line[i], "vol", r[1]) / 100;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (ohlc) {
            Arrays.sort(order, (x, y) -> Long.compare(known[x], known[y]));
        }
        for (int k = 1; k < n; k++) {
            if (known[order[k]] <= known[order[k - 1]]) {
                throw new UserInputException(file + " line " + line[order[k]] + ": timestamp is not after line "
                    + line[order[k - 1]] + (ohlc ? ": duplicate day" : ": rows must be sorted oldest first without"
                    + " duplicates"));
            }
        }
        double[] out = new double[bars.size()];
        Arrays.fill(out, Double.NaN);
        int j = -1;
        for (int i = 0; i < out.length; i++) {
            long now = bars.epochSeconds()[i];
            while (j + 1 < n && known[order[j + 1]] <= now) {
                j++;
            }
            if (j >= 0 && now - known[order[j]] <= 2 * 86_400) {
                out[i] = v[order[j]];
            }
        }
        return out;
    }

    private static String header(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + " does not exist");
        }
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String h = in.readLine();
            return h == null ? "" : h.trim().toLowerCase();
        }
    }

    private static List<String[]> rows(Path file, String[] required) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + " does not exist");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null) {
                throw new UserInputException(file + " is empty: expected a header line");
            }
            String[] columns = header.trim().split(",");
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                index.put(columns[i].trim().toLowerCase(), i);
            }
            int[] pick = new int[Math.max(required.length, 2)];
            for (int i = 0; i < required.length; i++) {
                Integer at = index.get(required[i]);
                if (at == null) {
                    throw new UserInputException(file + " line 1: missing column '" + required[i]
                        + "' (header: " + header + ")");
                }
                pick[i] = at;
            }
            if (required.length == 1) {
                pick[1] = pick[0] == 0 ? 1 : 0;
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                String[] row = new String[pick.length];
                for (int i = 0; i < pick.length; i++) {
                    if (pick[i] >= f.length) {
                        throw new UserInputException(file + " line " + lineNo + ": has " + f.length
                            + " fields, expected at least " + (pick[i] + 1));
                    }
                    row[i] = f[pick[i]].trim();
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long epoch(Path file, int line, String text) {
        try {
            return text.length() == 10
                ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                : Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new UserInputException(file + " line " + line + ": timestamp '" + text
                + "' is neither an ISO date (2022-01-31) nor an ISO instant (2022-01-31T00:00:00Z)");
        }
    }

    private static double price(Path file, int line, String field, String text) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UserInputException(file + " line " + line + ": " + field + " '" + text + "' is not a number");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new UserInputException(file + " line " + line + ": " + field + " " + text + " must be positive");
        }
        return v;
    }

    static long medianSpacing(long[] t) {
        long[] d = new long[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            d[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }
}
