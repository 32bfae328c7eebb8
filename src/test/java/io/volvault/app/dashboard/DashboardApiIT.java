package io.volvault.app.dashboard;

import static io.volvault.app.dashboard.ExercisedDeployment.ALICE;
import static io.volvault.app.dashboard.ExercisedDeployment.BOB;
import static io.volvault.app.dashboard.ExercisedDeployment.OWNER;
import static io.volvault.app.dashboard.ExercisedDeployment.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.cli.VolvaultCli;
import io.volvault.app.keeper.VaultKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API's answers against the contracts' own views, after deposits, a roll and a settlement. */
class DashboardApiIT {

    private static final BigInteger WETH_SHARE = BigInteger.TEN.pow(21);
    private static final BigInteger USDC_SHARE = BigInteger.TEN.pow(9);

    @TempDir
    Path dir;

    private ExercisedDeployment chain;
    private Dashboard dashboard;
    private DashboardServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        chain = ExercisedDeployment.deploy(dir);
        dashboard = Dashboard.open(System.getProperty("volvault.rpc"), chain.deployment, dir.resolve("index"), 0.4,
            KeeperNotes.NONE);
        server = dashboard.serve(0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        dashboard.close();
        chain.close();
    }

    @Test
    void answersMatchTheChainThroughARoundTrip() throws Exception {
        String call = chain.deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address().toLowerCase();
        String put = chain.deployment.markets().get(0).vault(VaultKind.CASH_SECURED_PUT).address().toLowerCase();

        chain.fundAndRequestDeposits();
        JsonNode alice = get("api/accounts/" + address(ALICE), 200);
        JsonNode aliceCall = position(alice, call);
        assertEquals("10000000000000000000", aliceCall.at("/pendingDeposit/raw").asText());
        assertEquals("10", aliceCall.at("/pendingDeposit/value").asText());
        assertEquals("the next roll", aliceCall.get("claimableAfter").asText());
        assertEquals("30000000000", position(alice, put).at("/pendingDeposit/raw").asText());
        matchesChain(get("api/vaults/" + call, 200), chain.callVault(OWNER), WETH_SHARE);

        chain.rollAndSell();
        JsonNode callView = get("api/vaults/" + call, 200);
        matchesChain(callView, chain.callVault(OWNER), WETH_SHARE);
        OptionVault.LiveRound live = chain.callVault(OWNER).liveRound().send();
        JsonNode option = callView.get("option");
        assertEquals(live.seriesId.longValueExact(), option.get("seriesId").asLong());
        assertEquals("3300", option.get("strikeUsd").asText());
        assertEquals(Instant.ofEpochSecond(live.expiry.longValueExact()).toString(), option.get("expiry").asText());
        assertEquals("3", option.at("/size/value").asText());
        assertEquals("2", option.at("/unsold/value").asText());
        assertEquals(live.premiumCollected.toString(), option.at("/premium/raw").asText());
        assertEquals("0.8", option.get("impliedVol").asText());
        assertEquals("out of the money", option.get("moneyness").asText());
        assertEquals(1.1, option.get("strikeOverSpot").asDouble(), 1e-12);
        assertEquals(live.expiry.longValueExact() - chain.chainTime(), option.get("secondsLeft").asLong());
        assertTrue(callView.at("/greeks/thetaUsdPerDay").asDouble() > 0, "a writer earns theta");
        assertEquals("open round 2", callView.at("/keeperActions/0/action").asText());
        assertEquals("close round 1", callView.at("/keeperActions/1/action").asText());
        JsonNode bob = position(get("api/accounts/" + address(BOB), 200), call);
        assertEquals("2", bob.at("/pendingDeposit/value").asText());
        assertEquals("the next roll, not before " + Instant.ofEpochSecond(live.expiry.longValueExact()),
            bob.get("claimableAfter").asText());

        chain.settleAndRollAgain();
        for (String vault : new String[] {call, put}) {
            OptionVault contract = vault.equals(call) ? chain.callVault(OWNER) : chain.putVault(OWNER);
            BigInteger unit = vault.equals(call) ? WETH_SHARE : USDC_SHARE;
            JsonNode view = get("api/vaults/" + vault, 200);
            matchesChain(view, contract, unit);
            assertEquals(3, view.get("round").asLong());
            JsonNode history = view.get("priceHistory");
            assertEquals(2, history.size());
            for (JsonNode point : history) {
                BigInteger closing = contract.roundPrice(BigInteger.valueOf(point.get("round").asLong())).send().component3();
                assertEquals(new BigDecimal(closing, vault.equals(call) ? 18 : 6).stripTrailingZeros(),
                    new BigDecimal(point.get("price").asText()).stripTrailingZeros());
            }
            // Nothing claimed yet, so every fee charged at a close is still owed.
            assertEquals(contract.accruedFees().send().toString(), view.at("/fees/charged/raw").asText());
            assertEquals(contract.accruedFees().send().toString(), view.at("/fees/accrued/raw").asText());
            assertEquals("0", view.at("/fees/claimed/raw").asText());
            assertTrue(view.at("/fees/charged/raw").asText().length() > 1, "fees were charged");
            assertEquals(200, view.at("/fees/managementBps").asInt());
            assertEquals(1000, view.at("/fees/performanceBps").asInt());
            assertEquals(9, view.at("/volatility/observations").asInt(), "the deploy price, the first roll's price and seven daily closes");
            assertTrue(view.at("/volatility/realized").asDouble() > 0);
        }
        JsonNode aliceAfter = position(get("api/accounts/" + address(ALICE), 200), call);
        OptionVault vault = chain.callVault(OWNER);
        BigInteger shares = vault.balanceOf(address(ALICE)).send();
        assertEquals(shares.toString(), aliceAfter.at("/shares/raw").asText());
        assertEquals(vault.convertToAssets(shares).send().toString(), aliceAfter.at("/value/raw").asText());
        assertEquals(vault.pendingRedeemRequest(BigInteger.ZERO, address(ALICE)).send().toString(),
            aliceAfter.at("/pendingRedeem/raw").asText());
        assertEquals("0", aliceAfter.at("/claimableShares/raw").asText());
        assertEquals(vault.maxMint(address(BOB)).send().toString(),
            position(get("api/accounts/" + address(BOB), 200), call).at("/claimableShares/raw").asText());
        assertEquals(List.of("RedeemRequest", "Deposit", "DepositRequest"),
            StreamSupport.stream(aliceAfter.get("history").spliterator(), false)
                .map(a -> a.get("event").asText()).toList());

        // status --json prints the same facts, from an index of its own built from scratch.
        JsonNode status = DashboardJson.MAPPER.readTree(cli(0, "status", "--rpc", System.getProperty("volvault.rpc"),
            "--deployment", chain.deploymentFile.toString(), "--index-dir", dir.resolve("status-index").toString(),
            "--address", address(ALICE), "--json"));
        assertEquals(vault.totalAssets().send().toString(), status.at("/vaults/0/tvl/raw").asText());
        assertEquals(get("api/vaults", 200).get(1).get("priceHistory"), status.at("/vaults/1/priceHistory"));
        assertEquals(shares.toString(), position(status.get("account"), call).at("/shares/raw").asText());
    }

