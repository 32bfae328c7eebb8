package io.volvault.greeks.realized;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Reads the shipped market history and reference series for tests (greeks itself does no I/O). */
final class SeriesFiles {

    private SeriesFiles() {
    }

    static Path repoRoot() {
        String root = System.getProperty("volvault.root");
        if (root == null) {
            throw new IllegalStateException("system property volvault.root is not set (surefire sets it)");
        }
        return Path.of(root);
    }

    /** An OHLC CSV of src/data: timestamp,open,high,low,close[,volume]. */
    static PriceBars bars(String dataFile) throws IOException {
        List<String> lines = Files.readAllLines(repoRoot().resolve("src/data").resolve(dataFile));
        int n = lines.size() - 1;
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            time[i] = cells[0].contains("T")
                ? Instant.parse(cells[0]).getEpochSecond()
                : LocalDate.parse(cells[0]).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            open[i] = Double.parseDouble(cells[1]);
            high[i] = Double.parseDouble(cells[2]);
            low[i] = Double.parseDouble(cells[3]);
            close[i] = Double.parseDouble(cells[4]);
        }
        return new PriceBars(time, open, high, low, close);
    }

    /** A one-column numeric resource with a header line, e.g. reference/dem2gbp_returns.csv. */
    static double[] column(String resource) throws IOException {
        List<String> lines = Files.readAllLines(
            repoRoot().resolve("greeks/src/test/resources").resolve(resource));
        return lines.stream().skip(1).mapToDouble(Double::parseDouble).toArray();
    }
}
