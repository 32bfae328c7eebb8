package io.volvault.app.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.Metrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The row function both sweep engines call. */
class SweepRunnerTest {

    private static final Path ROOT = Path.of(System.getProperty("volvault.root"));
    private static BacktestSession session;

    @BeforeAll
    static void read() throws Exception {
        PriceBars bars = HistoryFiles.prices(ROOT.resolve("src/data/btc_usd_daily.csv"), HistoryFiles.GapPolicy.ERROR);
        session = new BacktestSession(bars, HistoryFiles.impliedAlignedWith(ROOT.resolve("src/data/dvol/btc_dvol.csv"), bars),
            "btc", "dvol");
    }

    /** A runner that went through Java serialization (as Spark ships it) gives the same rows. */
    @Test
    void aSerializedRunnerComputesTheSameRow() throws Exception {
        SweepRunner runner = new SweepRunner(session, StrategyConfig.defaults(), LocalDate.of(2024, 1, 1), null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(runner);
        }
        SweepRunner copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (SweepRunner) in.readObject();
        }
        SweepRunner.Point p = new SweepRunner.Point(0.3, "yang-zhang", 30, 0.1, 30);
        SweepRunner.Paths paths = runner.paths(List.of(p), 10, 100, 1);
        SweepRunner.Row row = runner.row(p, paths);
        SweepRunner.Row again = copy.row(p, paths);
        assertEquals(SweepRunner.PATHS, row.values().length);
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            assertArrayEquals(row.values()[k], again.values()[k], 0);
            assertArrayEquals(row.intervals()[k], again.intervals()[k], 0);
        }
        // Each path's bootstrap is of that path's returns: its estimates of vol, Sharpe and max drawdown are
        // the path's metrics (the same formulas; CAGR differs, years by bars against years by dates), and
        // every interval holds its estimate.
        List<String> b = SweepRunner.BOOTSTRAP;
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            double[] ci = row.intervals()[k];
            double[] v = row.values()[k];
            assertEquals(v[SweepRunner.METRICS.indexOf("annualized_vol")], ci[b.indexOf("boot_annualized_vol")], 1e-12);
            assertEquals(v[SweepRunner.METRICS.indexOf("sharpe")], ci[b.indexOf("boot_sharpe")], 1e-9);
            assertEquals(v[SweepRunner.METRICS.indexOf("max_drawdown")], ci[b.indexOf("boot_max_drawdown")], 1e-12);
            for (String m : List.of("cagr", "annualized_vol", "sharpe", "max_drawdown")) {
                double est = ci[b.indexOf("boot_" + m)];
                assertTrue(ci[b.indexOf(m + "_lower")] < est && est < ci[b.indexOf(m + "_upper")], k + " " + m);
            }
            assertTrue(ci[b.indexOf("block_length")] >= 1);
        }
        // Different paths, different intervals (not one path's copied to all).
        assertTrue(row.intervals()[0][b.indexOf("sharpe_lower")] != row.intervals()[6][b.indexOf("sharpe_lower")]);
        assertEquals(runner.dataHash(), copy.dataHash());
        SweepRunner.Trials t = SweepRunner.trials(List.of(row));
        assertEquals(runner.csvLine(row, t, 0, "x"), copy.csvLine(again, t, 0, "x"));
        // Path k through the backtest session directly (the backtest command's path), from k days later.
        StrategyConfig c = SweepRunner.configFor(StrategyConfig.defaults(), p);
        for (int k : new int[] {0, 3, 6}) {
            BacktestOutcome o = session.run(c, LocalDate.of(2024, 1, 1 + k), null, false);
            Metrics m = o.metrics().get(o.runs().stream().map(r -> r.name()).toList().indexOf("full_strategy"));
            assertArrayEquals(SweepRunner.values(m), row.values()[k], 0, "path " + k);
        }
    }

    /**
     * The paths of a grid start on its common first bar (the longest warm-up), one day apart on
     * daily bars, and all end on its common last bar.
     */
    @Test
    void pathsStartOnTheCommonFirstBarOneDayApart() {
        SweepRunner runner = new SweepRunner(session, StrategyConfig.defaults(), null, LocalDate.of(2016, 12, 31));
        List<SweepRunner.Point> grid = SweepRunner.grid(List.of(0.4), List.of("ewma"), List.of(10, 60), List.of(0.2),
            List.of(7));
        SweepRunner.Paths paths = runner.paths(grid, 10, 100, 1);
        int[] longest = runner.range(runner.candidate(grid.get(1)).history());
        assertTrue(runner.range(runner.candidate(grid.get(0)).history())[0] < longest[0]);
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            assertEquals(longest[0] + k, paths.from()[k]);
        }
        assertEquals(longest[1], paths.to());
        assertEquals(10, paths.splits());
        // 2016-12-31 leaves the last path (6 days in) 15 returns: enough for 6 blocks of 2, not 8.
        SweepRunner shortRunner = new SweepRunner(session, StrategyConfig.defaults(), LocalDate.of(2016, 12, 10),
            LocalDate.of(2016, 12, 31));
        List<SweepRunner.Point> one = grid.subList(0, 1);
        int[] s = shortRunner.paths(one, 6, 100, 1).from();
        assertEquals(15, shortRunner.paths(one, 6, 100, 1).to() - s[6] - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shortRunner.paths(one, 8, 100, 1));
        assertEquals("--cscv-splits 8 needs 16 returns on every roll-weekday path; the shortest has 15", e.getMessage());
    }

    /** mean, min, max; one NaN makes all three NaN. */
    @Test
    void overPathsIsMeanMinMax() {
        assertArrayEquals(new double[] {2, -1, 5}, SweepRunner.overPaths(new double[] {-1, 2, 5, 2}), 1e-15);
        double[] nan = SweepRunner.overPaths(new double[] {1, Double.NaN, 3});
        assertTrue(Double.isNaN(nan[0]) && Double.isNaN(nan[1]) && Double.isNaN(nan[2]));
    }

    /**
     * The rows' DSR and PBO, path by path, equal ManyTrials over the same runs' NAVs computed here
     * through the backtester directly.
     */
    @Test
    void trialsAreManyTrialsOverEachPath() {
        SweepRunner runner = new SweepRunner(session, StrategyConfig.defaults(), LocalDate.of(2023, 1, 1), null);
        List<SweepRunner.Point> grid = new java.util.ArrayList<>(SweepRunner.grid(List.of(0.3, 0.5), List.of("ewma"),
            List.of(20), List.of(0.1, 0.2), List.of(7)));
        SweepRunner.Paths paths = runner.paths(grid, 4, 100, 1);
        List<SweepRunner.Row> rows = grid.stream().map(p -> runner.row(p, paths)).toList();
        SweepRunner.Trials t = SweepRunner.trials(rows);
        assertEquals(4, t.count());
        for (int k : new int[] {0, 6}) {
            double[][] navs = new double[4][];
            int best = 0;
            for (int i = 0; i < 4; i++) {
                io.volvault.strategy.research.WalkForward.Candidate c = runner.candidate(grid.get(i));
                navs[i] = runner.backtester().run("x", c.config(), c.history(), paths.from()[k], paths.to(), false).nav();
                best = rows.get(i).trials()[k].sharpe() > rows.get(best).trials()[k].sharpe() ? i : best;
            }
            io.volvault.strategy.research.ManyTrials m = io.volvault.strategy.research.ManyTrials.of(navs, best, 4);
            assertEquals(best, t.picked()[k]);
            assertEquals(m.pbo(), t.pbo()[k], 0);
            assertEquals(m.deflatedSharpe(), t.dsr()[best][k], 0);
        }
        String ok = runner.csvLine(rows.get(0), t, 0, "threads");
        assertEquals(SweepRunner.CSV_HEADER.split(",").length, ok.split(",", -1).length);
    }

    @Test
    void theHashNamesTheInputs() {
        SweepRunner a = new SweepRunner(session, StrategyConfig.defaults(), LocalDate.of(2024, 1, 1), null);
        SweepRunner b = new SweepRunner(session, StrategyConfig.defaults(), LocalDate.of(2024, 1, 2), null);
        StrategyConfig d = StrategyConfig.defaults();
        SweepRunner c = new SweepRunner(session, d.withSizing(d.sizing().withTargetVol(0.5)), LocalDate.of(2024, 1, 1), null);
        assertEquals(16, a.dataHash().length());
        assertEquals(a.dataHash(), new SweepRunner(session, StrategyConfig.defaults(), LocalDate.of(2024, 1, 1), null).dataHash());
        assertNotEquals(a.dataHash(), b.dataHash());
        assertNotEquals(a.dataHash(), c.dataHash());
        SweepRunner.Point p = new SweepRunner.Point(0.4, "ewma", 20, 0.2, 7);
        double[][] values = new double[SweepRunner.PATHS][16];
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            values[k][0] = 0.1 * k; // CAGR 0 .. 0.6: mean 0.3
            values[k][15] = 1000 + k;
        }
        double[][] intervals = new double[SweepRunner.PATHS][SweepRunner.BOOTSTRAP.size()];
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            intervals[k][SweepRunner.BOOTSTRAP.indexOf("cagr_lower")] = 0.1 * k - 0.6; // mean -0.3, min -0.6, max 0
            intervals[k][SweepRunner.BOOTSTRAP.indexOf("block_length")] = 10 + k; // 13, 10, 16
        }
        double[][] dsr = new double[2][SweepRunner.PATHS];
        java.util.Arrays.fill(dsr[0], 0.5);
        dsr[0][3] = 0.8; // mean (6 x 0.5 + 0.8) / 7
        double[] pbo = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};
        SweepRunner.Trials t = new SweepRunner.Trials(5, dsr, pbo, new int[SweepRunner.PATHS]);
        String line = a.csvLine(new SweepRunner.Row(p, values, intervals, null, "cagr_beyond_300pct", null), t, 0,
            "spark");
        assertTrue(line.startsWith("0.4,ewma,20,0.2,7,0.300000,0.000000,0.600000,0.000000,"), line);
        // final_nav; the CAGR interval's lower bound; its upper bound and vol's two (zero); Sharpe's two (4
        // decimals); max drawdown's two; the block length; DSR, trials, PBO.
        assertTrue(line.endsWith(",1003.00,1000.00,1006.00,-0.300000,-0.600000,0.000000," + "0.000000,".repeat(9)
            + "0.0000,".repeat(6) + "0.000000,".repeat(6) + "13.00,10.00,16.00,0.5429,0.5000,0.8000,5,0.4000,0.1000,"
            + "0.7000,cagr_beyond_300pct,,spark," + a.dataHash()), line);
        assertEquals(SweepRunner.CSV_HEADER.split(",").length, line.split(",", -1).length);
        assertTrue(SweepRunner.CSV_HEADER.startsWith("target_vol,estimator,window_days,delta,tenor_days,cagr_mean,"
            + "cagr_min,cagr_max,annualized_vol_mean,"), SweepRunner.CSV_HEADER);
        assertTrue(SweepRunner.CSV_HEADER.contains(",final_nav_max,cagr_lower_mean,cagr_lower_min,cagr_lower_max,"
            + "cagr_upper_mean,cagr_upper_min,cagr_upper_max,annualized_vol_lower_mean,"), SweepRunner.CSV_HEADER);
        assertTrue(SweepRunner.CSV_HEADER.endsWith(",max_drawdown_upper_max,block_length_mean,block_length_min,"
            + "block_length_max,dsr_mean,dsr_min,dsr_max,trials,pbo_mean,pbo_min,pbo_max,flags,error,engine,data_hash"),
            SweepRunner.CSV_HEADER);
        // An error row: the point, 48 empty metrics, 27 empty interval figures, no DSR (NaN), the trials, the PBO,
        // empty flags, the quoted message, engine and hash.
        java.util.Arrays.fill(dsr[1], Double.NaN);
        String error = a.csvLine(new SweepRunner.Row(p, null, null, null, null, "X: a \"b\", c\nd"), t, 1, "threads");
        assertEquals("0.4,ewma,20,0.2,7" + ",".repeat(79) + "5,0.4000,0.1000,0.7000,,\"X: a \"\"b\"\", c d\",threads,"
            + a.dataHash(), error);
    }

    /**
     * The sweep's flags, one condition at a time against its bound: premium per year above the
     * initial NAV, |CAGR| above 300%, a tenor under 2 days; ';'-joined in that order.
     */
    @Test
    void flagsNameEachImplausibleResult() {
        SweepRunner.Point week = new SweepRunner.Point(0.4, "ewma", 20, 0.2, 7);
        SweepRunner.Point day = new SweepRunner.Point(0.4, "ewma", 20, 0.2, 1);
        assertEquals("", SweepRunner.flags(week, metrics(0.5, 1_000_000), 1_000_000, 2));
        // 2.1M premium over 2 years is 1.05M a year, above the 1M NAV; 1.9M is not.
        assertEquals("premium_per_year_above_nav", SweepRunner.flags(week, metrics(0.5, 2_100_000), 1_000_000, 2));
        assertEquals("", SweepRunner.flags(week, metrics(0.5, 1_900_000), 1_000_000, 2));
        assertEquals("cagr_beyond_300pct", SweepRunner.flags(week, metrics(3.01, 0), 1_000_000, 2));
        assertEquals("cagr_beyond_300pct", SweepRunner.flags(week, metrics(-3.01, 0), 1_000_000, 2));
        assertEquals("", SweepRunner.flags(week, metrics(3.0, 0), 1_000_000, 2));
        assertEquals("tenor_under_2_days", SweepRunner.flags(day, metrics(0.5, 0), 1_000_000, 2));
        assertEquals("", SweepRunner.flags(new SweepRunner.Point(0.4, "ewma", 20, 0.2, 2), metrics(0.5, 0), 1_000_000, 2));
        assertEquals("premium_per_year_above_nav;cagr_beyond_300pct;tenor_under_2_days",
            SweepRunner.flags(day, metrics(4, 3_000_000), 1_000_000, 2));
    }

    /** A point whose backtest throws is a row with its error, not a failed sweep. */
    @Test
    void aFailingPointIsAnErrorRow() {
        SweepRunner runner = new SweepRunner(session, StrategyConfig.defaults(), null, null);
        SweepRunner.Point bad = new SweepRunner.Point(0.4, "rogers-satchell", 2, 0.2, 1);
        SweepRunner.Point good = new SweepRunner.Point(0.4, "ewma", 2, 0.2, 1);
        SweepRunner.Paths paths = runner.paths(List.of(bad, good), 10, 100, 1);
        // Rogers-Satchell over 2 days is zero on two flat-range days of the shipped history.
        SweepRunner.Row r = runner.row(bad, paths);
        assertTrue(r.error() != null && r.error().startsWith("IllegalArgumentException: bar ")
            && r.error().contains("is not positive"), String.valueOf(r.error()));
        assertEquals(null, r.values());
        SweepRunner.Row ok = runner.row(good, paths);
        assertEquals(null, ok.error());
        assertEquals("tenor_under_2_days", ok.flags());
        // One trial: no DSR or PBO. The error row is no trial and has no DSR either.
        SweepRunner.Trials t = SweepRunner.trials(List.of(r, ok));
        assertEquals(1, t.count());
        assertTrue(Double.isNaN(t.dsr()[0][0]) && Double.isNaN(t.dsr()[1][6]) && Double.isNaN(t.pbo()[3]));
        assertEquals(-1, t.picked()[0]);
        // An error row: 48 empty metrics, 27 empty interval figures, 3 empty DSR, the trials, 3 empty PBO, empty
        // flags, the error.
        assertTrue(runner.csvLine(r, t, 0, "threads").startsWith("0.4,rogers-satchell,2,0.2,1" + ",".repeat(79)
            + "1,,,,,\"IllegalArgumentException: bar "), runner.csvLine(r, t, 0, "threads"));
    }

    private static Metrics metrics(double cagr, double premium) {
        return new Metrics(cagr, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, premium, 0);
    }

    @Test
    void gridsAreCheckedBeforeAnyRun() {
        SweepRunner runner = new SweepRunner(session, StrategyConfig.defaults(), LocalDate.of(2024, 1, 1), null);
        List<SweepRunner.Point> grid = SweepRunner.grid(List.of(0.3, 0.4), List.of("EWMA", "yang-zhang"), List.of(20),
            List.of(0.1), List.of(7, 30));
        assertEquals(8, grid.size());
        assertEquals(new SweepRunner.Point(0.3, "ewma", 20, 0.1, 7), grid.get(0));
        assertEquals(new SweepRunner.Point(0.4, "yang-zhang", 20, 0.1, 30), grid.get(7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.validate(List.of()));
        assertTrue(e.getMessage().contains("grid is empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepRunner.grid(List.of(0.3), List.of("garch"), List.of(20),
            List.of(0.1), List.of(7)));
        assertThrows(IllegalArgumentException.class, () -> runner.validate(List.of(new SweepRunner.Point(-0.3, "ewma", 20, 0.1, 7))));
    }
}
