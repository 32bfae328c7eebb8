package io.volvault.app.backtest;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.backtest.Baselines;
import io.volvault.strategy.backtest.MarketHistory;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.backtest.Performance;
import io.volvault.strategy.backtest.VolInputs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Runs the configured strategy and its baselines over one history; shared by backtest and sweep. */
final class BacktestSession {

    /** Rolling-vol window for the tracking metrics: 30 days of bars. */
    static final int ROLLING_DAYS = 30;

    private final PriceBars bars;
    private final double periodsPerYear;
    private final double[] observedImplied;
    private final String pricesFile;
    private final String impliedFile;
    private final Backtester backtester = new Backtester(SkewModel.CRYPTO_DEFAULT);

    BacktestSession(PriceBars bars, double[] observedImplied, String pricesFile, String impliedFile) {
        this.bars = bars;
        this.periodsPerYear = Math.round(bars.inferredPeriodsPerYear());
        this.observedImplied = observedImplied;
        this.pricesFile = pricesFile;
        this.impliedFile = impliedFile;
    }

    PriceBars bars() {
        return bars;
    }

    double periodsPerYear() {
        return periodsPerYear;
    }

    double[] observedImplied() {
        return observedImplied;
    }

    /** Bar range [from, to) for the dates (inclusive, either may be null), after the warm-up. */
    int[] range(MarketHistory h, LocalDate fromDate, LocalDate toDate) {
        long[] t = bars.epochSeconds();
        int from = h.firstTradableBar();
        if (fromDate != null) {
            long start = fromDate.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            while (from < t.length && t[from] < start) {
                from++;
            }
        }
        int to = t.length;
        if (toDate != null) {
            long end = toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            while (to > from && t[to - 1] >= end) {
                to--;
            }
        }
        if (to - from < 3) {
            throw new IllegalArgumentException("--from " + fromDate + " --to " + toDate + " leaves " + Math.max(0, to - from)
                + " tradable bars (prices run " + date(t[0]) + " .. " + date(t[t.length - 1])
                + ", the estimator needs " + h.firstTradableBar() + " bars of warm-up)");
        }
        return new int[] {from, to};
    }

    /** The strategy and all baselines, with metrics. */
    BacktestOutcome run(StrategyConfig config, LocalDate fromDate, LocalDate toDate, boolean recordDecisions) {
        MarketHistory h = VolInputs.history(bars, periodsPerYear, observedImplied,
            config.forecast(), 0);
        int[] range = range(h, fromDate, toDate);
        List<BacktestRun> runs = new ArrayList<>();
        List<Metrics> metrics = new ArrayList<>();
        Map<String, StrategyConfig> strategies = Baselines.of(config);
        try (ProgressBar bar = progressBar("backtest", strategies.size(), (long) strategies.size() * (range[1] - range[0]))) {
            for (Map.Entry<String, StrategyConfig> e : strategies.entrySet()) {
                if (bar != null) {
                    bar.setExtraMessage(e.getKey());
                }
                BacktestRun run = backtester.run(e.getKey(), e.getValue(), h, range[0], range[1], recordDecisions);
                runs.add(run);
                metrics.add(metrics(run, h, config));
                if (bar != null) {
                    bar.step();
                }
            }
        }
        return new BacktestOutcome(config, h, range[0], range[1], pricesFile, impliedSource(h, range, config),
            runs, metrics);
    }

    /** Bars above which a run counts as long and shows progress even when stderr is not a terminal. */
    static final int LONG_RUN_BARS = 50_000;

    /**
     * A progress bar on stderr, when stderr is a terminal or the work is long (more than
     * {@link #LONG_RUN_BARS} bars in all); null otherwise, so logs and pipes stay clean.
     */
    static ProgressBar progressBar(String task, int steps, long totalBars) {
        if (System.console() == null && totalBars <= LONG_RUN_BARS) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(steps)
            .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    Metrics metrics(BacktestRun run, MarketHistory h, StrategyConfig config) {
        long[] t = bars.epochSeconds();
        double years = (t[run.from() + run.size() - 1] - t[run.from()]) / (365.0 * 86_400);
        return Performance.of(run, years, periodsPerYear, config.sizing().targetVol(),
            rollingWindow(periodsPerYear, run.size()));
    }

    /** 30 days of bars, or the whole run (all its returns) when it is shorter. */
    static int rollingWindow(double periodsPerYear, int bars) {
        return (int) Math.min(Math.round(ROLLING_DAYS * periodsPerYear / 365), bars - 1);
    }

    /** Says, in one line, where the implied vol came from over the traded bars. */
    String impliedSource(MarketHistory h, int[] range, StrategyConfig config) {
        int observed = 0;
        int firstProxy = -1;
        int lastProxy = -1;
        int firstObserved = -1;
        int lastObserved = -1;
        for (int i = range[0]; i < range[1]; i++) {
            if (h.impliedIsProxy()[i]) {
                firstProxy = firstProxy < 0 ? i : firstProxy;
                lastProxy = i;
            } else {
                observed++;
                firstObserved = firstObserved < 0 ? i : firstObserved;
                lastObserved = i;
            }
        }
        long[] t = bars.epochSeconds();
        String proxyRule = "proxy = realized " + config.forecast().estimator().cliName() + " (" + config.forecast().window()
            + " bars) x " + config.forecast().proxyPremiumRatio() + " (forecast.proxy_premium_ratio)";
        StringBuilder s = new StringBuilder();
        if (observed > 0) {
            s.append("observed index ").append(impliedFile).append(" on ").append(observed).append(" bars (")
                .append(date(t[firstObserved])).append(" .. ").append(date(t[lastObserved])).append(")");
        }
        if (firstProxy >= 0) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(proxyRule).append(" on ").append(range[1] - range[0] - observed).append(" bars (")
                .append(date(t[firstProxy])).append(" .. ").append(date(t[lastProxy])).append(")");
        }
        return s.append("; smile: SkewModel.CRYPTO_DEFAULT (SSVI rho -0.15, eta 1, gamma 0.5) around that ATM level")
            .toString();
    }

    static String date(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString().substring(0, 10);
    }
}
