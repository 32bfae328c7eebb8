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
        assertEquals(Double.parseDouble(last[1]) - 1,
            Math.pow(1 + summary.get("walk_forward_oos").get("cagr").get("estimate").asDouble(), 900 / 365.0) - 1,
            1e-6 * product);
        JsonNode trials = summary.get("many_trials");
        assertEquals(8, trials.get("trials").asInt());
        double dsr = trials.get("deflated_sharpe_ratio").asDouble();
        assertTrue(dsr >= 0 && dsr <= 1, "DSR " + dsr);
        for (String k : List.of("walk_forward_oos", "hindsight_is")) {
            JsonNode ci = summary.get(k).get("sharpe");
            assertTrue(ci.get("lower").asDouble() < ci.get("estimate").asDouble()
                && ci.get("estimate").asDouble() < ci.get("upper").asDouble(), k + " " + ci);
        }
        for (String png : List.of("oos_vs_is_equity.png", "heatmap.png")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(png)), 4);
            assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(Files.readString(out.resolve("report.html")).contains("src=\"" + png + "\""));
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] cases = {
            {"--objective", "cagr"},
            {"--heatmap", "delta,delta"},
            {"--heatmap", "delta,fee"},
            {"--test-days", "0"},
            {"--train-days", "2000"},
        };
        String[] expected = {"--objective 'cagr'", "--heatmap 'delta,delta'", "'fee'", "--test-days 0", "needs"};
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
    }
}
