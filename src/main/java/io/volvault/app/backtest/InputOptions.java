package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import picocli.CommandLine.Option;

/** The options backtest and sweep share: input files, config, date range, gap policy. */
public final class InputOptions {

    @Option(names = "--prices", paramLabel = "FILE",
        description = "OHLC bars: timestamp,open,high,low,close[,volume], oldest first (daily or hourly); required"
            + " unless backtest runs on --chains")
    Path prices;

    @Option(names = "--iv", paramLabel = "FILE",
        description = "implied-vol index in vol points: timestamp,value, or Deribit's DVOL export "
            + "date,symbol,open,high,low,close (e.g. src/data/dvol/btc_dvol.csv); a daily value is used from the "
            + "next day on; bars it does not cover use the stated proxy")
    Path iv;

    @Option(names = "--resample", paramLabel = "PERIOD",
        description = "daily: trade UTC-day closes of intraday bars (a day counts when its last bar closes at midnight)")
    String resample;

    @Option(names = "--config", paramLabel = "FILE", description = "strategy config (YAML or JSON); defaults when absent")
    Path config;

    @Option(names = "--from", paramLabel = "DATE", description = "first day traded (the estimator warms up before it)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last day traded (inclusive)")
    LocalDate to;

    @Option(names = "--gaps", paramLabel = "POLICY", defaultValue = "error",
        description = "holes in the bars: error (refuse, naming the line) or allow (the return across a hole "
            + "counts as one bar). Default: ${DEFAULT-VALUE}")
    String gaps;

    StrategyConfig config() throws IOException {
        return config == null ? StrategyConfig.defaults() : ConfigFile.read(config);
    }

    BacktestSession session() throws IOException {
        if (prices == null) {
            throw new UserInputException("--prices FILE is required (or, for backtest, --chains FILE... with --asset)");
        }
        HistoryFiles.GapPolicy policy = switch (gaps.toLowerCase()) {
            case "error" -> HistoryFiles.GapPolicy.ERROR;
            case "allow" -> HistoryFiles.GapPolicy.ALLOW;
            default -> throw new UserInputException("--gaps '" + gaps + "' must be error or allow");
        };
        if (resample != null && !resample.equals("daily")) {
            throw new UserInputException("--resample '" + resample + "': the only period is 'daily'");
        }
        PriceBars bars = HistoryFiles.prices(prices, policy);
        if (resample != null) {
            bars = AllocationInputs.dailyCloses(bars);
            if (bars.size() < 3) {
                throw new UserInputException(prices + " has " + bars.size() + " whole UTC days: a backtest needs"
                    + " at least 3");
            }
        }
        double[] implied = new double[bars.size()];
        Arrays.fill(implied, Double.NaN);
        if (iv != null) {
            implied = HistoryFiles.impliedAlignedWith(iv, bars);
        }
        return new BacktestSession(bars, implied, prices.toString(), iv == null ? "(none)" : iv.toString());
    }

    /** Applies the command-line overrides; {@code windowDays} is the estimator window in days. */
    static StrategyConfig override(StrategyConfig c, Double targetVol, String estimator, Integer windowDays) {
        return UserInputException.checking(() -> {
            StrategyConfig o = c;
            if (targetVol != null) {
                o = o.withSizing(o.sizing().withTargetVol(targetVol));
            }
            if (estimator != null || windowDays != null) {
                o = o.withForecast(o.forecast().withEstimator(
                    estimator == null ? o.forecast().estimator() : Estimator.parse(estimator),
                    windowDays == null ? o.forecast().windowDays() : windowDays));
            }
            return o;
        });
    }
}
