package io.volvault.app.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.volvault.app.UserInputException;
import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.backtest.MarketHistory;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.backtest.VolInputs;
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
 * the market histories are computed once per worker and forecast setting.
 */
public final class SweepRunner implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One grid point; the estimator's window is in days. */
    public record Point(double targetVol, String estimator, int windowDays, double delta, int tenorDays)
        implements Serializable {}

    /**
     * One grid point's outcome: its metrics in the order of {@link #METRICS} and its {@link #flags},
     * or (values and flags null) the error that stopped its backtest.
     */
    public record Row(Point point, double[] values, String flags, String error) implements Serializable {}

    /**
     * The CSV header: the point, the metrics of {@link #values}, the flags, the error, the engine and
     * the data hash.
     */
    public static final String CSV_HEADER = "target_vol,estimator,window_days,delta,tenor_days,cagr,annualized_vol,"
        + "rolling_vol_mean,rolling_vol_tracking_error,sharpe,sortino,max_drawdown,calmar,cvar_95,cvar_99,skewness,"
        + "kurtosis,turnover,costs,premium,final_nav,flags,error,engine,data_hash";

    /** CAGR beyond this (in either direction) is flagged as implausible. */
    static final double CAGR_BOUND = 3.0;
    /** Tenors below this many days are flagged: a bar or less of option life. */
    static final int MIN_TENOR_DAYS = 2;

    /** The metric columns of {@link #CSV_HEADER}, in order. */
    public static final List<String> METRICS = List.of("cagr", "annualized_vol", "rolling_vol_mean",
        "rolling_vol_tracking_error", "sharpe", "sortino", "max_drawdown", "calmar", "cvar_95", "cvar_99", "skewness",
        "kurtosis", "turnover", "costs", "premium", "final_nav");

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
                            Map<StrategyConfig.Forecast, MarketHistory> histories) {}

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
     * The full strategy at one grid point. A configuration that fails while running (valid on its
     * own, but e.g. a forecast that hits a zero on this data) becomes a row with its error, so one
     * bad point never loses the rest of a sweep.
     */
    public Row row(Point p) {
        Prepared s = prepared();
        try {
            WalkForward.Candidate c = candidate(p);
            int[] range = range(c.history());
            BacktestRun run = s.backtester().run("full_strategy", c.config(), c.history(), range[0], range[1], false);
            Metrics m = s.session().metrics(run, c.history(), c.config());
            return new Row(p, values(m), flags(p, m, c.config().initialNav(), s.session().years(run)), null);
        } catch (RuntimeException e) {
            return new Row(p, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

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

    /**
     * A grid point's configuration with the market history its forecast runs on; one history per
     * distinct forecast setting, kept for the life of this object in each JVM.
     */
    public WalkForward.Candidate candidate(Point p) {
        Prepared s = prepared();
        StrategyConfig c = configFor(s.base(), p);
        MarketHistory h = s.histories().computeIfAbsent(c.forecast(), f -> VolInputs.history(s.session().bars(),
            s.session().periodsPerYear(), s.session().observedImplied(), f, 0));
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

    /** One CSV line under {@link #CSV_HEADER}; an error row has empty metrics and flags. */
    public String csvLine(Row r, String engine) {
        Point p = r.point();
        String key = String.format(Locale.ROOT, "%s,%s,%d,%s,%d", p.targetVol(), p.estimator(), p.windowDays(),
            p.delta(), p.tenorDays());
        String tail = "," + engine + "," + dataHash;
        if (r.error() != null) {
            return key + ",".repeat(METRICS.size() + 2) + csvText(r.error()) + tail;
        }
        double[] v = r.values();
        return String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6f,%.4f,%.4f,%.6f,%.4f,%.6f,%.6f,%.4f,%.4f,"
                + "%.4f,%.2f,%.2f,%.2f,%s,",
            key, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15],
            r.flags()) + tail;
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
