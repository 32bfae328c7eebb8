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
final class RealData {

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
    static PriceBars bars(String name) {
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

    /** DVOL (as a fraction) aligned with the bars, NaN on bars it does not cover. */
    static double[] dvolAlignedWith(PriceBars bars) {
        List<String> lines = lines("btc_dvol_daily.csv");
        java.util.Map<Long, Double> byDay = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            byDay.put(epoch(f[0]), Double.parseDouble(f[1]) / 100);
        }
        double[] out = new double[bars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = byDay.getOrDefault(bars.epochSeconds()[i], Double.NaN);
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
