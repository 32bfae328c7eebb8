package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.backtest.Baselines;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.backtest.Performance;
import io.volvault.strategy.market.MarketHistory;
import io.volvault.strategy.market.VolInputs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final Backtester backtester = new Backtester(SkewModel.CRYPTO_DEFAULT, TermStructure.CRYPTO_DEFAULT);

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
            throw new UserInputException("--from " + fromDate + " --to " + toDate + " leaves " + Math.max(0, to - from)
                + " tradable bars (prices run " + date(t[0]) + " .. " + date(t[t.length - 1])
                + ", the estimator needs " + h.firstTradableBar() + " bars of warm-up)");
        }
        return new int[] {from, to};
    }

    /** The strategy and all baselines, with metrics. */
    BacktestOutcome run(StrategyConfig config, LocalDate fromDate, LocalDate toDate, boolean recordDecisions) {
        return run(config, fromDate, toDate, recordDecisions, Baselines.of(config).keySet(), MATCHED, true);
    }

    /**
     * The named strategies of {@link Baselines} (buy and hold always runs first: the matched weights
     * start from it), then a constant weight level-matched to each of {@code matchTo}; with a
     * progress bar on long runs when {@code progress}.
     */
    BacktestOutcome run(StrategyConfig config, LocalDate fromDate, LocalDate toDate, boolean recordDecisions,
                        java.util.Set<String> names, List<String> matchTo, boolean progress) {
        MarketHistory h = VolInputs.history(bars, periodsPerYear, observedImplied,
            config.forecast(), config.sizing().capVol(), 0);
        int[] range = range(h, fromDate, toDate);
        List<BacktestRun> runs = new ArrayList<>();
        List<Metrics> metrics = new ArrayList<>();
        Map<String, StrategyConfig> all = Baselines.of(config);
        Map<String, StrategyConfig> strategies = new LinkedHashMap<>();
        all.forEach((name, c) -> {
            if (name.equals(Baselines.BUY_AND_HOLD) || names.contains(name)) {
                strategies.put(name, c);
            }
        });
        Map<String, Double> matched = new LinkedHashMap<>();
        int steps = strategies.size() + matchTo.size() * MATCH_PASSES;
        try (ProgressBar bar = progress ? progressBar("backtest", steps, (long) steps * (range[1] - range[0])) : null) {
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
            matched.putAll(levelMatch(config, h, matchTo, runs, metrics, bar,
                (name, c) -> backtester.run(name, c, h, range[0], range[1], false)));
        }
        return new BacktestOutcome(config, h, range[0], range[1], pricesFile, impliedSource(h, range, config),
            proxyShare(h, range), runs, metrics, matched);
    }

    /**
     * Appends to {@code runs} and {@code metrics} (buy and hold first) a constant weight level-matched
     * to each of {@code matchTo}: the fixed weight whose realized vol over the same bars equals that
     * strategy's, run by {@code runner}. Returns the weights found.
     */
    Map<String, Double> levelMatch(StrategyConfig config, MarketHistory h, List<String> matchTo, List<BacktestRun> runs,
                                   List<Metrics> metrics, ProgressBar bar,
                                   java.util.function.BiFunction<String, StrategyConfig, BacktestRun> runner) {
        Map<String, Double> matched = new LinkedHashMap<>();
        double holdVol = metrics.get(names(runs).indexOf(Baselines.BUY_AND_HOLD)).annualizedVol();
        StrategyConfig fixed = Baselines.of(config).get(Baselines.FIXED_WEIGHT);
        for (String name : matchTo) {
            double vol = metrics.get(names(runs).indexOf(name)).annualizedVol();
            double weight = Math.min(config.sizing().maxLeverage(), vol / holdVol);
            BacktestRun run = null;
            Metrics m = null;
            // The fixed weight's vol is nearly proportional to the weight: two secant passes
            // land within about 0.1% of the vol matched.
            for (int pass = 0; pass < MATCH_PASSES; pass++) {
                if (pass > 0) {
                    weight = Math.min(config.sizing().maxLeverage(), weight * vol / m.annualizedVol());
                }
                run = runner.apply(FIXED_MATCHED + name, fixed.withSizing(fixed.sizing().withFixedWeight(weight)));
                m = metrics(run, h, config);
                if (bar != null) {
                    bar.step();
                }
            }
            runs.add(run);
            metrics.add(m);
            matched.put(name, weight);
        }
        return matched;
    }

    /** Prefix of the level-matched constant-weight runs: fixed_weight_matched_vol_target and so on. */
    static final String FIXED_MATCHED = "fixed_weight_matched_";
    /** The strategies a constant weight is matched to, by realized vol over the same bars. */
    static final List<String> MATCHED = List.of(Baselines.VOL_TARGET, Baselines.FULL);
    private static final int MATCH_PASSES = 3;

    private static List<String> names(List<BacktestRun> runs) {
        return runs.stream().map(BacktestRun::name).toList();
    }

    /** The fraction of the traded bars whose implied vol is the proxy. */
    static double proxyShare(MarketHistory h, int[] range) {
        int proxy = 0;
        for (int i = range[0]; i < range[1]; i++) {
            proxy += h.impliedIsProxy()[i] ? 1 : 0;
        }
        return (double) proxy / (range[1] - range[0]);
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

    /** The backtester every run of this session uses (the sweep and walk-forward engines too). */
    Backtester backtester() {
        return backtester;
    }

    /** The run's length in years, from its first to its last bar. */
    double years(BacktestRun run) {
        long[] t = bars.epochSeconds();
        return (t[run.from() + run.size() - 1] - t[run.from()]) / (365.0 * 86_400);
    }

    Metrics metrics(BacktestRun run, MarketHistory h, StrategyConfig config) {
        return Performance.of(run, years(run), periodsPerYear, config.sizing().targetVol(),
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
        String proxyRule = "PROXY: implied = realized " + config.forecast().estimator().cliName() + " ("
            + config.forecast().windowDays() + " days, calibrated over " + config.forecast().calibrationDays()
            + " days) x " + config.forecast().proxyPremiumRatio() + " (forecast.proxy_premium_ratio)";
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
        return s.append("; smile: SkewModel.CRYPTO_DEFAULT (SSVI rho -0.15, eta 1, gamma 0.5) around the ATM vol of"
            + " each expiry, TermStructure.CRYPTO_DEFAULT (sigma_30 (T / 30 d)^0.032) from that 30-day level")
            .toString();
    }

    static String date(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString().substring(0, 10);
    }
}
