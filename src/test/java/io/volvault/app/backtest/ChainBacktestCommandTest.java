package io.volvault.app.backtest;

import static io.volvault.app.backtest.BacktestCommandTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.volvault.app.io.DeribitChainCsvTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest --chains} end to end on five weeks of the shipped BTC chains: every trade in
 * trades.csv checked against the raw rows of the file, not against the code that wrote it.
 */
class ChainBacktestCommandTest {

    @TempDir
    static Path tmp;

    private static Path chains;
    private static Path config;
    /** Raw rows by "epoch second|instrument", split on commas. */
    private static final Map<String, String[]> ROWS = new HashMap<>();
    /** Raw index prices per snapshot second. */
    private static final TreeMap<Long, List<Double>> INDEXES = new TreeMap<>();
    /** Raw expiry_datetime per instrument. */
    private static final Map<String, Long> EXPIRY = new HashMap<>();

    @BeforeAll
    static void fiveWeeks() throws IOException {
        List<String> raw = DeribitChainCsvTest.lines(DeribitChainCsvTest.BTC);
        chains = tmp.resolve("btc-5w.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(chains))) {
            out.write((raw.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            for (String line : raw.subList(1, raw.size())) {
                if (line.compareTo("2026-02-04") < 0) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    String[] f = line.split(",", -1);
                    long t = OffsetDateTime.parse(f[0]).toEpochSecond();
                    ROWS.put(t + "|" + f[1], f);
                    EXPIRY.put(f[1], OffsetDateTime.parse(f[6]).toEpochSecond());
                    INDEXES.computeIfAbsent(t, k -> new ArrayList<>()).add(Double.parseDouble(f[21]));
                }
            }
        }
        config = tmp.resolve("fast.yaml");
        // A 20% target: the cash never binds, so every strategy writes its options each round.
        Files.writeString(config, "sizing:\n  target_vol: 0.2\nforecast:\n  estimator: ewma\n  window_days: 5\n");
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static List<String[]> trades(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("trades.csv"));
        assertEquals("timestamp,strategy,instrument,side,size,price_usd,bid_usd,ask_usd,index_usd", lines.get(0));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void salesAreAtTheRecordedBidTimesTheRowsIndexAndSettlementsAtTheNextSnapshotsIndex() throws IOException {
        Path out = tmp.resolve("bid");
        var r = cli("backtest", "--chains", chains.toString(), "--asset", "BTC", "--config", config.toString(),
            "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("summary.json", "bars.csv", "report.html", "trades.csv", "fits.csv", "model_vs_chain.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        int sales = 0;
        int settlements = 0;
        for (String[] t : trades(out)) {
            long time = Instant.parse(t[0]).getEpochSecond();
            if (t[3].equals("sell")) {
                String[] row = ROWS.get(time + "|" + t[2]);
                double index = Double.parseDouble(row[21]);
                assertEquals(Double.parseDouble(row[8]) * index, Double.parseDouble(t[5]), 1e-9, t[2]);
                assertEquals(Double.parseDouble(row[8]) * index, Double.parseDouble(t[6]), 1e-9);
                assertEquals(Double.parseDouble(row[9]) * index, Double.parseDouble(t[7]), 1e-9);
                assertEquals(index, Double.parseDouble(t[8]));
                sales++;
            } else {
                assertEquals("settle", t[3]);
                String[] name = t[2].split("-");
                double strike = Double.parseDouble(name[2]);
                long expiry = EXPIRY.get(t[2]);
                assertEquals(INDEXES.ceilingKey(expiry), time, "the first snapshot at or after the 08:00 expiry");
                double s = median(INDEXES.get(time));
                double payoff = name[3].equals("C") ? Math.max(s - strike, 0) : Math.max(strike - s, 0);
                assertEquals(payoff, Double.parseDouble(t[5]), 1e-9, t[2]);
                assertEquals(s, Double.parseDouble(t[8]));
                assertEquals("", t[6]);
                settlements++;
            }
        }
        assertTrue(sales >= 10 && settlements >= 8, sales + " sales, " + settlements + " settlements");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("bid", summary.get("chains").get("fill").asText());
        assertEquals(INDEXES.size(), summary.get("chains").get("snapshots").asInt());
        assertEquals(INDEXES.size() - 5, summary.get("bars").asInt(), "five snapshots warm the EWMA(5) up");
        List<String> fits = Files.readAllLines(out.resolve("fits.csv"));
        assertEquals(summary.get("chains").get("fit").get("slices").asInt() + 1, fits.size());
        // The constant weights level-matched to vol targeting and the full strategy, as in backtest:
        // the same realized vol within 0.5%, at the weight the summary names.
        java.util.Map<String, Double> vols = new java.util.HashMap<>();
        summary.get("strategies").forEach(e -> vols.put(e.get("name").asText(), e.get("annualized_vol").asDouble()));
        for (String matched : List.of("vol_target", "full_strategy")) {
            double vol = vols.get(matched);
            assertEquals(vol, vols.get("fixed_weight_matched_" + matched), 0.005 * vol, matched);
            double w = summary.get("level_matched_fixed_weights").get(matched).asDouble();
            assertTrue(w > 0 && w <= 1, matched + " " + w);
        }
    }

    @Test
    void atTheMidSalesAreHalfWayBetweenTheRecordedBidAndAsk() throws IOException {
        Path out = tmp.resolve("mid");
        assertEquals(0, cli("backtest", "--chains", chains.toString(), "--asset", "BTC", "--fill", "mid",
            "--config", config.toString(), "--out", out.toString()).code());
        List<String[]> sales = trades(out).stream().filter(t -> t[3].equals("sell")).toList();
        assertTrue(sales.size() >= 10);
        for (String[] t : sales) {
            String[] row = ROWS.get(Instant.parse(t[0]).getEpochSecond() + "|" + t[2]);
            double mid = (Double.parseDouble(row[8]) + Double.parseDouble(row[9])) / 2;
            assertEquals(mid * Double.parseDouble(row[21]), Double.parseDouble(t[5]), 1e-9, Arrays.toString(t));
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        var noAsset = cli("backtest", "--chains", chains.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, noAsset.code());
        assertEquals("volvault backtest: --asset must be BTC or ETH with --chains, was null", noAsset.err().strip());
        var fill = cli("backtest", "--chains", chains.toString(), "--asset", "BTC", "--fill", "ask", "--out",
            tmp.resolve("x").toString());
        assertEquals("volvault backtest: --fill must be bid or mid, was ask", fill.err().strip());
        var both = cli("backtest", "--chains", chains.toString(), "--asset", "BTC", "--prices", "p.csv", "--out",
            tmp.resolve("x").toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("drop --prices and --iv"), both.err());
        var none = cli("backtest", "--out", tmp.resolve("x").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--prices FILE is required"), none.err());
    }
}
