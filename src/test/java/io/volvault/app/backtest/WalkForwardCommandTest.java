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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** walkforward end to end on the shipped BTC history: outputs that agree with each other, and bad input. */
class WalkForwardCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("volvault.root"));
    private static final String BTC = ROOT.resolve("src/data/btc_usd_daily.csv").toString();
    private static final String DVOL = ROOT.resolve("src/data/dvol/btc_dvol.csv").toString();
    private static final String[] GRID = {"--prices", BTC, "--iv", DVOL, "--from", "2021-01-01", "--to", "2023-12-31",
        "--target-vols", "0.3,0.5", "--estimators", "ewma", "--windows", "20,30", "--deltas", "0.1,0.2", "--tenors", "7"};

    @TempDir
    static Path tmp;
    private static Path out;
    private static JsonNode summary;

    static String[] args(String... more) {
        String[] all = Arrays.copyOf(GRID, GRID.length + more.length + 1);
        all[0] = "walkforward";
        System.arraycopy(GRID, 0, all, 1, GRID.length);
        System.arraycopy(more, 0, all, GRID.length + 1, more.length);
        return all;
    }

    @BeforeAll
    static void run() throws Exception {
        out = tmp.resolve("wf");
        BacktestCommandTest.Result r = BacktestCommandTest.cli(args("--train-days", "180", "--test-days", "60",
            "--objective", "sharpe", "--resamples", "200", "--cscv-splits", "4", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(Files.exists(tmp.resolve("wf.partial")), "the .partial folder was left");
    }

    @Test
    void foldsAndEquityAgree() throws Exception {
        // 2021-01-01 .. 2023-12-31 is 1095 daily bars: training 180, then (1095 - 180) / 60 = 15 whole test windows.
        assertEquals(15, summary.get("folds").asInt());
        assertEquals(8, summary.get("candidates").asInt());
        assertEquals("sharpe", summary.get("objective").asText());
        assertEquals("2021-06-29", summary.get("oos_from").asText()); // the close before the first test bar
        List<String> folds = Files.readAllLines(out.resolve("folds.csv"));
        List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertEquals(16, folds.size());
        assertEquals(1 + 1 + 15 * 60, equity.size());
        // The stitched out-of-sample equity ends at the product of the folds' test-window returns.
        double product = 1;
        for (String f : folds.subList(1, folds.size())) {
            String[] c = f.split(",");
            product *= 1 + Double.parseDouble(c[c.length - 1]);
        }
        String[] last = equity.get(equity.size() - 1).split(",");
        assertEquals(product, Double.parseDouble(last[1]), 1e-5 * product);
        JsonNode first = summary.get("roll_weekday_paths").get("per_path").get(0);
        assertEquals(Double.parseDouble(last[1]) - 1, Math.pow(1 + first.get("oos_cagr").asDouble(), 900 / 365.0) - 1,
            1e-6 * product);
        JsonNode trials = summary.get("many_trials");
        assertEquals(8, trials.get("trials").asInt());
        double dsr = trials.get("deflated_sharpe_ratio").asDouble();
        assertTrue(dsr >= 0 && dsr <= 1, "DSR " + dsr);
        for (String png : List.of("oos_vs_is_equity.png", "heatmap.png")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(png)), 4);
            assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(Files.readString(out.resolve("report.html")).contains("src=\"" + png + "\""));
        }
    }

    /**
     * Seven paths, each the whole walk-forward from one day later, each with its own bootstrap
     * intervals: path 0 is what folds.csv shows; path k's out-of-sample span starts k days later (a 60-day test window keeps
     * 15 folds as long as 180 + 15 x 60 = 1080 bars fit, so all 7 do); the summary's mean, min and
     * max are those of the 7 rows.
     */
    @Test
    void everyFigureOverTheSevenRollWeekdayPaths() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("paths.csv"));
        assertEquals(8, lines.size());
        assertEquals("path,oos_from,oos_to,folds,hindsight,oos_cagr,oos_vol,oos_sharpe,oos_max_drawdown,hindsight_cagr,"
            + "hindsight_vol,hindsight_sharpe,hindsight_max_drawdown,mean_fold_is_sharpe,mean_fold_oos_sharpe,"
            + "deflated_sharpe_ratio,pbo,oos_cagr_lower,oos_cagr_upper,oos_vol_lower,oos_vol_upper,oos_sharpe_lower,"
            + "oos_sharpe_upper,oos_max_drawdown_lower,oos_max_drawdown_upper,hindsight_cagr_lower,hindsight_cagr_upper,"
            + "hindsight_vol_lower,hindsight_vol_upper,hindsight_sharpe_lower,hindsight_sharpe_upper,"
            + "hindsight_max_drawdown_lower,hindsight_max_drawdown_upper,oos_block_length,hindsight_block_length",
            lines.get(0));
        JsonNode paths = summary.get("roll_weekday_paths");
        assertEquals(7, paths.get("paths").asInt());
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double upperSum = 0;
        List<Double> sharpes = new java.util.ArrayList<>();
        for (int k = 0; k < 7; k++) {
            String[] c = lines.get(k + 1).split(",");
            assertEquals(String.valueOf(k), c[0]);
            assertEquals(java.time.LocalDate.of(2021, 6, 29).plusDays(k).toString(), c[1]);
            assertEquals("15", c[3]);
            JsonNode p = paths.get("per_path").get(k);
            assertEquals(c[1], p.get("oos_from").asText());
            assertEquals(Double.parseDouble(c[7]), p.get("oos_sharpe").asDouble(), 5e-7);
            sum += p.get("oos_sharpe").asDouble();
            min = Math.min(min, p.get("oos_sharpe").asDouble());
            sharpes.add(p.get("oos_sharpe").asDouble());
            // Every path has its own intervals around its own figures, from its own resamples.
            for (String side : List.of("oos", "hindsight")) {
                for (String f : List.of("cagr", "vol", "sharpe", "max_drawdown")) {
                    double lo = p.get(side + "_" + f + "_lower").asDouble();
                    double hi = p.get(side + "_" + f + "_upper").asDouble();
                    double v = p.get(side + "_" + f).asDouble();
                    assertTrue(lo < v && v < hi, k + " " + side + "_" + f + ": " + lo + " " + v + " " + hi);
                }
                assertTrue(p.get(side + "_block_length").asDouble() >= 1, p.toString());
            }
            assertEquals(Double.parseDouble(c[column(lines, "oos_sharpe_upper")]), p.get("oos_sharpe_upper").asDouble(),
                5e-7);
            upperSum += p.get("oos_sharpe_upper").asDouble();
        }
        assertEquals(sum / 7, paths.get("mean").get("oos_sharpe").asDouble(), 1e-12);
        assertEquals(min, paths.get("min").get("oos_sharpe").asDouble(), 0);
        assertEquals(upperSum / 7, paths.get("mean").get("oos_sharpe_upper").asDouble(), 1e-12);
        // The paths' out-of-sample spans differ, so their Sharpe ratios (and intervals) are not one copied value.
        assertTrue(sharpes.stream().distinct().count() > 1, sharpes.toString());
        JsonNode first = paths.get("per_path").get(0);
        assertEquals(summary.get("many_trials").get("deflated_sharpe_ratio").asDouble(),
            first.get("deflated_sharpe_ratio").asDouble(), 0);
        assertEquals(summary.get("many_trials").get("pbo").asDouble(), first.get("pbo").asDouble(), 0);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("over the 7 paths") && html.contains("mean [min, max]"), html);
        // Path 6's out-of-sample Sharpe with its interval, as the report prints it.
        JsonNode last = paths.get("per_path").get(6);
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%.2f [%.2f, %.2f]", last.get("oos_sharpe")
            .asDouble(), last.get("oos_sharpe_lower").asDouble(), last.get("oos_sharpe_upper").asDouble())), html);
        assertEquals(200, summary.get("bootstrap").get("resamples").asInt());
    }

    private static int column(List<String> csv, String name) {
        return List.of(csv.get(0).split(",")).indexOf(name);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] cases = {
            {"--objective", "cagr"},
            {"--heatmap", "delta,delta"},
            {"--heatmap", "delta,fee"},
            {"--test-days", "0"},
            {"--train-days", "2000"},
            {"--cscv-splits", "3"},
            {"--resamples", "99"},
            {"--bogus", "1"},
            {"--target-vols", "0.3", "--estimators", "garch"},
        };
        String[] expected = {"--objective 'cagr'", "--heatmap 'delta,delta'", "'fee'", "--test-days 0", "needs",
            "--cscv-splits 3 must be an even number",
            "--resamples 99 must be at least 100", "Unknown options: '--bogus'", "estimator 'garch'"};
        for (int i = 0; i < cases.length; i++) {
            Path o = tmp.resolve("bad" + i);
            String[] a = Arrays.copyOf(cases[i], cases[i].length + 2);
            a[a.length - 2] = "--out";
            a[a.length - 1] = o.toString();
            BacktestCommandTest.Result r = BacktestCommandTest.cli(args(a));
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(o));
        }
        // An empty list (a lone comma) is an empty grid.
        Path o = tmp.resolve("empty");
        BacktestCommandTest.Result r = BacktestCommandTest.cli("walkforward", "--prices", BTC, "--deltas", ",", "--out",
            o.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("volvault walkforward: --deltas has no value: the sweep grid would be empty", r.err().strip());
        assertFalse(Files.exists(o));
    }
}
