package io.volvault.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.volvault.app.demo.DemoSummary.Comparison;
import io.volvault.app.demo.DemoSummary.VaultResult;
import io.volvault.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The demo on 60 days of daily BTC history, and on 10 days of hourly ETH, ends where the
 * backtester, on the same bars and configuration, says it should, within the README's tolerances;
 * and it stops its node.
 */
class DemoIT {

    /** README, "The demo": how far the chain may be from the backtest, and why. */
    static final double GROWTH_TOLERANCE = 0.02;
    static final double VOL_TOLERANCE = 0.05;
    static final double DRAWDOWN_TOLERANCE = 0.03;

    @Test
    void matchesTheBacktestOfTheSamePeriodAndStopsWhatItStarted(@TempDir Path work) throws Exception {
        Path root = Path.of(System.getProperty("volvault.root"));
        StrategyConfig config = StrategyConfig.defaults();
        DemoRun.Options options = new DemoRun.Options("BTC", false, 60, null, root, work);
        DemoSummary summary;
        String rpc;
        try (DemoRun run = DemoRun.start(options, config)) {
            rpc = run.rpcUrl();
            summary = run.replay((done, total, t, close) -> { });
        }
        assertEquals(60, summary.days());
        List<VaultResult> vaults = summary.vaults();
        assertEquals(List.of("covered_call", "cash_secured_put"), vaults.stream().map(VaultResult::kind).toList());
        assertWithinTolerances(vaults);
        VaultResult call = vaults.get(0);
        // Where BTC's forecast vol is under the 40% target the vault holds all its base and writes no
        // calls (they would take delta the target needs; README "Strategy and backtesting", sizing):
        // these 60 days have 4 call rounds (8 or more when calls were written on all the base every week).
        assertTrue(call.rounds() >= 4, "covered-call rounds over 60 days: " + call.rounds());
        assertTrue(call.premium() > 0, "the market maker bought the auctions");

        JsonNode json = new ObjectMapper().readTree(summary.toJson());
        assertEquals(60, json.get("days").asInt());
        assertTrue(json.get("asset_max_drawdown").asDouble() > 0);
        for (String field : List.of("name", "kind", "share_price", "nav", "premium", "rounds", "realized_vol",
                "target_vol", "max_drawdown")) {
            assertTrue(json.get("vaults").get(0).has(field), "JSON field " + field);
        }
        assertEquals(9, json.get("vaults").get(0).size(), "only the documented fields: " + json.get("vaults").get(0));

        assertStopped(rpc);
    }

    /**
     * Hourly ETH, the README's 10-day run (240 bars, implied vol by the realized proxy): the same
     * tolerances hold. Before the backtest was compared marked as the contract marks (live options
     * at intrinsic), the covered-call vault's vol was 9.5 points above the surface-marked backtest's.
     */
    @Test
    void hourlyEthMatchesTheBacktestMarkedAsTheVaultMarks(@TempDir Path work) throws Exception {
        Path root = Path.of(System.getProperty("volvault.root"));
        DemoRun.Options options = new DemoRun.Options("ETH", true, 10, null, root, work);
        DemoSummary summary;
        String rpc;
        try (DemoRun run = DemoRun.start(options, StrategyConfig.defaults())) {
            rpc = run.rpcUrl();
            summary = run.replay((done, total, t, close) -> { });
        }
        assertEquals(10, summary.days());
        List<VaultResult> vaults = summary.vaults();
        assertEquals(List.of("covered_call", "cash_secured_put"), vaults.stream().map(VaultResult::kind).toList());
        assertWithinTolerances(vaults);
        for (VaultResult v : vaults) {
            assertTrue(v.backtest().backtestSurfaceVol() > 0, v.name() + ": the surface-marked vol is reported too");
        }
        assertTrue(vaults.get(0).rounds() >= 2, "weekly covered-call rounds over 10 days: " + vaults.get(0).rounds());
        assertStopped(rpc);
    }

    /**
     * BTC on the recorded Deribit chains from 2026-01-05 (the README's command, 10 days): six
     * snapshots warm up a 3-bar forecast, the keeper trades on the chain's implied vol, and the
     * same tolerances against the backtest hold.
     */
    @Test
    void btcOnTheRecordedChainsFromTheFifthOfJanuary(@TempDir Path work) throws Exception {
        Path root = Path.of(System.getProperty("volvault.root"));
        DemoRun.Options options = new DemoRun.Options("BTC", false, 10, java.time.LocalDate.of(2026, 1, 5), root, work);
        DemoSummary summary;
        String rpc;
        try (DemoRun run = DemoRun.start(options, StrategyConfig.defaults())) {
            rpc = run.rpcUrl();
            assertTrue(run.history().recordedChains());
            assertEquals(6, run.history().firstTraded());
            assertEquals(3, run.config().forecast().windowDays());
            summary = run.replay((done, total, t, close) -> { });
        }
        assertEquals(10, summary.days());
        List<VaultResult> vaults = summary.vaults();
        assertWithinTolerances(vaults);
        assertTrue(vaults.get(0).rounds() >= 1 && vaults.get(0).premium() > 0, "covered calls sold: " + vaults.get(0));
        assertStopped(rpc);
    }

    private static void assertWithinTolerances(List<VaultResult> vaults) {
        for (VaultResult v : vaults) {
            Comparison c = v.backtest();
            assertTrue(Math.abs(c.chainGrowth() - c.backtestGrowth()) < GROWTH_TOLERANCE, v.name() + " growth " + c);
            assertTrue(Math.abs(c.chainVol() - c.backtestVol()) < VOL_TOLERANCE, v.name() + " vol " + c);
            assertTrue(Math.abs(c.chainDrawdown() - c.backtestDrawdown()) < DRAWDOWN_TOLERANCE, v.name() + " drawdown " + c);
            assertEquals(0.40, v.targetVol());
            assertTrue(v.nav() > 0 && v.sharePrice() > 0, v.toString());
        }
    }

    private static void assertStopped(String rpc) {
        Web3j stopped = Web3j.build(new HttpService(rpc));
        assertThrows(IOException.class, () -> stopped.ethChainId().send(), "the demo's node is stopped");
        stopped.shutdown();
    }
}
