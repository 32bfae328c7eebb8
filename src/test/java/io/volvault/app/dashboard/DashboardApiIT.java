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
import io.volvault.app.keeper.DecisionRecord;
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
        assertEquals(DecisionRecord.codeVersion(), callView.at("/proofs/codeVersion").asText());
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

    /**
     * Alice's 10 WETH are round 1's only deposit: the round closes empty, so they buy
     * 10e18 x (0 + 10^3) / (0 + 1) = 10^22 share units (10 shares of 21 decimals) at 1 WETH a share,
     * a cost basis of 10 WETH. Round 2 sells 3 calls struck at 3,300 USD (3 WETH of collateral) for a
     * premium P (the auction's price when the buyer bought, read from the chain). At 3,630 USD the calls
     * owe ceil(3e18 x (3,630 - 3,300) / 3,630) = ceil(2.727...e17) = 272,727,272,727,272,728 wei, so the
     * vault is worth A = 10e18 + P - 272,727,272,727,272,728 on 10^22 shares.
     *
     * <p>Alice claims and sends a third, S = floor(10^22 / 3) = 3,333,333,333,333,333,333,333 units, to
     * Carol. Alice's basis falls pro rata: 10e18 x S / 10^22 = 3,333,333,333,333,333,333.33 -> 3.333...333
     * WETH leaves, 6,666,666,666,666,666,667 wei stays on 6,666,666,666,666,666,666,667 units. Carol's
     * shares enter at the share price of the transfer's block: floor(S x (A + 1) / (10^22 + 10^3)).
     * Then the price goes back to 3,000 USD (the calls owe nothing, the vault is worth 10e18 + P), and
     * each P&L is floor(shares x (10e18 + P + 1) / (10^22 + 10^3)) less the basis; nothing is realized.
     */
    @Test
    void sharesSentLeaveAtAverageCostAndSharesReceivedEnterAtTheSharePriceOfTheirBlock() throws Exception {
        String call = chain.deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address().toLowerCase();
        String carol = "0x00000000000000000000000000000000000ca201";
        BigInteger e18 = BigInteger.TEN.pow(18);
        BigInteger units = BigInteger.TEN.pow(22);
        BigInteger virtualShares = BigInteger.valueOf(1_000);
        chain.fundAndRequestDeposits();
        chain.rollAndSell();
        OptionVault alice = chain.callVault(ALICE);
        assertEquals(units, alice.maxMint(address(ALICE)).send(), "10 WETH bought 10^22 share units");
        alice.mint(units, address(ALICE), address(ALICE)).send();

        chain.pushPrice(3630);
        BigInteger premium = alice.liveRound().send().premiumCollected;
        BigInteger owed = new BigInteger("272727272727272728");
        BigInteger worth = BigInteger.TEN.multiply(e18).add(premium).subtract(owed);
        assertEquals(worth, alice.totalAssets().send(), "the vault's value at 3,630 USD, by hand");
        BigInteger third = new BigInteger("3333333333333333333333");
        alice.transfer(carol, third).send();
        BigInteger carolBasis = third.multiply(worth.add(BigInteger.ONE)).divide(units.add(virtualShares));
        BigInteger aliceShares = new BigInteger("6666666666666666666667");
        BigInteger aliceBasis = new BigInteger("6666666666666666667");

        chain.pushPrice(3000);
        BigInteger worthNow = BigInteger.TEN.multiply(e18).add(premium);
        assertEquals(worthNow, alice.totalAssets().send(), "at 3,000 USD the calls owe nothing");
        JsonNode a = position(get("api/accounts/" + address(ALICE), 200), call);
        assertEquals(aliceShares.toString(), a.at("/shares/raw").asText());
        assertEquals(aliceBasis.toString(), a.at("/costBasis/raw").asText());
        assertEquals(aliceShares.multiply(worthNow.add(BigInteger.ONE)).divide(units.add(virtualShares)).subtract(aliceBasis)
            .toString(), a.at("/unrealizedPnl/raw").asText());
        assertEquals("0", a.at("/realizedPnl/raw").asText());
        JsonNode sent = a.get("history").get(0);
        assertEquals("TransferOut", sent.get("event").asText());
        assertEquals(third.toString(), sent.at("/amount/raw").asText());
        assertEquals("3333333333333333333", sent.at("/converted/raw").asText(), "the basis that left with the shares");
        assertEquals(carol, sent.get("counterparty").asText());

        JsonNode c = position(get("api/accounts/" + carol, 200), call);
        assertEquals(third.toString(), c.at("/shares/raw").asText());
        assertEquals(carolBasis.toString(), c.at("/costBasis/raw").asText());
        assertTrue(carolBasis.compareTo(new BigInteger("3333333333333333333")) < 0, "Carol's shares came in below Alice's cost");
        assertEquals(third.multiply(worthNow.add(BigInteger.ONE)).divide(units.add(virtualShares)).subtract(carolBasis).toString(),
            c.at("/unrealizedPnl/raw").asText());
        assertEquals("0", c.at("/realizedPnl/raw").asText());
        assertEquals(1, c.get("history").size(), c.toString());
        JsonNode received = c.get("history").get(0);
        assertEquals("TransferIn", received.get("event").asText());
        assertEquals(carolBasis.toString(), received.at("/converted/raw").asText());
        assertEquals(address(ALICE).toLowerCase(), received.get("counterparty").asText());

        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/accounts/" + carol
            + "/history.csv")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> rows = csv.body().lines().toList();
        assertEquals(2, rows.size(), csv.body());
        assertTrue(rows.get(1).endsWith(",TransferIn,3.333333333333333333333," + a.at("/shares/unit").asText() + ",,,"
            + Amount.of(carolBasis, 18, "WETH").value().toPlainString() + ",WETH," + address(ALICE).toLowerCase()), rows.get(1));
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
