package io.volvault.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.volvault.app.io.PriceBarsCsv;
import io.volvault.greeks.realized.PriceBars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allocate command end to end on the shipped BTC daily and ETH hourly histories, and bad input. */
class AllocateCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("volvault.root"));
    private static final String BTC = ROOT.resolve("src/data/btc_usd_daily.csv").toString();
    private static final String ETH = ROOT.resolve("src/data/eth_usd_hourly.csv").toString();
    private static final double TARGET = 0.4;

    @TempDir
    static Path tmp;

    private static JsonNode summary;
    private static Map<String, JsonNode> byName;

    @BeforeAll
    static void runTheReadmeCommand() throws Exception {
        Path out = tmp.resolve("btc-eth");
        assertEquals(0, BacktestCommandTest.cli("allocate", "--prices", BTC, "--prices", ETH, "--resample", "daily",
            "--target-vol", String.valueOf(TARGET), "--window", "60", "--rebalance-days", "7", "--out",
            out.toString()).code());
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        byName = BacktestCommandTest.byName(summary);
        assertTrue(Files.readAllLines(out.resolve("bars.csv")).size() == 1 + summary.get("bars").asInt());
    }

    private static double vol(String name) {
        return byName.get(name).get("annualized_vol").asDouble();
    }

    @Test
    void tradesTheDailyOverlapAfterTheCovarianceWarmUp() {
        // ETH hourly starts 2018-05-15; 60 daily returns later the first allocation is 2018-07-14.
        assertEquals("2018-07-14", summary.get("from").asText());
        assertEquals("2022-03-22", summary.get("to").asText());
        assertEquals(1348, summary.get("bars").asInt());
        assertEquals(365, summary.get("periods_per_year").asDouble());
        assertEquals(Set.of("equal_weight", "inverse_vol", "erc", "erc_vol_target", "buy_and_hold_btc",
            "buy_and_hold_eth"), byName.keySet());
        for (JsonNode s : summary.get("strategies")) {
            for (String field : List.of("annualized_vol", "max_drawdown", "sharpe", "cagr", "cvar_95", "turnover",
                "costs")) {
                assertTrue(s.get(field).isNumber(), s.get("name") + " " + field);
            }
            assertEquals(0, s.get("premium").asDouble());
        }
    }

    @Test
    void riskParityVolLiesBetweenTheAssetsAndBelowEqualWeight() {
        // ETH (97.9%) is more volatile than BTC (72.6%); ERC holds more BTC, so its vol (78.7%) sits
        // between them and under equal weight's (80.9%).
        assertTrue(vol("buy_and_hold_btc") < vol("erc") && vol("erc") < vol("buy_and_hold_eth"));
        assertTrue(vol("erc") < vol("equal_weight"));
        assertTrue(byName.get("erc").get("mean_weights").get("btc").asDouble() > 0.55);
    }

    @Test
    void withTwoAssetsErcIsInverseVol() {
        // w_1 sigma_1 (w_1 sigma_1 + rho w_2 sigma_2) = w_2 sigma_2 (w_2 sigma_2 + rho w_1 sigma_1) holds
        // exactly when w_1 sigma_1 = w_2 sigma_2, whatever the correlation.
        assertEquals(byName.get("inverse_vol").get("final_nav").asDouble(),
            byName.get("erc").get("final_nav").asDouble(), 1e-6);
    }

    @Test
    void volTargetedErcRealisesItsTargetWithinFifteenPercent() {
        // Measured 44.2% on a 40% target: the 60-day forecast lags the 2020-03 and 2021 spikes.
        double realised = vol("erc_vol_target");
        assertTrue(Math.abs(realised / TARGET - 1) < 0.15, "realised " + realised);
        assertTrue(byName.get("erc_vol_target").get("max_drawdown").asDouble()
            < byName.get("erc").get("max_drawdown").asDouble());
    }

    @Test
    void hourlyEthResamplesToUtcDayCloses() throws Exception {
        PriceBars daily = AllocationInputs.dailyCloses(PriceBarsCsv.read(Path.of(ETH)));
        // 2018-05-15 starts at 06:00 but ends at midnight: a whole day's close. 2022-03-23 holds two
        // hours only, so the last close is 2022-03-22's.
        assertEquals("2018-05-15", BacktestSession.date(daily.epochSeconds()[0]));
        assertEquals("2022-03-22", BacktestSession.date(daily.epochSeconds()[daily.size() - 1]));
        // 2018-05-16's close is its 23:00 bar's close.
        assertEquals(706.88, daily.close()[1]);
        assertEquals(1408, daily.size());
    }

    @Test
    void refusesASingleAsset() {
        BacktestCommandTest.Result r = BacktestCommandTest.cli("allocate", "--prices", BTC, "--out",
            tmp.resolve("one").toString());
        assertEquals(2, r.code());
        assertEquals("volvault allocate: --prices given 1 time(s): an allocation needs at least 2 assets",
            r.err().strip());
    }

    @Test
    void refusesHourlyAgainstDailyWithoutResampling() {
        BacktestCommandTest.Result r = BacktestCommandTest.cli("allocate", "--prices", BTC, "--prices", ETH, "--out",
            tmp.resolve("mixed").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().strip().lines().count() == 1 && r.err().contains("1.0 h apart")
            && r.err().contains("--resample daily"), r.err());
    }

    @Test
    void refusesSeriesWithoutCommonDates() throws Exception {
        Path early = tmp.resolve("early_usd_daily.csv");
        Path late = tmp.resolve("late_usd_daily.csv");
        Files.write(early, List.of("timestamp,open,high,low,close", "2020-01-01,1,1,1,1", "2020-01-02,1,1,1,1",
            "2020-01-03,1,1,1,1"));
        Files.write(late, List.of("timestamp,open,high,low,close", "2021-01-01,1,1,1,1", "2021-01-02,1,1,1,1",
            "2021-01-03,1,1,1,1"));
        BacktestCommandTest.Result r = BacktestCommandTest.cli("allocate", "--prices", early.toString(), "--prices",
            late.toString(), "--out", tmp.resolve("apart").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().strip().lines().count() == 1 && r.err().contains("0 common bar times")
            && r.err().contains("2021-01-01 .. 2021-01-03"), r.err());
    }

    @Test
    void refusesUnsortedPrices() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(BTC)).subList(0, 100);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.swap(rows, 10, 11);
        rows.add(0, lines.get(0));
        Path unsorted = tmp.resolve("unsorted_usd_daily.csv");
        Files.write(unsorted, rows);
        BacktestCommandTest.Result r = BacktestCommandTest.cli("allocate", "--prices", unsorted.toString(),
            "--prices", BTC, "--out", tmp.resolve("unsorted").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().strip().lines().count() == 1 && r.err().contains("line 12")
            && r.err().contains("oldest first"), r.err());
    }
}
