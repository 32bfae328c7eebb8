package io.volvault.bench;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.market.MarketHistory;
import io.volvault.strategy.market.VolInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The backtester on real history (src/data), full strategy with weekly option rounds:
 * <ul>
 *   <li>{@code nineYearsDaily}: BTC daily 2016-11-09 .. 2025-11-09 (3,288 bars), DVOL where it
 *       exists; budget 50 ms;</li>
 *   <li>{@code oneYearHourly}: ETH hourly 2021-03-23 .. 2022-03-23 (8,760 bars), every bar marks
 *       the option book's Greeks on the surface; budget 200 ms;</li>
 *   <li>{@code nineYearsDailyBuyAndHold}: the same nine years without options, the floor the engine
 *       itself costs (the ratio full / buy-and-hold is the price of the option book).</li>
 * </ul>
 * The forecast series is built in setup: a backtest run reuses it, as the sweep does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class BacktestBenchmark {

    private final Backtester backtester = new Backtester(SkewModel.CRYPTO_DEFAULT, TermStructure.CRYPTO_DEFAULT);
    private final StrategyConfig config = StrategyConfig.defaults();
    private StrategyConfig buyAndHold;
    private MarketHistory daily;
    private int dailyFrom;
    private MarketHistory hourly;
    private int hourlyFrom;

    @Setup
    public void load() {
        buyAndHold = config.withSizing(config.sizing().withRule(StrategyConfig.SizingRule.BUY_AND_HOLD))
            .withOptions(config.options().with(false, false, 0, 0));
        PriceBars btc = bars("btc_usd_daily.csv");
        daily = VolInputs.history(btc, 365, dvol(btc), config.forecast(), config.sizing().capVol(), 0);
        dailyFrom = indexOf(btc, LocalDate.of(2016, 11, 9).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        PriceBars eth = bars("eth_usd_hourly.csv");
        double[] none = new double[eth.size()];
        Arrays.fill(none, Double.NaN);
        hourly = VolInputs.history(eth, 8760, none, config.forecast(), config.sizing().capVol(), 0);
        hourlyFrom = eth.size() - 8760;
    }

    @Benchmark
    public BacktestRun nineYearsDaily() {
        return backtester.run("full", config, daily, dailyFrom, daily.size(), false);
    }

    @Benchmark
    public BacktestRun nineYearsDailyBuyAndHold() {
        return backtester.run("hold", buyAndHold, daily, dailyFrom, daily.size(), false);
    }

    @Benchmark
    public BacktestRun oneYearHourly() {
        return backtester.run("full", config, hourly, hourlyFrom, hourly.size(), false);
    }

    private static int indexOf(PriceBars bars, long epochSeconds) {
        int i = Arrays.binarySearch(bars.epochSeconds(), epochSeconds);
        if (i < 0) {
            throw new IllegalStateException("no bar at " + Instant.ofEpochSecond(epochSeconds));
        }
        return i;
    }

    private static Path data(String name) {
        return Path.of(System.getProperty("volvault.root", "."), "src", "data", name);
    }

    private static List<String> lines(String name) {
        try {
            return Files.readAllLines(data(name));
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root or set -Dvolvault.root", e);
        }
    }

    private static long epoch(String text) {
        return text.length() == 10
            ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
            : Instant.parse(text).getEpochSecond();
    }

    private static PriceBars bars(String name) {
        List<String> rows = lines(name).subList(1, lines(name).size());
        int n = rows.size();
        long[] t = new long[n];
        double[][] ohlc = new double[4][n];
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i).split(",");
            t[i] = epoch(f[0]);
            for (int k = 0; k < 4; k++) {
                ohlc[k][i] = Double.parseDouble(f[k + 1]);
            }
        }
        return new PriceBars(t, ohlc[0], ohlc[1], ohlc[2], ohlc[3]);
    }

    private static double[] dvol(PriceBars bars) {
        Map<Long, Double> byDay = new HashMap<>();
        List<String> rows = lines("btc_dvol_daily.csv");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            byDay.put(epoch(f[0]), Double.parseDouble(f[1]) / 100);
        }
        double[] out = new double[bars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = byDay.getOrDefault(bars.epochSeconds()[i], Double.NaN);
        }
        return out;
    }
}
