package io.volvault.strategy.backtest;

import io.volvault.greeks.realized.PriceBars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Reads the shipped market data in src/data for tests (the application has its own readers). */
public final class RealData {

    private RealData() {}

    static Path dataFile(String name) {
        String root = System.getProperty("volvault.root");
        if (root == null) {
            throw new IllegalStateException("system property volvault.root is not set (surefire sets it)");
        }
        return Path.of(root, "src", "data", name);
    }

    static long epoch(String timestamp) {
        return timestamp.length() == 10
            ? LocalDate.parse(timestamp).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
            : Instant.parse(timestamp).getEpochSecond();
    }

    /** OHLC bars of a {@code timestamp,open,high,low,close,volume} file. */
    public static PriceBars bars(String name) {
        List<String> lines = lines(name);
        int n = lines.size() - 1;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            t[i] = epoch(f[0]);
            o[i] = Double.parseDouble(f[1]);
            h[i] = Double.parseDouble(f[2]);
            l[i] = Double.parseDouble(f[3]);
            c[i] = Double.parseDouble(f[4]);
        }
        return new PriceBars(t, o, h, l, c);
    }

    /**
     * BTC DVOL (as a fraction) from Deribit's daily export ({@code date,symbol,open,high,low,close},
     * newest first): a day's close becomes known when the day ends, so bar t takes the close of the
     * latest day ending at or before t (NaN where none within two days).
     */
    static double[] dvolAlignedWith(PriceBars bars) {
        java.util.TreeMap<Long, Double> known = new java.util.TreeMap<>();
        List<String> lines = lines("dvol/btc_dvol.csv");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            known.put(epoch(f[0]) + 86_400, Double.parseDouble(f[5]) / 100);
        }
        double[] out = new double[bars.size()];
        for (int i = 0; i < out.length; i++) {
            var e = known.floorEntry(bars.epochSeconds()[i]);
            out[i] = e != null && bars.epochSeconds()[i] - e.getKey() <= 2 * 86_400 ? e.getValue() : Double.NaN;
        }
        return out;
    }

    private static List<String> lines(String name) {
        try {
            return Files.readAllLines(dataFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