    @Test
    void badAndUnknownAddressesGetJsonErrors() throws Exception {
        assertEquals("account address must be 0x followed by 40 hex digits, was '0x12'",
            get("api/accounts/0x12", 400).get("error").asText());
        assertEquals("vault address must be 0x followed by 40 hex digits, was 'vault'",
            get("api/vaults/vault", 400).get("error").asText());
        String stranger = "0x" + "5".repeat(40);
        assertEquals("no position and no history for " + stranger, get("api/accounts/" + stranger, 404).get("error").asText());
        String oracle = chain.deployment.markets().get(0).oracle().address();
        assertEquals("no vault of this deployment at " + oracle, get("api/vaults/" + oracle, 404).get("error").asText());
        assertTrue(get("api/vaults", 200).get(0).get("option").isNull(), "no option before the first roll");
    }

    /** Runs the CLI, checks its exit code and returns what it printed on stdout. */
    private static String cli(int exitCode, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(exitCode, VolvaultCli.run(args));
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The headline numbers equal the contract's views read right now. */
    private static void matchesChain(JsonNode view, OptionVault vault, BigInteger oneShare) throws Exception {
        assertEquals(vault.totalAssets().send().toString(), view.at("/tvl/raw").asText());
        assertEquals(vault.totalSupply().send().toString(), view.at("/totalSupply/raw").asText());
        assertEquals(vault.convertToAssets(oneShare).send().toString(), view.at("/sharePrice/raw").asText());
        assertEquals(vault.currentRound().send().longValueExact(), view.get("round").asLong());
    }

    private static JsonNode position(JsonNode account, String vault) {
        for (JsonNode p : account.get("positions")) {
            if (p.get("vault").asText().equals(vault)) {
                return p;
            }
        }
        throw new AssertionError("no position in " + vault + ": " + account);
    }

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + " -> " + response.body());
        return DashboardJson.MAPPER.readTree(response.body());
    }
}
