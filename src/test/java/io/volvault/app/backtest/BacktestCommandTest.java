package io.volvault.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.volvault.app.cli.VolvaultCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest command end to end on the shipped BTC history: the README's facts, and bad input. */
class BacktestCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("volvault.root"));
    private static final String BTC = ROOT.resolve("src/data/btc_usd_daily.csv").toString();
    private static final String DVOL = ROOT.resolve("src/data/dvol/btc_dvol.csv").toString();
    private static final String CONFIG = ROOT.resolve("src/config/backtest-btc.yaml").toString();

    @TempDir
    static Path tmp;

    private static Map<String, JsonNode> full;
    private static JsonNode fullSummary;

    /** Runs the CLI, returning its exit code and what it printed on stderr. */
    record Result(int code, String err) {}

    static Result cli(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Result(VolvaultCli.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    static Map<String, JsonNode> byName(JsonNode summary) {
        Map<String, JsonNode> m = new HashMap<>();
        summary.get("strategies").forEach(s -> m.put(s.get("name").asText(), s));
        return m;
    }

    @BeforeAll
    static void runTheReadmeCommand() throws Exception {
        Path out = tmp.resolve("btc");
        assertEquals(0, cli("backtest", "--prices", BTC, "--iv", DVOL, "--config", CONFIG, "--out", out.toString()).code());
        fullSummary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        full = byName(fullSummary);
    }

    @Test
    void writesEveryOutput() throws Exception {
        Path out = tmp.resolve("btc");
        for (String f : List.of("summary.json", "bars.csv", "report.html", "equity.png", "drawdown.png",
                "rolling_vol.png", "exposure.png")) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        byte[] png = Files.readAllBytes(out.resolve("equity.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        List<String> bars = Files.readAllLines(out.resolve("bars.csv"));
        assertEquals(fullSummary.get("bars").asInt() + 1, bars.size());
        assertTrue(bars.get(0).contains("nav_full_strategy"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<img src=\"rolling_vol.png\"") && html.contains("full_strategy"));
        assertTrue(html.contains("PROXY: implied = realized ewma (20 days, calibrated over 365 days) x 1.15"), html);
    }

    @Test
    void summaryHasTheDocumentedFields() {
        assertEquals(List.of("buy_and_hold", "fixed_weight", "vol_target", "covered_call", "put_write", "full_strategy",
                "fixed_weight_matched_vol_target", "fixed_weight_matched_full_strategy"),
            List.of(fullSummary.get("strategies").findValuesAsText("name").toArray(new String[0])));
        for (JsonNode s : fullSummary.get("strategies")) {
            for (String field : List.of("annualized_vol", "max_drawdown", "sharpe", "cagr", "cvar_95", "cvar_99",
                    "turnover", "costs", "premium", "sortino", "calmar", "skewness", "kurtosis",
                    "rolling_vol_mean", "rolling_vol_tracking_error")) {
                assertTrue(s.get(field).isNumber(), s.get("name") + " lacks " + field);
            }
            assertTrue(s.get("max_drawdown").asDouble() > 0 && s.get("max_drawdown").asDouble() < 1);
        }
        // DVOL from its first day (2021-03-24), known from the next day on; the proxy before, labelled.
        String source = fullSummary.get("implied_vol_source").asText();
        assertTrue(source.contains("observed index") && source.contains("(2021-03-25 ..")
            && source.contains("x 1.15") && source.contains(".. 2021-03-24)"), source);
        double share = fullSummary.get("implied_vol_proxy_share").asDouble();
        // 2014-10-07 .. 2021-03-24 of 2014-10-07 .. 2025-11-09: 2,361 of 4,052 bars.
        assertEquals(2361.0 / 4052, share, 1e-12);
        assertEquals(1.15, fullSummary.get("proxy_premium_ratio").asDouble());
    }

    /** The README table's facts: 40% target on BTC daily 2014-2025, against level-matched constant weights. */
    @Test
    void theFortyPercentTargetOnBtcAgainstLevelMatchedWeights() {
        double target = full.get("vol_target").get("annualized_vol").asDouble();
        double strategy = full.get("full_strategy").get("annualized_vol").asDouble();
        JsonNode hold = full.get("buy_and_hold");
        assertEquals(0.40, target, 0.40 * 0.10, "vol_target " + target);
        assertTrue(strategy > 0.40 * 0.85 && strategy < 0.40 * 1.1, "full_strategy " + strategy);
        assertTrue(hold.get("annualized_vol").asDouble() > 0.6);
        for (String name : List.of("vol_target", "full_strategy")) {
            JsonNode matched = full.get("fixed_weight_matched_" + name);
            double weight = fullSummary.get("level_matched_fixed_weights").get(name).asDouble();
            // The same realized vol, to 0.5%, from a constant weight near vol / BTC's vol.
            assertEquals(full.get(name).get("annualized_vol").asDouble(), matched.get("annualized_vol").asDouble(),
                0.005 * matched.get("annualized_vol").asDouble(), name);
            assertEquals(full.get(name).get("annualized_vol").asDouble() / hold.get("annualized_vol").asDouble(),
                weight, 0.1, name);
            // Vol targeting steadies the rolling vol against the same average level.
            assertTrue(full.get(name).get("rolling_vol_std").asDouble() < matched.get("rolling_vol_std").asDouble(),
                name);
        }
    }

    /** 2022 H1 (BTC -57%): the full strategy falls less than the plain covered call and buy and hold. */
    @Test
    void theCrashOfTwentyTwentyTwo() throws Exception {
        Path out = tmp.resolve("crash");
        assertEquals(0, cli("backtest", "--prices", BTC, "--iv", DVOL, "--config", CONFIG, "--from", "2022-01-01",
            "--to", "2022-06-30", "--out", out.toString()).code());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        Map<String, JsonNode> m = byName(summary);
        assertEquals("2022-01-01", summary.get("from").asText());
        assertEquals("2022-06-30", summary.get("to").asText());
        double hold = m.get("buy_and_hold").get("max_drawdown").asDouble();
        double coveredCall = m.get("covered_call").get("max_drawdown").asDouble();
        double strategy = m.get("full_strategy").get("max_drawdown").asDouble();
        assertTrue(strategy < coveredCall && coveredCall < hold, strategy + " / " + coveredCall + " / " + hold);
        // 2022 runs on real DVOL: no proxy.
        assertEquals(0, summary.get("implied_vol_proxy_share").asDouble());
        assertTrue(m.get("covered_call").get("premium").asDouble() > 0);
        assertTrue(m.get("full_strategy").get("premium").asDouble() > 0);
    }

    @Test
    void overridesReachTheConfig() throws Exception {
        Path out = tmp.resolve("override");
        assertEquals(0, cli("backtest", "--prices", BTC, "--config", CONFIG, "--target-vol", "0.3", "--estimator",
            "yang-zhang", "--window", "20", "--from", "2020-01-01", "--to", "2020-12-31", "--out", out.toString()).code());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(0.3, summary.get("config").get("sizing").get("target_vol").asDouble());
        assertEquals("YANG_ZHANG", summary.get("config").get("forecast").get("estimator").asText());
        assertEquals(20, summary.get("config").get("forecast").get("window_days").asInt());
        assertTrue(summary.get("implied_vol_source").asText().startsWith("PROXY: implied = realized yang-zhang (20 days"));
    }

    @Test
    void badPricesAreRefusedNamingTheLine() throws Exception {
        Path unsorted = tmp.resolve("unsorted.csv");
        Files.writeString(unsorted, "timestamp,open,high,low,close\n2024-01-01,1,1,1,1\n2024-01-03,1,1,1,1\n"
            + "2024-01-02,1,1,1,1\n");
        Result r = cli("backtest", "--prices", unsorted.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 4") && r.err().contains("2024-01-02"), r.err());

        Path negative = tmp.resolve("negative.csv");
        Files.writeString(negative, "timestamp,open,high,low,close\n2024-01-01,1,1,1,1\n2024-01-02,1,1,1,-1\n");
        r = cli("backtest", "--prices", negative.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 3") && r.err().contains("-1"), r.err());

        Path missing = tmp.resolve("missing.csv");
        Files.writeString(missing, "timestamp,open,high,low\n2024-01-01,1,1,1\n");
        r = cli("backtest", "--prices", missing.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("close"), r.err());
    }

    @Test
    void gapsFollowTheChosenPolicy() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close\n");
        for (int d = 1; d <= 28; d++) {
            if (d != 15) {
                double p = 100 + d % 3;
                csv.append(String.format("2024-02-%02d,%s,%s,%s,%s%n", d, p, p + 1, p - 1, p));
            }
        }
        Path gappy = tmp.resolve("gappy.csv");
        Files.writeString(gappy, csv);
        Result r = cli("backtest", "--prices", gappy.toString(), "--config", CONFIG, "--window", "5",
            "--out", tmp.resolve("g").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gap of 48.0 h") && r.err().contains("2024-02-14"), r.err());
        assertEquals(0, cli("backtest", "--prices", gappy.toString(), "--config", CONFIG, "--window", "5",
            "--gaps", "allow", "--out", tmp.resolve("g").toString()).code());
    }

    @Test
    void badConfigsAreRefusedNamingTheField() throws Exception {
        Path unknown = tmp.resolve("unknown.yaml");
        Files.writeString(unknown, "sizing:\n  target_volatility: 0.4\n");
        Result r = cli("backtest", "--prices", BTC, "--config", unknown.toString(), "--out", tmp.resolve("c").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'sizing.target_volatility' is unknown"), r.err());

        Path negative = tmp.resolve("negative.yaml");
        Files.writeString(negative, "sizing:\n  target_vol: -0.4\n");
        r = cli("backtest", "--prices", BTC, "--config", negative.toString(), "--out", tmp.resolve("c").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("sizing.target_vol must be a positive number, got -0.4"), r.err());

        r = cli("backtest", "--prices", BTC, "--estimator", "garch", "--out", tmp.resolve("c").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("estimator 'garch'"), r.err());
    }

    @Test
    void sweepWritesOneRowPerConfiguration() throws Exception {
        Path out = tmp.resolve("sweep.csv");
        assertEquals(0, cli("sweep", "--prices", BTC, "--iv", DVOL, "--target-vols", "0.3,0.4", "--estimators",
            "ewma", "--windows", "30", "--deltas", "0.1,0.2", "--tenors", "7", "--out", out.toString()).code());
        List<String> rows = Files.readAllLines(out);
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).startsWith("target_vol,estimator,window_days,delta,tenor_days,cagr_mean,cagr_min,"
            + "cagr_max,annualized_vol_mean"));
        assertTrue(rows.get(0).endsWith(",block_length_max,dsr_mean,dsr_min,dsr_max,trials,pbo_mean,pbo_min,pbo_max,"
            + "flags,error,engine,data_hash"), rows.get(0));
        // No error: an empty field between the flags and the engine; then the data hash.
        assertTrue(rows.get(3).startsWith("0.4,ewma,30,0.1,7,") && rows.get(3).matches(".*,[a-z_;0-9]*,,threads,[0-9a-f]{16}"),
            rows.get(3));
    }

    /**
     * The reported crash: tenor 1 with a 2-day Rogers-Satchell forecast (zero on two flat-range
     * days). It is an error row naming the bar; the other points still run, and a tenor of 1 day
     * is flagged.
     */
    @Test
    void aFailingPointIsAnErrorRowAndImplausibleRowsAreFlagged() throws Exception {
        Path out = tmp.resolve("sweep-errors.csv");
        Result r = cli("sweep", "--prices", BTC, "--iv", DVOL, "--target-vols", "0.4", "--estimators",
            "rogers-satchell,ewma", "--windows", "2", "--deltas", "0.2", "--tenors", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("0.4,rogers-satchell,2,0.2,1,,,") && rows.get(1).contains(
            "\"IllegalArgumentException: bar ") && rows.get(1).contains("is not positive"), rows.get(1));
        assertTrue(rows.get(2).startsWith("0.4,ewma,2,0.2,1,0.") && rows.get(2).matches(".*,tenor_under_2_days,,threads,"
            + "[0-9a-f]{16}"), rows.get(2));
    }

    @Test
    void jsonConfigsSelectCppiSizingAndABlendedForecast() throws Exception {
        Path json = tmp.resolve("cppi.json");
        Files.writeString(json, "{\"sizing\": {\"rule\": \"cppi\", \"cppi_floor\": 0.7},"
            + " \"forecast\": {\"source\": \"blend\", \"estimator\": \"Garman-Klass\"}}");
        Path out = tmp.resolve("cppi");
        assertEquals(0, cli("backtest", "--prices", BTC, "--iv", DVOL, "--config", json.toString(), "--from", "2023-01-01",
            "--out", out.toString()).code());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("CPPI", summary.get("config").get("sizing").get("rule").asText());
        assertEquals("BLEND", summary.get("config").get("forecast").get("source").asText());
        assertEquals("GARMAN_KLASS", summary.get("config").get("forecast").get("estimator").asText());
        // From 2023 DVOL covers every bar: no proxy.
        assertTrue(!summary.get("implied_vol_source").asText().contains("PROXY"), summary.get("implied_vol_source").asText());
    }

    /**
     * targets: 1 target x 2 halves x 2 start days = 4 CSV rows, the halves split where asked, the
     * matched weight's vol equal to the full strategy's, and one Markdown row per target and half.
     */
    @Test
    void targetsMeasuresEachHalfAndStartDay() throws Exception {
        Path out = tmp.resolve("targets.csv");
        java.io.StringWriter printed = new java.io.StringWriter();
        picocli.CommandLine cmd = new picocli.CommandLine(new TargetsCommand());
        cmd.setOut(new java.io.PrintWriter(printed));
        assertEquals(0, cmd.execute("--prices", BTC, "--iv", DVOL, "--from", "2021-01-01", "--to", "2022-12-31",
            "--split", "2021-12-31", "--target-vols", "0.3", "--offsets", "2", "--out", out.toString()));
        List<String> rows = Files.readAllLines(out);
        assertEquals(5, rows.size());
        assertTrue(rows.get(1).startsWith("0.3,in,0,2021-01-01,2021-12-31,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("0.3,in,1,2021-01-02,2021-12-31,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("0.3,out,0,2022-01-01,2022-12-31,"), rows.get(3));
        for (String row : rows.subList(1, 5)) {
            String[] f = row.split(",");
            double full = Double.parseDouble(f[7]);
            double matched = Double.parseDouble(f[13]);
            assertEquals(full, matched, 0.005 * full, row);
            // The cap (weight 1) binds only where a month's BTC vol was under 30%: feasible at most the target.
            double feasible = Double.parseDouble(f[5]);
            assertTrue(feasible <= 0.3 && feasible > 0.25, row);
        }
        String table = printed.toString();
        assertTrue(table.contains("| 30% | in |") && table.contains("| 30% | out |"), table);
        assertTrue(table.contains("| full vs target | full vs feasible |"), table);
        Result bad = cli("targets", "--prices", BTC, "--offsets", "0", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--offsets 0 must be in [1, 31]"), bad.err());
    }
}
