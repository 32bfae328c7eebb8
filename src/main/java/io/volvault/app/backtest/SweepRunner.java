package io.volvault.app.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.volvault.app.UserInputException;
import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.market.MarketHistory;
import io.volvault.strategy.backtest.Performance;
import io.volvault.strategy.market.VolInputs;
import io.volvault.strategy.research.ManyTrials;
import io.volvault.strategy.research.StationaryBootstrap;
import io.volvault.strategy.research.TrialSummary;
import io.volvault.strategy.research.WalkForward;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sweep's market data and base config, and the row function every engine calls: a grid point
 * in, its row out (metrics and implausibility flags, or the error that stopped it). Serializable
 * as plain arrays and the config's JSON, so that a distributed engine ships it to each worker once;
 * the market histories are computed once per worker, forecast setting and cap (the forecast's
 * calibration counts the bars under the target's cap).
 */
public final class SweepRunner implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One grid point; the estimator's window is in days. */
    public record Point(double targetVol, String estimator, int windowDays, double delta, int tenorDays)
        implements Serializable {}

    /**
     * One grid point's outcome on each roll-weekday path: {@code values[path]} its metrics in the
     * order of {@link #METRICS}, {@code intervals[path]} its bootstrap figures in the order of
     * {@link #BOOTSTRAP}, {@code trials[path]} its returns reduced for the DSR and CSCV, and the
     * {@link #flags} of any path; or (values, intervals, trials and flags null) the error that stopped it.
     */
    public record Row(Point point, double[][] values, double[][] intervals, TrialSummary[] trials, String flags,
                      String error) implements Serializable {}

    /**
     * The start paths: path k starts on the first bar at least k days after the common first bar,
     * so that a 7-day roll falls on each weekday once; all paths end on the same bar.
     */
    public static final int PATHS = 7;

    /**
     * The bars every configuration runs over: path k is {@code [from[k], to)}; CSCV in {@code splits}
     * blocks; the stationary bootstrap of each path with {@code resamples} resamples from {@code seed}.
     */
    public record Paths(int[] from, int to, int splits, int resamples, long seed) implements Serializable {}

    /** The bootstrap intervals' two-sided coverage. */
    public static final double LEVEL = 0.95;

    /**
     * A path's bootstrap figures: for CAGR, vol, Sharpe and max drawdown of its returns (as
     * {@link StationaryBootstrap#annualFigures} counts them: years by bars) the estimate and the
     * {@link #LEVEL} interval's bounds, then the mean block length.
     */
    public static final List<String> BOOTSTRAP = List.of("boot_cagr", "cagr_lower", "cagr_upper", "boot_annualized_vol",
        "annualized_vol_lower", "annualized_vol_upper", "boot_sharpe", "sharpe_lower", "sharpe_upper",
        "boot_max_drawdown", "max_drawdown_lower", "max_drawdown_upper", "block_length");

    /** The bootstrap figures the CSV and Parquet carry (the bounds and the block length), and their formats. */
    public static final List<String> INTERVAL_COLUMNS = List.of("cagr_lower", "cagr_upper", "annualized_vol_lower",
        "annualized_vol_upper", "sharpe_lower", "sharpe_upper", "max_drawdown_lower", "max_drawdown_upper",
        "block_length");
    private static final List<String> INTERVAL_FORMATS = List.of("%.6f", "%.6f", "%.6f", "%.6f", "%.4f", "%.4f", "%.6f",
        "%.6f", "%.2f");

    /** The metric columns of {@link #CSV_HEADER}, in order. */
    public static final List<String> METRICS = List.of("cagr", "annualized_vol", "rolling_vol_mean",
        "rolling_vol_tracking_error", "sharpe", "sortino", "max_drawdown", "calmar", "cvar_95", "cvar_99", "skewness",
        "kurtosis", "turnover", "costs", "premium", "final_nav");

    /** The CSV format of each metric, in the order of {@link #METRICS}. */
    private static final List<String> FORMATS = List.of("%.6f", "%.6f", "%.6f", "%.6f", "%.4f", "%.4f", "%.6f", "%.4f",
        "%.6f", "%.6f", "%.4f", "%.4f", "%.4f", "%.2f", "%.2f", "%.2f");

    /** How a distribution over the paths is summarised, as column-name suffixes. */
    public static final List<String> OVER_PATHS = List.of("mean", "min", "max");

    /**
     * The CSV header: the point; each metric's mean, min and max over the {@link #PATHS} paths; the
     * same of each bootstrap bound and the block length; the row's Deflated Sharpe Ratio (mean, min,
     * max over the paths) with the number of trials; the sweep's PBO (mean, min, max over the paths);
     * the flags, the error, the engine and the data hash.
     */
    public static final String CSV_HEADER = "target_vol,estimator,window_days,delta,tenor_days,"
        + columns(METRICS) + "," + columns(INTERVAL_COLUMNS) + "," + columns(List.of("dsr")) + ",trials,"
        + columns(List.of("pbo"))
        + ",flags,error,engine,data_hash";

    /** Each name with the {@link #OVER_PATHS} suffixes, comma-separated. */
    public static String columns(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            for (String s : OVER_PATHS) {
                out.add(n + "_" + s);
            }
        }
        return String.join(",", out);
    }

    /** CAGR beyond this (in either direction) is flagged as implausible. */
    static final double CAGR_BOUND = 3.0;
    /** Tenors below this many days are flagged: a bar or less of option life. */
    static final int MIN_TENOR_DAYS = 2;

    private final long[] time;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] observedImplied;
    private final String configJson;
    private final LocalDate from;
    private final LocalDate to;
    private final String dataHash;
    private transient Prepared prepared;

    /** What each JVM rebuilds from the serialized fields, once. */
    private record Prepared(BacktestSession session, StrategyConfig base, Backtester backtester,
                            Map<HistoryKey, MarketHistory> histories) {}

    /** What a market history depends on besides the data: the forecast and the vol at which sizing caps. */
    private record HistoryKey(StrategyConfig.Forecast forecast, double capVol) {}

    SweepRunner(BacktestSession session, StrategyConfig base, LocalDate from, LocalDate to) {
        PriceBars b = session.bars();
        this.time = b.epochSeconds();
        this.open = b.open();
        this.high = b.high();
        this.low = b.low();
        this.close = b.close();
        this.observedImplied = session.observedImplied();
        try {
            this.configJson = ConfigFile.JSON.writeValueAsString(base);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config as JSON", e);
        }
        this.from = from;
        this.to = to;
        this.dataHash = hash();
    }

    /** The inputs of a sweep command. */
    public static SweepRunner of(InputOptions input) throws IOException {
        return new SweepRunner(input.session(), input.config(), input.from, input.to);
    }

    /** Every combination, target vol outermost and tenor innermost; names and values checked. */
    public static List<Point> grid(List<Double> targetVols, List<String> estimators, List<Integer> windows,
                                   List<Double> deltas, List<Integer> tenors) {
        List<Point> grid = new ArrayList<>();
        for (double v : targetVols) {
            for (String e : estimators) {
                String estimator = UserInputException.checking(() -> Estimator.parse(e)).cliName();
                for (int w : windows) {
                    for (double d : deltas) {
                        for (int t : tenors) {
                            grid.add(new Point(v, estimator, w, d, t));
                        }
                    }
                }
            }
        }
        return grid;
    }

    /** The bars and implied vol as a backtest session, rebuilt once per JVM. */
    BacktestSession session() {
        return prepared().session();
    }

    /** The backtester of every row and walk-forward run. */
    Backtester backtester() {
        return prepared().backtester();
    }

    /** Bars in the price history. */
    public int barCount() {
        return time.length;
    }

    /** Throws, naming the field, for the first point whose configuration is invalid. */
    public void validate(List<Point> grid) {
        if (grid.isEmpty()) {
            throw new UserInputException("the sweep grid is empty: every parameter list needs at least one value");
        }
        StrategyConfig base = prepared().base();
        for (Point p : grid) {
            configFor(base, p);
        }
    }

    /**
     * The common bars of the grid's configurations (after the longest warm-up, within the dates) and
     * the {@link #PATHS} start paths over them, CSCV in {@code splits} blocks (even, from
     * {@link SweepGrid#cscvSplits}), the bootstrap with {@code resamples} from {@code seed}. A point
     * whose market history cannot be built is left to its row's error. Throws, naming
     * {@code --cscv-splits}, when the shortest path is too short for the CSCV blocks.
     */
    public Paths paths(List<Point> grid, int splits, int resamples, long seed) {
        int from = 0;
        int to = time.length;
        for (Point p : grid) {
            int[] range;
            try {
                range = range(candidate(p).history());
            } catch (RuntimeException e) {
                continue;
            }
            from = Math.max(from, range[0]);
            to = Math.min(to, range[1]);
        }
        int[] starts = pathStarts(from, to);
        int returns = to - starts[PATHS - 1] - 1;
        if (returns < 2 * splits) {
            throw new UserInputException("--cscv-splits " + splits + " needs " + 2 * splits
                + " returns on every roll-weekday path; the shortest has " + Math.max(0, returns));
        }
        return new Paths(starts, to, splits, resamples, seed);
    }

    /** Path k's first bar: the first at least k days after bar {@code from}, at most {@code to}. */
    public int[] pathStarts(int from, int to) {
        int[] starts = new int[PATHS];
        int i = from;
        for (int k = 0; k < PATHS; k++) {
            long start = time[Math.min(from, time.length - 1)] + k * 86_400L;
            while (i < to && time[i] < start) {
                i++;
            }
            starts[k] = i;
        }
        return starts;
    }

    /**
     * The full strategy at one grid point on every path: {@link #PATHS} backtests over one market
     * history, each with its bootstrap intervals. A configuration that fails while running (valid on its own, but e.g. a forecast that
     * hits a zero on this data) becomes a row with its error, so one bad point never loses the rest
     * of a sweep.
     */
    public Row row(Point p, Paths paths) {
        Prepared s = prepared();
        try {
            WalkForward.Candidate c = candidate(p);
            double[][] values = new double[PATHS][];
            double[][] intervals = new double[PATHS][];
            TrialSummary[] trials = new TrialSummary[PATHS];
            java.util.Set<String> flags = new java.util.TreeSet<>(java.util.Comparator.comparingInt(FLAG_ORDER::indexOf));
            for (int k = 0; k < PATHS; k++) {
                BacktestRun run = s.backtester().run("full_strategy", c.config(), c.history(), paths.from()[k],
                    paths.to(), false);
                Metrics m = s.session().metrics(run, c.history(), c.config());
                values[k] = values(m);
                double[] returns = Performance.returns(run.nav());
                trials[k] = TrialSummary.of(returns, paths.splits());
                intervals[k] = bootstrap(StationaryBootstrap.intervals(returns, s.session().periodsPerYear(),
                    Double.NaN, paths.resamples(), LEVEL, paths.seed()));
                String f = flags(p, m, c.config().initialNav(), s.session().years(run));
                if (!f.isEmpty()) {
                    flags.addAll(List.of(f.split(";")));
                }
            }
            return new Row(p, values, intervals, trials, String.join(";", flags), null);
        } catch (RuntimeException e) {
            return new Row(p, null, null, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The intervals in the order of {@link #BOOTSTRAP}. */
    static double[] bootstrap(StationaryBootstrap.Intervals ci) {
        double[] v = new double[BOOTSTRAP.size()];
        int i = 0;
        for (StationaryBootstrap.Interval x : List.of(ci.cagr(), ci.vol(), ci.sharpe(), ci.maxDrawdown())) {
            v[i++] = x.estimate();
            v[i++] = x.lower();
            v[i++] = x.upper();
        }
        v[i] = ci.blockLength();
        return v;
    }

    /** The flags, in the order {@link #flags} writes them and a row lists them. */
    private static final List<String> FLAG_ORDER = List.of("premium_per_year_above_nav", "cagr_beyond_300pct",
        "tenor_under_2_days");

    /**
     * What the rows together say, path by path: the number of trials (the rows without an error),
     * {@code dsr[row][path]} each row's Deflated Sharpe Ratio among them (NaN for an error row, a flat
     * path, or fewer than 2 trials), {@code pbo[path]} the PBO of picking the best Sharpe (NaN under 2
     * trials) and {@code picked[path]} the row that pick is (-1 under 2 trials).
     */
    public record Trials(int count, double[][] dsr, double[] pbo, int[] picked) {}

    /** The DSR of every row and the PBO of the sweep, path by path. */
    public static Trials trials(List<Row> rows) {
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).error() == null) {
                ok.add(i);
            }
        }
        double[][] dsr = new double[rows.size()][PATHS];
        for (double[] d : dsr) {
            java.util.Arrays.fill(d, Double.NaN);
        }
        double[] pbo = new double[PATHS];
        int[] picked = new int[PATHS];
        java.util.Arrays.fill(pbo, Double.NaN);
        java.util.Arrays.fill(picked, -1);
        if (ok.size() >= 2) {
            for (int k = 0; k < PATHS; k++) {
                List<TrialSummary> trials = new ArrayList<>();
                int best = 0;
                for (int j = 0; j < ok.size(); j++) {
                    trials.add(rows.get(ok.get(j)).trials()[k]);
                    if (trials.get(j).sharpe() > trials.get(best).sharpe()) {
                        best = j;
                    }
                }
                ManyTrials m = ManyTrials.of(trials, best);
                pbo[k] = m.pbo();
                picked[k] = ok.get(best);
                for (int j = 0; j < ok.size(); j++) {
                    TrialSummary t = trials.get(j);
                    dsr[ok.get(j)][k] = Double.isNaN(t.skewness()) ? Double.NaN : m.deflatedSharpeOf(t);
                }
            }
        }
        return new Trials(ok.size(), dsr, pbo, picked);
    }

    /** {mean, min, max} of the values; NaN if any is NaN. */
    public static double[] overPaths(double[] v) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new double[] {sum / v.length, min, max};
    }

    /** Metric {@code metric} of a row on every path. */
    public static double[] metricOverPaths(Row r, int metric) {
        return column(r.values(), metric);
    }

    /** Bootstrap figure {@code name} of {@link #BOOTSTRAP} of a row on every path. */
    public static double[] intervalOverPaths(Row r, String name) {
        return column(r.intervals(), BOOTSTRAP.indexOf(name));
    }

    private static double[] column(double[][] byPath, int i) {
        double[] v = new double[PATHS];
        for (int k = 0; k < PATHS; k++) {
            v[k] = byPath[k][i];
        }
        return v;
    }

    /**
     * Why a row's numbers should not be taken at face value, ';'-separated, empty when none: premium
     * received per year above the initial NAV, CAGR beyond +-300%, a tenor under 2 days.
     */
    static String flags(Point p, Metrics m, double initialNav, double years) {
        List<String> f = new ArrayList<>();
        if (m.premium() / years > initialNav) {
            f.add(FLAG_ORDER.get(0));
        }
        if (Math.abs(m.cagr()) > CAGR_BOUND) {
            f.add(FLAG_ORDER.get(1));
        }
        if (p.tenorDays() < MIN_TENOR_DAYS) {
            f.add(FLAG_ORDER.get(2));
        }
        return String.join(";", f);
    }

    /**
     * A grid point's configuration with the market history its forecast runs on; one history per
     * distinct forecast setting and cap, kept for the life of this object in each JVM.
     */
    public WalkForward.Candidate candidate(Point p) {
        Prepared s = prepared();
        StrategyConfig c = configFor(s.base(), p);
        MarketHistory h = s.histories().computeIfAbsent(new HistoryKey(c.forecast(), c.sizing().capVol()),
            k -> VolInputs.history(s.session().bars(), s.session().periodsPerYear(), s.session().observedImplied(),
                k.forecast(), k.capVol(), 0));
        return new WalkForward.Candidate(label(p), c, h);
    }

    /** The bars [from, to) the sweep's dates select in a history, after its warm-up. */
    public int[] range(MarketHistory h) {
        return prepared().session().range(h, from, to);
    }

    /** The same backtest as {@link WalkForward#inProcess}, for one run of a walk-forward batch. */
    public double[] nav(List<Point> points, WalkForward.Run r) {
        WalkForward.Candidate c = candidate(points.get(r.candidate()));
        return prepared().backtester().run(c.label(), c.config(), c.history(), r.from(), r.to(), false).nav();
    }

    /** A short name of a grid point for reports. */
    public static String label(Point p) {
        return String.format(Locale.ROOT, "tv %s %s(%d) delta %s %dd", p.targetVol(), p.estimator(), p.windowDays(),
            p.delta(), p.tenorDays());
    }

    /** The metrics in the order of {@link #METRICS}. */
    public static double[] values(Metrics m) {
        return new double[] {m.cagr(), m.annualizedVol(), m.rollingVolMean(), m.rollingVolTrackingError(), m.sharpe(),
            m.sortino(), m.maxDrawdown(), m.calmar(), m.cvar95(), m.cvar99(), m.skewness(), m.kurtosis(), m.turnover(),
            m.costs(), m.premium(), m.finalNav()};
    }

    /**
     * One CSV line under {@link #CSV_HEADER} for row {@code index} of the sweep whose {@link #trials}
     * are {@code t}; an error row has empty metrics, intervals, DSR and flags. An undefined DSR or PBO is empty.
     */
    public String csvLine(Row r, Trials t, int index, String engine) {
        Point p = r.point();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s,%s,%d,%s,%d", p.targetVol(),
            p.estimator(), p.windowDays(), p.delta(), p.tenorDays()));
        for (int i = 0; i < METRICS.size(); i++) {
            double[] v = r.error() == null ? overPaths(metricOverPaths(r, i)) : null;
            for (int j = 0; j < OVER_PATHS.size(); j++) {
                line.append(',').append(v == null ? "" : String.format(Locale.ROOT, FORMATS.get(i), v[j]));
            }
        }
        for (int i = 0; i < INTERVAL_COLUMNS.size(); i++) {
            double[] v = r.error() == null ? overPaths(intervalOverPaths(r, INTERVAL_COLUMNS.get(i))) : null;
            for (int j = 0; j < OVER_PATHS.size(); j++) {
                line.append(',').append(v == null ? "" : String.format(Locale.ROOT, INTERVAL_FORMATS.get(i), v[j]));
            }
        }
        appendStat(line, overPaths(t.dsr()[index]), "%.4f");
        line.append(',').append(t.count());
        appendStat(line, overPaths(t.pbo()), "%.4f");
        line.append(',').append(r.error() == null ? r.flags() : "")
            .append(',').append(r.error() == null ? "" : csvText(r.error()));
        return line.append(',').append(engine).append(',').append(dataHash).toString();
    }

    private static void appendStat(StringBuilder line, double[] v, String format) {
        for (double x : v) {
            line.append(',').append(Double.isNaN(x) ? "" : String.format(Locale.ROOT, format, x));
        }
    }

    /** A message as one CSV field: quoted, inner quotes doubled, line breaks flattened. */
    static String csvText(String s) {
        return "\"" + s.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + "\"";
    }

    /**
     * SHA-256 (first 16 hex digits) of the bars, the observed implied vol, the base config and the
     * date range: equal hashes mean two sweeps ran on the same inputs.
     */
    public String dataHash() {
        return dataHash;
    }

    private String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * time.length * 6);
            for (int i = 0; i < time.length; i++) {
                buf.putLong(time[i]).putDouble(open[i]).putDouble(high[i]).putDouble(low[i]).putDouble(close[i])
                    .putDouble(observedImplied[i]);
            }
            sha.update(buf.array());
            sha.update((configJson + "|" + from + "|" + to).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private synchronized Prepared prepared() {
        if (prepared == null) {
            StrategyConfig base;
            try {
                base = ConfigFile.parse(ConfigFile.JSON.readTree(configJson), "(sweep base config)");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read back the sweep's config JSON", e);
            }
            BacktestSession session = new BacktestSession(new PriceBars(time, open, high, low, close), observedImplied,
                "(sweep prices)", "(sweep implied vol)");
            prepared = new Prepared(session, base, session.backtester(), new ConcurrentHashMap<>());
        }
        return prepared;
    }

    static StrategyConfig configFor(StrategyConfig base, Point p) {
        StrategyConfig c = InputOptions.override(base, p.targetVol(), p.estimator(), p.windowDays());
        return c.withOptions(c.options().withDeltaAndTenor(p.delta(), p.tenorDays()));
    }
}
