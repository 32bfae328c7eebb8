package io.volvault.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep's report folder: summary.json, report.html and the heatmap, against the sweep's own CSV. */
class SweepReportTest {

    private static final Path ROOT = Path.of(System.getProperty("volvault.root"));
    private static final String[] GRID = {"sweep", "--prices", ROOT.resolve("src/data/btc_usd_daily.csv").toString(),
        "--iv", ROOT.resolve("src/data/dvol/btc_dvol.csv").toString(), "--from", "2023-01-01", "--target-vols",
        "0.3,0.5", "--estimators", "ewma", "--windows", "20", "--deltas", "0.1,0.2", "--tenors", "7,30",
        "--resamples", "200", "--cscv-splits", "4", "--heatmap", "target_vol,tenor_days"};

    @TempDir
    static Path tmp;
    private static List<String> csv;
    private static JsonNode summary;
    private static Path report;

    static String[] args(String... more) {
        String[] all = Arrays.copyOf(GRID, GRID.length + more.length);
        System.arraycopy(more, 0, all, GRID.length, more.length);
        return all;
    }

    @BeforeAll
    static void sweep() throws Exception {
        Path out = tmp.resolve("sweep.csv");
        BacktestCommandTest.Result r = BacktestCommandTest.cli(args("--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        csv = Files.readAllLines(out);
        report = tmp.resolve("sweep-report");
        summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")));
        }
    }

    private static int column(String name) {
        int i = List.of(csv.get(0).split(",")).indexOf(name);
        assertTrue(i >= 0, name);
        return i;
    }

    private static double cell(int row, String name) {
        return Double.parseDouble(csv.get(row).split(",", -1)[column(name)]);
    }

    /**
     * Each path's pick is that path's best Sharpe, so its Sharpe is at least every configuration's
     * lowest Sharpe over the paths; its figures lie within its own row's range over the paths; and
     * the summary's mean, min and max are those of the 7 picks.
     */
    @Test
    void eachPathsPickWithItsIntervals() {
        assertEquals(8, summary.get("configurations").asInt());
        assertEquals(8, summary.get("trials").asInt());
        assertEquals(200, summary.get("bootstrap").get("resamples").asInt());
        JsonNode paths = summary.get("roll_weekday_paths");
        double bestLowest = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < csv.size(); i++) {
            bestLowest = Math.max(bestLowest, cell(i, "sharpe_min"));
        }
        double lowerSum = 0;
        double lowerMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            JsonNode p = paths.get("per_path").get(k);
            assertEquals(java.time.LocalDate.of(2023, 1, 1).plusDays(k).toString(), p.get("from").asText());
            int row = rowOf(p.get("pick").asText());
            assertTrue(p.get("boot_sharpe").asDouble() >= bestLowest - 5e-5, p + " vs " + bestLowest);
            for (String m : List.of("cagr_lower", "cagr_upper", "sharpe_lower", "sharpe_upper", "block_length")) {
                double v = p.get(m).asDouble();
                assertTrue(v >= cell(row, m + "_min") - 5e-3 && v <= cell(row, m + "_max") + 5e-3, m + " " + p);
            }
            double lower = p.get("sharpe_lower").asDouble();
            assertTrue(lower < p.get("boot_sharpe").asDouble() && p.get("boot_sharpe").asDouble()
                < p.get("sharpe_upper").asDouble(), p.toString());
            lowerSum += lower;
            lowerMax = Math.max(lowerMax, lower);
            // The sweep's PBO on this path is the CSV's, whose mean is over the same 7 values.
            assertTrue(p.get("pbo").asDouble() >= cell(1, "pbo_min") - 5e-5
                && p.get("pbo").asDouble() <= cell(1, "pbo_max") + 5e-5);
        }
        assertEquals(lowerSum / 7, paths.get("mean").get("sharpe_lower").asDouble(), 1e-12);
        assertEquals(lowerMax, paths.get("max").get("sharpe_lower").asDouble(), 0);
        assertEquals(cell(1, "pbo_mean"), paths.get("mean").get("pbo").asDouble(), 5e-5);
    }

    private static int rowOf(String label) {
        for (int i = 1; i < csv.size(); i++) {
            String[] c = csv.get(i).split(",");
            SweepRunner.Point p = new SweepRunner.Point(Double.parseDouble(c[0]), c[1], Integer.parseInt(c[2]),
                Double.parseDouble(c[3]), Integer.parseInt(c[4]));
            if (SweepRunner.label(p).equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void theReportShowsThePicksTheRankingAndTheHeatmap() throws Exception {
        String html = Files.readString(report.resolve("report.html"));
        JsonNode p6 = summary.get("roll_weekday_paths").get("per_path").get(6);
        assertTrue(html.contains(String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", p6.get("boot_sharpe").asDouble(),
            p6.get("sharpe_lower").asDouble(), p6.get("sharpe_upper").asDouble())), html);
        assertTrue(html.contains("mean [min, max]") && html.contains("src=\"heatmap.png\""), html);
        // The ranking: the best 8 of 8, the first one the row with the highest mean Sharpe.
        int best = 1;
        for (int i = 2; i < csv.size(); i++) {
            best = cell(i, "sharpe_mean") > cell(best, "sharpe_mean") ? i : best;
        }
        String[] c = csv.get(best).split(",");
        String label = SweepRunner.label(new SweepRunner.Point(Double.parseDouble(c[0]), c[1], Integer.parseInt(c[2]),
            Double.parseDouble(c[3]), Integer.parseInt(c[4])));
        int ranking = html.indexOf("(the best 8 of 8)");
        assertTrue(ranking > 0 && html.indexOf("<tr><td>" + label + "</td>", ranking) == html.indexOf("<tr><td>", ranking),
            html);
        byte[] head = Arrays.copyOf(Files.readAllBytes(report.resolve("heatmap.png")), 4);
        assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("tenor_days", summary.get("heatmap").get("y").asText());
        assertEquals("sharpe", summary.get("heatmap").get("metric").asText());
    }

    /** The heatmap's cell: the mean of the metric over the points at it; NaN (error rows) left out. */
    @Test
    void heatmapCellsAreMeansOverTheOtherParameters() {
        List<SweepRunner.Point> points = List.of(new SweepRunner.Point(0.3, "ewma", 20, 0.1, 7),
            new SweepRunner.Point(0.3, "ewma", 30, 0.1, 7), new SweepRunner.Point(0.5, "ewma", 20, 0.1, 7),
            new SweepRunner.Point(0.5, "ewma", 30, 0.1, 7));
        List<String> axes = List.of("target_vol", "tenor_days");
        List<Comparable<?>> xs = Heatmap.values(points, "target_vol");
        List<Comparable<?>> ys = Heatmap.values(points, "tenor_days");
        assertEquals(List.of(0.3, 0.5), xs);
        double[][] cells = Heatmap.cells(points, new double[] {1, 2, -4, Double.NaN}, axes, xs, ys);
        assertEquals(1.5, cells[0][0], 0);
        assertEquals(-4, cells[1][0], 0);
        double[][] none = Heatmap.cells(points, new double[] {1, 2, Double.NaN, Double.NaN}, axes, xs, ys);
        assertTrue(Double.isNaN(none[1][0]));
    }

    @Test
    void badReportOptionsAreOneLineAndExitTwo() {
        // (--resamples and --heatmap are SweepGrid's, checked by WalkForwardCommandTest.)
        String[][] cases = {{"--heatmap-metric", "alpha"}};
        String[] expected = {"--heatmap-metric 'alpha' must be one of cagr,"};
        for (int i = 0; i < cases.length; i++) {
            Path out = tmp.resolve("bad" + i + "/sweep.csv");
            String[] a = Arrays.copyOf(cases[i], cases[i].length + 2);
            a[a.length - 2] = "--out";
            a[a.length - 1] = out.toString();
            BacktestCommandTest.Result r = BacktestCommandTest.cli(args(a));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out.getParent()), "left output behind");
        }
    }
}
