package io.volvault.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.backtest.SweepCommand;
import io.volvault.app.backtest.SweepRunner;
import io.volvault.app.cli.UserErrorHandler;
import picocli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine on the embedded master against the in-process engine, and its bad input. */
class SparkSweepTest {

    private static final Path ROOT = Path.of(System.getProperty("volvault.root"));
    private static final String[] INPUT = {"--prices", ROOT.resolve("src/data/btc_usd_daily.csv").toString(),
        "--iv", ROOT.resolve("src/data/dvol/btc_dvol.csv").toString(), "--from", "2024-06-01",
        "--target-vols", "0.3,0.5", "--estimators", "ewma,yang-zhang", "--windows", "20", "--deltas", "0.1,0.25",
        "--tenors", "7,30", "--resamples", "200"};

    @TempDir
    static Path tmp;

    private static List<String> threads;
    private static List<String> spark;
    private static Path parquet;

    record Run(int code, String out, String err) {}

    static Run run(boolean sparkEngine, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true));
            System.setErr(new PrintStream(e, true));
            int code = sparkEngine ? SparkSweep.run(args)
                : new CommandLine(new SweepCommand()).setExecutionExceptionHandler(new UserErrorHandler()).execute(args);
            return new Run(code, o.toString(), e.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @BeforeAll
    static void bothEngines() throws IOException {
        Path a = tmp.resolve("threads.csv");
        Run r = run(false, with(INPUT, "--out", a.toString()));
        assertEquals(0, r.code(), r.err());
        threads = Files.readAllLines(a);
        Path b = tmp.resolve("spark.csv");
        r = run(true, with(INPUT, "--master", "local[2]", "--engine", "spark", "--out", b.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("16 configurations in "), r.out());
        spark = Files.readAllLines(b);
        parquet = tmp.resolve("spark.parquet");
    }

    /** The column of the CSV header with this name. */
    static int column(String name) {
        int i = List.of(SweepRunner.CSV_HEADER.split(",")).indexOf(name);
        assertTrue(i >= 0, name);
        return i;
    }

    /**
     * Every row equal, column by column, except the engine's name: the metrics over the 7 paths,
     * each row's DSR and the sweep's PBO included.
     */
    @Test
    void rowsEqualTheInProcessEngine() {
        assertEquals(17, threads.size());
        assertEquals(threads.size(), spark.size());
        assertEquals(threads.get(0), spark.get(0));
        int engine = column("engine");
        for (int i = 1; i < threads.size(); i++) {
            String[] a = threads.get(i).split(",", -1);
            String[] b = spark.get(i).split(",", -1);
            assertEquals("threads", a[engine]);
            assertEquals("spark", b[engine]);
            a[engine] = b[engine];
            assertArrayEquals(a, b, "row " + i);
            // 16 trials: every row has a DSR in [0, 1], and the sweep a PBO.
            assertEquals("16", b[column("trials")]);
            double dsr = Double.parseDouble(b[column("dsr_mean")]);
            assertTrue(dsr >= 0 && dsr <= 1, b[column("dsr_mean")]);
            assertTrue(Double.parseDouble(b[column("dsr_min")]) <= dsr && dsr <= Double.parseDouble(b[column("dsr_max")]));
            double pbo = Double.parseDouble(b[column("pbo_mean")]);
            assertTrue(pbo >= 0 && pbo <= 1, b[column("pbo_mean")]);
        }
    }

    /**
     * The report folder: summary.json equal but for the engine's name (each path's pick, its
     * bootstrap intervals, DSR and PBO), and the HTML report and heatmap written by both.
     */
    @Test
    void reportsEqualTheInProcessEngine() throws IOException {
        List<String> a = Files.readAllLines(tmp.resolve("threads-report/summary.json"));
        List<String> b = Files.readAllLines(tmp.resolve("spark-report/summary.json"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).replace("\"threads\"", "\"spark\""), b.get(i));
        }
        assertTrue(b.stream().anyMatch(l -> l.contains("\"sharpe_lower\"")), String.join("\n", b));
        for (String f : List.of("report.html", "heatmap.png")) {
            assertTrue(Files.size(tmp.resolve("spark-report").resolve(f)) > 0, f);
        }
    }

    /**
     * A point that fails (a 2-day Rogers-Satchell forecast is zero on flat-range days) and a flagged
     * one (a 1-day tenor): the same error row and the same flags from both engines.
     */
    @Test
    void errorRowsAndFlagsAreTheSameOnBothEngines() throws IOException {
        String[] grid = {"--prices", INPUT[1], "--iv", INPUT[3], "--target-vols", "0.4", "--estimators",
            "rogers-satchell,ewma", "--windows", "2", "--deltas", "0.2", "--tenors", "1"};
        Path a = tmp.resolve("errors-threads.csv");
        Path b = tmp.resolve("errors-spark.csv");
        assertEquals(0, run(false, with(grid, "--out", a.toString())).code());
        Run r = run(true, with(grid, "--master", "local[2]", "--out", b.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 failed"), r.out());
        List<String> ta = Files.readAllLines(a);
        List<String> sb = Files.readAllLines(b);
        assertEquals(3, sb.size());
        assertTrue(sb.get(1).startsWith("0.4,rogers-satchell,2,0.2,1,,,") && sb.get(1).contains(
            "\"IllegalArgumentException: bar ") && sb.get(1).contains(",spark,"), sb.get(1));
        assertTrue(sb.get(2).contains(",tenor_under_2_days,,spark,"), sb.get(2));
        for (int i = 0; i < 3; i++) {
            assertEquals(ta.get(i).replace(",threads,", ",spark,"), sb.get(i));
        }
        Path parquetB = tmp.resolve("errors-spark.parquet");
        List<Group> groups = read(parquetB);
        assertTrue(groups.get(0).getString("error", 0).startsWith("IllegalArgumentException: bar "));
        assertEquals(0, groups.get(0).getFieldRepetitionCount("cagr_mean"));
        assertEquals(0, groups.get(0).getFieldRepetitionCount("sharpe_lower_mean"));
        assertEquals(0, groups.get(0).getFieldRepetitionCount("dsr_mean"));
        // One trial: no DSR or PBO for anyone.
        assertEquals(1, groups.get(1).getInteger("trials", 0));
        assertEquals(0, groups.get(1).getFieldRepetitionCount("pbo_mean"));
        assertEquals("tenor_under_2_days", groups.get(1).getString("flags", 0));
        assertEquals(0, groups.get(1).getFieldRepetitionCount("error"));
    }

    private static List<Group> read(Path file) throws IOException {
        List<Group> groups = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
                .build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                groups.add(g);
            }
        }
        return groups;
    }

    /** The Parquet file holds the same rows at full precision: rounded as the CSV, they match it. */
    @Test
    void parquetHoldsTheSameRows() throws IOException {
        List<Group> groups = read(parquet);
        assertEquals(spark.size() - 1, groups.size());
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            String[] csv = spark.get(i + 1).split(",");
            assertEquals(Double.parseDouble(csv[0]), g.getDouble("target_vol", 0), 0);
            assertEquals(csv[1], g.getString("estimator", 0));
            assertEquals(Integer.parseInt(csv[2]), g.getInteger("window_days", 0));
            assertEquals(Integer.parseInt(csv[4]), g.getInteger("tenor_days", 0));
            for (String m : List.of("cagr_mean", "cagr_min", "cagr_max", "max_drawdown_max")) {
                assertEquals(Double.parseDouble(csv[column(m)]), g.getDouble(m, 0), 5e-7, m);
            }
            assertEquals(Double.parseDouble(csv[column("sharpe_mean")]), g.getDouble("sharpe_mean", 0), 5e-5);
            assertEquals(Double.parseDouble(csv[column("final_nav_min")]), g.getDouble("final_nav_min", 0), 5e-3);
            for (String m : List.of("sharpe_lower_mean", "sharpe_upper_max")) {
                assertEquals(Double.parseDouble(csv[column(m)]), g.getDouble(m, 0), 5e-5, m);
            }
            assertEquals(Double.parseDouble(csv[column("cagr_lower_min")]), g.getDouble("cagr_lower_min", 0), 5e-7);
            for (String m : List.of("dsr_mean", "dsr_max", "pbo_mean", "pbo_min")) {
                assertEquals(Double.parseDouble(csv[column(m)]), g.getDouble(m, 0), 5e-5, m);
            }
            assertEquals(16, g.getInteger("trials", 0));
            assertEquals("spark", g.getString("engine", 0));
            assertEquals(csv[column("flags")], g.getString("flags", 0));
            assertEquals(0, g.getFieldRepetitionCount("error"));
            assertEquals(csv[column("data_hash")], g.getString("data_hash", 0));
        }
    }

    @Test
    void aMasterThatDoesNotAnswerIsOneLineAndNoOutput() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = tmp.resolve("dead/sweep.csv");
        Run r = run(true, with(INPUT, "--master", "spark://127.0.0.1:" + port, "--connect-timeout", "1",
            "--out", out.toString()));
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--master spark://127.0.0.1:" + port + " does not answer"), r.err());
        assertFalse(Files.exists(out.getParent()), "left output behind");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path out = tmp.resolve("bad/sweep.csv");
        String[][] cases = {
            {"--master", "yarn"},
            {"--engine", "threads"},
            {"--partitions", "0"},
            {"--estimators", "garch"},
            {"--target-vols", "-0.3"},
            {"--bogus", "1"},
            {"--cscv-splits", "5"},
            {"--cscv-splits", "300"},
        };
        String[] expected = {"--master 'yarn' must be", "--engine 'threads' must be spark", "--partitions 0",
            "estimator 'garch'", "target_vol", "Unknown options: '--bogus'", "--cscv-splits 5 must be an even number",
            "--cscv-splits 300 needs 600 returns on every roll-weekday path"};
        for (int i = 0; i < cases.length; i++) {
            Run r = run(true, with(with(INPUT, cases[i]), "--out", out.toString()));
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        // An empty list (a lone comma) is an empty grid, on both engines.
        for (boolean sparkEngine : new boolean[] {true, false}) {
            Run r = run(sparkEngine, "--prices", INPUT[1], "--tenors", ",", "--out", out.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().strip().endsWith(": --tenors has no value: the sweep grid would be empty"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertFalse(Files.exists(out.getParent()), "left output behind");
    }

    @Test
    void noPartialFileIsLeftBehind() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
    }
}
