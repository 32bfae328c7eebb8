package io.volvault.app.io;

import io.volvault.app.UserInputException;
import io.volvault.greeks.realized.PriceBars;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads OHLC price bars from CSV: header {@code timestamp,open,high,low,close} (any further
 * columns such as volume are ignored), oldest first. A timestamp is an ISO date
 * ({@code 2024-01-31}, midnight UTC) or an ISO instant ({@code 2018-05-15T06:00:00Z}). Every
 * problem is reported with the file, line and column.
 */
public final class PriceBarsCsv {

    private static final long SECONDS_PER_DAY = 86_400;

    private PriceBarsCsv() {
    }

    public static PriceBars read(Path file) throws IOException {
        CsvTable table = CsvTable.read(file);
        int time = table.requireColumn("timestamp");
        int open = table.requireColumn("open");
        int high = table.requireColumn("high");
        int low = table.requireColumn("low");
        int close = table.requireColumn("close");
        List<CsvTable.Row> rows = table.rows();
        if (rows.isEmpty()) {
            throw new UserInputException(file + ": no price rows after the header");
        }
        int n = rows.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = rows.get(i);
            t[i] = epochSeconds(table, row, time);
            o[i] = table.positive(row, open);
            h[i] = table.positive(row, high);
            l[i] = table.positive(row, low);
            c[i] = table.positive(row, close);
            if (i > 0 && t[i] <= t[i - 1]) {
                CsvTable.Row previous = rows.get(i - 1);
                throw new UserInputException(table.where(row, time) + ": " + row.cells().get(time)
                    + (t[i] == t[i - 1] ? " repeats" : " is before") + " line " + previous.line() + " ("
                    + previous.cells().get(time) + "): rows must be oldest first, without duplicates");
            }
            if (l[i] > Math.min(o[i], c[i]) || h[i] < Math.max(o[i], c[i])) {
                throw new UserInputException(table.where(row) + ": low " + row.cells().get(low) + " and high "
                    + row.cells().get(high) + " do not bracket open " + row.cells().get(open) + " and close "
                    + row.cells().get(close));
            }
        }
        return new PriceBars(t, o, h, l, c);
    }

    /** Formats bar times back: an ISO date when every bar is at midnight UTC, else ISO instants. */
    public static String[] formatTimes(PriceBars bars) {
        boolean daily = true;
        for (long seconds : bars.epochSeconds()) {
            daily &= Math.floorMod(seconds, SECONDS_PER_DAY) == 0;
        }
        String[] text = new String[bars.size()];
        for (int i = 0; i < text.length; i++) {
            long seconds = bars.epochSeconds()[i];
            text[i] = daily
                ? LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY)).toString()
                : Instant.ofEpochSecond(seconds).toString();
        }
        return text;
    }

    private static long epochSeconds(CsvTable table, CsvTable.Row row, int column) {
        String text = table.text(row, column);
        try {
            return text.contains("T")
                ? Instant.parse(text).getEpochSecond()
                : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        } catch (DateTimeParseException notATime) {
            throw new UserInputException(table.where(row, column) + ": '" + text
                + "' is not an ISO date (2024-01-31) or instant (2018-05-15T06:00:00Z)");
        }
    }
}
