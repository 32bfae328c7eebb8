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
        session = new BacktestSession(bars, HistoryFiles.impliedAlignedWith(ROOT.resolve("src/data/btc_dvol_daily.csv"), bars),
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
        double[] a = SweepRunner.values(runner.run(p));
        assertArrayEquals(a, SweepRunner.values(copy.run(p)), 0);
        assertEquals(runner.dataHash(), copy.dataHash());
        assertEquals(runner.csvLine(p, a, "x"), copy.csvLine(p, a, "x"));
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
        assertTrue(a.csvLine(new SweepRunner.Point(0.4, "ewma", 20, 0.2, 7), new double[16], "spark")
            .startsWith("0.4,ewma,20,0.2,7,0.000000,"));
        assertTrue(a.csvLine(new SweepRunner.Point(0.4, "ewma", 20, 0.2, 7), new double[16], "spark")
            .endsWith(",0.00,spark," + a.dataHash()));
        assertEquals(SweepRunner.CSV_HEADER.split(",").length,
            a.csvLine(new SweepRunner.Point(0.4, "ewma", 20, 0.2, 7), new double[16], "spark").split(",").length);
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
