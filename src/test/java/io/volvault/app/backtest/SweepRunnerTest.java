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
        SweepRunner.Row row = runner.row(p);
        double[] a = row.values();
        assertArrayEquals(a, copy.row(p).values(), 0);
        assertEquals(runner.dataHash(), copy.dataHash());
        assertEquals(runner.csvLine(row, "x"), copy.csvLine(copy.row(p), "x"));
        // The same point through the backtest session directly (the backtest command's path).
        StrategyConfig c = SweepRunner.configFor(StrategyConfig.defaults(), p);
        BacktestOutcome o = session.run(c, LocalDate.of(2024, 1, 1), null, false);
        Metrics m = o.metrics().get(o.runs().stream().map(r -> r.name()).toList().indexOf("full_strategy"));
        assertArrayEquals(SweepRunner.values(m), a, 0);
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
        String line = a.csvLine(new SweepRunner.Row(p, new double[16], "cagr_beyond_300pct", null), "spark");
        assertTrue(line.startsWith("0.4,ewma,20,0.2,7,0.000000,"), line);
        assertTrue(line.endsWith(",0.00,cagr_beyond_300pct,,spark," + a.dataHash()), line);
        assertEquals(SweepRunner.CSV_HEADER.split(",").length, line.split(",", -1).length);
        // An error row: the point, 16 empty metrics, empty flags, the quoted message, engine and hash.
        String error = a.csvLine(new SweepRunner.Row(p, null, null, "X: a \"b\", c\nd"), "threads");
        assertEquals("0.4,ewma,20,0.2,7" + ",".repeat(18) + "\"X: a \"\"b\"\", c d\",threads," + a.dataHash(), error);
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
        // Rogers-Satchell over 2 days is zero on two flat-range days of the shipped history.
        SweepRunner.Row r = runner.row(new SweepRunner.Point(0.4, "rogers-satchell", 2, 0.2, 1));
        assertTrue(r.error() != null && r.error().startsWith("IllegalArgumentException: bar ")
            && r.error().contains("is not positive"), String.valueOf(r.error()));
        assertEquals(null, r.values());
        SweepRunner.Row ok = runner.row(new SweepRunner.Point(0.4, "ewma", 2, 0.2, 1));
        assertEquals(null, ok.error());
        assertEquals("tenor_under_2_days", ok.flags());
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
