package io.volvault.app.backtest;

import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.backtest.MarketHistory;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.backtest.VolInputs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code volvault sweep}: the full strategy over a grid of target vol x estimator x window x delta x
 * tenor, on all cores, one CSV row per configuration. Each realized series is computed once per
 * (estimator, window) and shared. A configuration that fails while running becomes a row with its
 * error; rows whose results are implausible carry flags ({@link #flags}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Runs the strategy over a parameter grid on all cores; writes one summary row per configuration (CSV).")
public final class SweepCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write")
    Path out;

    @Option(names = "--target-vols", split = ",", paramLabel = "VOLS", defaultValue = "0.3,0.4,0.5",
        description = "target vols (default ${DEFAULT-VALUE})")
    List<Double> targetVols;

    @Option(names = "--estimators", split = ",", paramLabel = "NAMES", defaultValue = "close-to-close,ewma,yang-zhang",
        description = "estimators (default ${DEFAULT-VALUE})")
    List<String> estimators;

    @Option(names = "--windows", split = ",", paramLabel = "DAYS", defaultValue = "10,20,30,60",
        description = "estimator windows in days (default ${DEFAULT-VALUE})")
    List<Integer> windows;

    @Option(names = "--deltas", split = ",", paramLabel = "DELTAS", defaultValue = "0.1,0.2,0.3",
        description = "option target deltas, calls and puts (default ${DEFAULT-VALUE})")
    List<Double> deltas;

    @Option(names = "--tenors", split = ",", paramLabel = "DAYS", defaultValue = "7,30",
        description = "option tenors in days (default ${DEFAULT-VALUE})")
    List<Integer> tenors;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Spec
    CommandSpec spec;

    /** One grid point. */
    record Point(double targetVol, Estimator estimator, int windowDays, double delta, int tenorDays) {}

    @Override
    public Integer call() throws Exception {
        StrategyConfig base = input.config();
        BacktestSession session = input.session();
        List<Point> grid = new ArrayList<>();
        for (double v : targetVols) {
            for (String e : estimators) {
                Estimator estimator = Estimator.parse(e);
                for (int w : windows) {
                    for (double d : deltas) {
                        for (int t : tenors) {
                            grid.add(new Point(v, estimator, w, d, t));
                        }
                    }
                }
            }
        }
        // Validate every point before spending time on any.
        List<StrategyConfig> configs = new ArrayList<>(grid.size());
        for (Point p : grid) {
            configs.add(configFor(base, p));
        }
        Map<String, double[]> realized = new ConcurrentHashMap<>();
        Backtester backtester = new Backtester(SkewModel.CRYPTO_DEFAULT, TermStructure.CRYPTO_DEFAULT);
        Metrics[] results = new Metrics[grid.size()];
        String[] errors = new String[grid.size()];
        double[] years = new double[grid.size()];
        long start = System.nanoTime();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try (ProgressBar bar = BacktestSession.progressBar("sweep", grid.size(),
                (long) grid.size() * session.bars().size())) {
            ForkJoinPool pool = new ForkJoinPool(workers);
            try {
                pool.submit(() -> java.util.stream.IntStream.range(0, grid.size()).parallel().forEach(i -> {
                    StrategyConfig c = configs.get(i);
                    try {
                        double[] series = realized.computeIfAbsent(c.forecast().estimator() + ":"
                                + c.forecast().windowDays(),
                            k -> VolInputs.realized(session.bars(), session.periodsPerYear(), c.forecast()));
                        MarketHistory h = VolInputs.history(session.bars(), session.periodsPerYear(),
                            session.observedImplied(), series, c.forecast(), 0);
                        int[] range = session.range(h, input.from, input.to);
                        BacktestRun run = backtester.run("full_strategy", c, h, range[0], range[1], false);
                        results[i] = session.metrics(run, h, c);
                        years[i] = session.years(run);
                    } catch (RuntimeException e) {
                        errors[i] = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    if (bar != null) {
                        bar.step();
                    }
                })).get();
            } finally {
                pool.shutdown();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        writeCsv(grid, results, errors, years, base.initialNav());
        long failed = java.util.Arrays.stream(errors).filter(java.util.Objects::nonNull).count();
        spec.commandLine().getOut().printf(Locale.ROOT, "%d configurations in %.1f s on %d threads (%d failed, see the"
            + " error column); wrote %s%n", grid.size(), seconds, workers, failed, out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static StrategyConfig configFor(StrategyConfig base, Point p) {
        StrategyConfig c = InputOptions.override(base, p.targetVol(), p.estimator().name(), p.windowDays());
        return c.withOptions(c.options().withDeltaAndTenor(p.delta(), p.tenorDays()));
    }

    /** CAGR beyond this (in either direction) is flagged as implausible. */
    static final double CAGR_BOUND = 3.0;
    /** Tenors below this many days are flagged: a bar or less of option life. */
    static final int MIN_TENOR_DAYS = 2;

    /**
     * Why a row's numbers should not be taken at face value, ';'-separated, empty when none: premium
     * received per year above the initial NAV, CAGR beyond +-300%, a tenor under 2 days.
     */
    static String flags(Point p, Metrics m, double initialNav, double years) {
        List<String> f = new ArrayList<>();
        if (m.premium() / years > initialNav) {
            f.add("premium_per_year_above_nav");
        }
        if (Math.abs(m.cagr()) > CAGR_BOUND) {
            f.add("cagr_beyond_300pct");
        }
        if (p.tenorDays() < MIN_TENOR_DAYS) {
            f.add("tenor_under_2_days");
        }
        return String.join(";", f);
    }

    private void writeCsv(List<Point> grid, Metrics[] results, String[] errors, double[] years, double initialNav)
        throws java.io.IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("target_vol,estimator,window_days,delta,tenor_days,cagr,annualized_vol,rolling_vol_mean,"
                + "rolling_vol_tracking_error,sharpe,sortino,max_drawdown,calmar,cvar_95,cvar_99,skewness,kurtosis,"
                + "turnover,costs,premium,final_nav,flags,error");
            for (int i = 0; i < grid.size(); i++) {
                Point p = grid.get(i);
                Metrics m = results[i];
                String key = String.format(Locale.ROOT, "%s,%s,%d,%s,%d", p.targetVol(), p.estimator().cliName(),
                    p.windowDays(), p.delta(), p.tenorDays());
                if (m == null) {
                    w.println(key + ",,,,,,,,,,,,,,,,,," + csvText(errors[i]));
                    continue;
                }
                w.printf(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6f,%.4f,%.4f,%.6f,%.4f,%.6f,%.6f,%.4f,%.4f,%.4f,%.2f,%.2f,%.2f,%s,%n",
                    key, m.cagr(), m.annualizedVol(), m.rollingVolMean(), m.rollingVolTrackingError(), m.sharpe(),
                    m.sortino(), m.maxDrawdown(), m.calmar(), m.cvar95(), m.cvar99(), m.skewness(), m.kurtosis(),
                    m.turnover(), m.costs(), m.premium(), m.finalNav(), flags(p, m, initialNav, years[i]));
            }
        }
    }

    /** A message as one CSV field: quoted, inner quotes doubled, line breaks flattened. */
    static String csvText(String s) {
        return "\"" + s.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + "\"";
    }
}
