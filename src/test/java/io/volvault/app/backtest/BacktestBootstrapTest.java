package io.volvault.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest summary's bootstrap intervals sit around the summary's own figures. */
class BacktestBootstrapTest {

    private static final Path ROOT = Path.of(System.getProperty("volvault.root"));

    @Test
    void intervalsSurroundTheSummarysFigures(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("bt");
        BacktestCommandTest.Result r = BacktestCommandTest.cli("backtest", "--prices",
            ROOT.resolve("src/data/btc_usd_daily.csv").toString(), "--iv", ROOT.resolve("src/data/dvol/btc_dvol.csv").toString(),
            "--from", "2023-01-01", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        // Six strategies and the two fixed weights matched to vol_target's and full_strategy's vol.
        assertEquals(8, summary.get("strategies").size());
        for (JsonNode s : summary.get("strategies")) {
            JsonNode ci = s.get("bootstrap_95");
            // Vol, Sharpe and drawdown of the sample are the metrics' own definitions.
            assertEquals(s.get("annualized_vol").asDouble(), ci.get("annualized_vol").get("estimate").asDouble(), 1e-12);
            assertEquals(s.get("sharpe").asDouble(), ci.get("sharpe").get("estimate").asDouble(), 1e-9);
            assertEquals(s.get("max_drawdown").asDouble(), ci.get("max_drawdown").get("estimate").asDouble(), 1e-12);
            for (String k : new String[] {"cagr", "annualized_vol", "sharpe", "max_drawdown"}) {
                JsonNode i = ci.get(k);
                assertTrue(i.get("lower").asDouble() < i.get("estimate").asDouble()
                    && i.get("estimate").asDouble() < i.get("upper").asDouble(), s.get("name") + " " + k + " " + i);
            }
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("95% stationary-bootstrap intervals"));
    }

    /** Six returns are too few for a block length: the summary says so instead of guessing. */
    @Test
    void tooShortARunSaysWhy(@TempDir Path tmp) throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close\n");
        for (int d = 1; d <= 12; d++) {
            double p = 100 + (d * 7) % 5;
            csv.append(String.format("2024-02-%02d,%s,%s,%s,%s%n", d, p, p + 1, p - 1, p));
        }
        Path prices = tmp.resolve("short.csv");
        Files.writeString(prices, csv);
        Path out = tmp.resolve("bt");
        BacktestCommandTest.Result r = BacktestCommandTest.cli("backtest", "--prices", prices.toString(), "--window", "5",
            "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (JsonNode s : summary.get("strategies")) {
            assertTrue(s.get("bootstrap_95") == null, s.toString());
            assertTrue(s.get("bootstrap_95_unavailable").asText().contains("at least 9 observations"), s.toString());
        }
    }
}
