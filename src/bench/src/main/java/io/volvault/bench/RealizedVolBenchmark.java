package io.volvault.bench;

import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.realized.RealizedVol;
import io.volvault.greeks.realized.VolSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
 * Rolling Yang-Zhang volatility over the last 9,000 ETH hourly bars with a one-week window (168
 * bars), the shape of a backtest sweep's inner call: {@link RealizedVol#rolling} (running sums,
 * O(n)) against the textbook evaluation of every window from scratch (O(n * window)), which is
 * the baseline the running sums replace.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class RealizedVolBenchmark {

    private static final int WINDOW = 168;
    private static final int BARS = 9_000;
    private static final double HOURS_PER_YEAR = 8_760;

    private PriceBars bars;

    @Setup
    public void load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(System.getProperty("volvault.root", "."), "src", "data", "eth_usd_hourly.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root or set -Dvolvault.root", e);
        }
        List<String> rows = lines.subList(lines.size() - BARS, lines.size());
        long[] t = new long[BARS];
        double[][] ohlc = new double[4][BARS];
        for (int i = 0; i < BARS; i++) {
            String[] cells = rows.get(i).split(",");
            t[i] = Instant.parse(cells[0]).getEpochSecond();
            for (int k = 0; k < 4; k++) {
                ohlc[k][i] = Double.parseDouble(cells[k + 1]);
            }
        }
        bars = new PriceBars(t, ohlc[0], ohlc[1], ohlc[2], ohlc[3]);
    }

    @Benchmark
    public VolSeries oursRollingYangZhang() {
        return RealizedVol.rolling(Estimator.YANG_ZHANG, bars, WINDOW, HOURS_PER_YEAR);
    }

    @Benchmark
    public double[] windowByWindowYangZhang() {
        double[] o = bars.open();
        double[] h = bars.high();
        double[] l = bars.low();
        double[] c = bars.close();
        double k = 0.34 / (1.34 + (WINDOW + 1.0) / (WINDOW - 1.0));
        double[] vol = new double[BARS];
        for (int end = WINDOW; end < BARS; end++) {
            double overnightMean = 0;
            double openCloseMean = 0;
            for (int t = end - WINDOW + 1; t <= end; t++) {
                overnightMean += Math.log(o[t] / c[t - 1]) / WINDOW;
                openCloseMean += Math.log(c[t] / o[t]) / WINDOW;
            }
            double overnight = 0;
            double openClose = 0;
            double rogersSatchell = 0;
            for (int t = end - WINDOW + 1; t <= end; t++) {
                overnight += Math.pow(Math.log(o[t] / c[t - 1]) - overnightMean, 2) / (WINDOW - 1);
                openClose += Math.pow(Math.log(c[t] / o[t]) - openCloseMean, 2) / (WINDOW - 1);
                rogersSatchell += (Math.log(h[t] / c[t]) * Math.log(h[t] / o[t])
                    + Math.log(l[t] / c[t]) * Math.log(l[t] / o[t])) / WINDOW;
            }
            vol[end] = Math.sqrt((overnight + k * openClose + (1 - k) * rogersSatchell) * HOURS_PER_YEAR);
        }
        return vol;
    }
}
