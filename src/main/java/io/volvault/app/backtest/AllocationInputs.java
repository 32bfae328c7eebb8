package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import io.volvault.app.io.PriceBarsCsv;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.allocation.AssetCloses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the allocation's price files, resamples intraday bars to daily closes when asked, and
 * keeps the bar times every asset has.
 */
final class AllocationInputs {

    private static final long SECONDS_PER_DAY = 86_400;

    private AllocationInputs() {}

    /** The closes of every file on their common bar times; daily bars when {@code resampleDaily}. */
    static AssetCloses read(List<Path> files, boolean resampleDaily) throws IOException {
        if (files.size() < 2) {
            throw new UserInputException("--prices given " + files.size()
                + " time(s): an allocation needs at least 2 assets");
        }
        List<PriceBars> bars = new ArrayList<>();
        for (Path f : files) {
            PriceBars b = PriceBarsCsv.read(f);
            PriceBars used = resampleDaily ? dailyCloses(b) : b;
            if (used.size() < 3) {
                throw new UserInputException("--prices " + f + ": " + used.size()
                    + (resampleDaily ? " whole UTC days" : " bars") + ", an allocation needs at least 3");
            }
            bars.add(used);
        }
        // Daily bars stamped at midnight would otherwise meet the midnight hour of an hourly file.
        long spacing = HistoryFiles.medianSpacing(bars.get(0).epochSeconds());
        for (int a = 1; a < bars.size(); a++) {
            long other = HistoryFiles.medianSpacing(bars.get(a).epochSeconds());
            if (other != spacing) {
                throw new UserInputException("--prices " + files.get(a) + ": bars " + other / 3600.0
                    + " h apart, but " + files.get(0) + " has bars " + spacing / 3600.0
                    + " h apart; pass --resample daily to compare daily closes");
            }
        }
        return align(names(files), files, bars);
    }

    /**
     * One bar per UTC day, stamped at midnight, with the day's first open, highest high, lowest low
     * and last close. A day counts only when its last bar closes at midnight (the last bar starts
     * one bar spacing before the next day), so a partial first or last day is not taken for a close.
     * Bars already at midnight are daily bars and pass through.
     */
    static PriceBars dailyCloses(PriceBars bars) {
        long[] t = bars.epochSeconds();
        boolean daily = Arrays.stream(t).allMatch(s -> Math.floorMod(s, SECONDS_PER_DAY) == 0);
        if (daily || t.length < 2) {
            return bars;
        }
        long spacing = HistoryFiles.medianSpacing(t);
        List<double[]> days = new ArrayList<>();
        List<Long> dayStarts = new ArrayList<>();
        int first = 0;
        while (first < t.length) {
            long day = Math.floorDiv(t[first], SECONDS_PER_DAY);
            int last = first;
            while (last + 1 < t.length && Math.floorDiv(t[last + 1], SECONDS_PER_DAY) == day) {
                last++;
            }
            if (t[last] + spacing >= (day + 1) * SECONDS_PER_DAY) {
                double high = Double.NEGATIVE_INFINITY;
                double low = Double.POSITIVE_INFINITY;
                for (int i = first; i <= last; i++) {
                    high = Math.max(high, bars.high()[i]);
                    low = Math.min(low, bars.low()[i]);
                }
                days.add(new double[] {bars.open()[first], high, low, bars.close()[last]});
                dayStarts.add(day * SECONDS_PER_DAY);
            }
            first = last + 1;
        }
        int n = days.size();
        long[] time = new long[n];
        double[][] ohlc = new double[4][n];
        for (int i = 0; i < n; i++) {
            time[i] = dayStarts.get(i);
            for (int k = 0; k < 4; k++) {
                ohlc[k][i] = days.get(i)[k];
            }
        }
        return new PriceBars(time, ohlc[0], ohlc[1], ohlc[2], ohlc[3]);
    }

    /** The closes at the times every series has; refuses series with no common time. */
    static AssetCloses align(String[] names, List<Path> files, List<PriceBars> bars) {
        Set<Long> common = new HashSet<>();
        for (long s : bars.get(0).epochSeconds()) {
            common.add(s);
        }
        for (PriceBars b : bars.subList(1, bars.size())) {
            Set<Long> mine = new HashSet<>();
            for (long s : b.epochSeconds()) {
                mine.add(s);
            }
            common.retainAll(mine);
        }
        if (common.size() < 3) {
            StringBuilder spans = new StringBuilder();
            for (int a = 0; a < bars.size(); a++) {
                long[] t = bars.get(a).epochSeconds();
                spans.append(a == 0 ? "" : ", ").append(files.get(a)).append(' ')
                    .append(BacktestSession.date(t[0])).append(" .. ").append(BacktestSession.date(t[t.length - 1]));
            }
            throw new UserInputException("--prices: " + common.size() + " common bar times (need 3) across "
                + spans);
        }
        long[] time = common.stream().mapToLong(Long::longValue).sorted().toArray();
        double[][] close = new double[bars.size()][time.length];
        for (int a = 0; a < bars.size(); a++) {
            long[] t = bars.get(a).epochSeconds();
            int j = 0;
            for (int i = 0; i < time.length; i++) {
                while (t[j] < time[i]) {
                    j++;
                }
                close[a][i] = bars.get(a).close()[j];
            }
        }
        double periodsPerYear = Math.round(new PriceBars(time, close[0], close[0], close[0], close[0])
            .inferredPeriodsPerYear());
        return new AssetCloses(names, time, close, periodsPerYear);
    }

    /** Each file's name up to its first '_' (btc_usd_daily.csv: btc), or the whole stem when those repeat. */
    static String[] names(List<Path> files) {
        String[] stems = new String[files.size()];
        String[] shortNames = new String[files.size()];
        for (int i = 0; i < stems.length; i++) {
            String file = files.get(i).getFileName().toString();
            stems[i] = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            shortNames[i] = stems[i].split("_")[0];
        }
        if (new HashSet<>(List.of(shortNames)).size() == shortNames.length) {
            return shortNames;
        }
        if (new HashSet<>(List.of(stems)).size() == stems.length) {
            return stems;
        }
        throw new UserInputException("--prices: two files share the name " + Arrays.toString(stems)
            + "; give each asset a file of its own name");
    }
}
