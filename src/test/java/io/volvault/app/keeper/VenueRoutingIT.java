package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.HardhatScripts;
import io.volvault.app.chain.PlannedTx;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.TestToken;
import io.volvault.strategy.Action;
import io.volvault.strategy.Strategy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The keeper's venue choice on a Hardhat node (the node of scripts/test, {@code -Dvolvault.rpc}),
 * against deployments that differ only in their Uniswap v3 pool: the keeper quotes both venues and
 * routes by cost, and the vault executes the legs it planned. Our pool is always 0.30 % and 1,000
 * WETH deep at 3,000 USD.
 */
class VenueRoutingIT {

    private static final int OWNER = 0;
    private static final int KEEPER = 1;
    private static final int ALICE = 5;
    private static final BigInteger E18 = BigInteger.TEN.pow(18);
    private static Web3j web3j;
    private static final StaticEIP1559GasProvider GAS = new StaticEIP1559GasProvider(HardhatAccounts.CHAIN_ID,
        BigInteger.valueOf(100_000_000_000L), BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(5_000_000));

    @TempDir
    static Path dir;

    @BeforeAll
    static void connect() {
        web3j = Web3j.build(new HttpService(property("volvault.rpc")));
    }

    @AfterAll
    static void close() {
        web3j.shutdown();
    }

    @Test
    void aDeepUniswapPoolAtFiveBpsWinsASmallOrderAndALargeOneSplits() throws Exception {
        Market m = deploy("deep", Map.of("UNISWAP_FEE", "500", "UNISWAP_BASE_LIQUIDITY", "1000"));
        String pool = m.d.markets().get(0).pool().address().toLowerCase();
        String uniswap = m.d.markets().get(0).venues().stream().filter(v -> v.kind().equals(Deployment.Venue.UNISWAP_V3))
            .findFirst().orElseThrow().address().toLowerCase();
        // 1 WETH: 0.05 % + 0.1 % impact through Uniswap against 0.30 % + 0.1 % in our pool; the 67,656 gas
        // more of the Uniswap leg is about 0.2 USDC at 1 gwei, the fee difference 7.5 USDC
        Map<String, BigInteger> small = m.rebalance(1);
        assertEquals(Map.of(uniswap, E18), small);
        // the gas is valued at the ETH price of the deployment's WETH market (its oracle: INITIAL_PRICE)
        assertEquals(3_000, m.reader.gasPrice().nativeUsd());
        // 5 WETH: each venue alone would move its price 0.5 %, so it splits where the marginal outputs
        // (1 - f) x y / (x + (1 - f) a)^2 meet. Our pool: x = 1,000, y = 3,000,000, f = 0.3 %; Uniswap after the
        // 1 WETH above: x = 1,000.9995, y = 3e9 / 1,000.9995, f = 0.05 %. Solved by bisection by hand:
        // a_uniswap = 2.6253, a_pool = 2.3747 (one routing step is 0.05 WETH).
        Map<String, BigInteger> large = m.rebalance(5);
        assertEquals(List.of(pool, uniswap), List.copyOf(large.keySet()));
        assertEquals(E18.multiply(BigInteger.valueOf(5)), large.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
        assertEquals(2.6253, large.get(uniswap).doubleValue() / 1e18, 0.05, large.toString());
    }

    @Test
    void aThinUniswapPoolLosesToOurPool() throws Exception {
        Market m = deploy("thin", Map.of("UNISWAP_FEE", "3000", "UNISWAP_BASE_LIQUIDITY", "20"));
        // 1 WETH in 20 WETH at 0.30 %: about 5 % of impact against 0.1 % in our pool at the same fee
        Map<String, BigInteger> legs = m.rebalance(1);
        assertEquals(Map.of(m.d.markets().get(0).pool().address().toLowerCase(), E18), legs);
    }

    /** A deployment whose call vault holds 100 WETH idle. */
    private record Market(Deployment d, ChainReader reader, Keeper.ManagedVault vault) {

        /**
         * Plans the sale of {@code weth} with the keeper's own code, sends it as the keeper, and returns
         * the legs it planned (lower-case venue address -> amount in), after checking that the vault ran each of them.
         */
        Map<String, BigInteger> rebalance(double weth) throws Exception {
            Map<String, BigInteger> legs = new LinkedHashMap<>();
            Keeper.LegQuoter quoter = (venue, baseIn, in) -> {
                legs.put(venue.toLowerCase(), in);
                return reader.quote(venue, baseIn, in);
            };
            VaultSnapshot s = reader.snapshot(vault.vault());
            PlannedTx tx = Keeper.rebalance(vault, s, reader.venues(), quoter, reader.gasPrice(),
                new Action.Swap(-weth, "test"), vault.strategy(), 100);
            TransactionReceipt receipt = send(tx);
            assertEquals("0x1", receipt.getStatus(), tx.description());
            List<OptionVault.RebalancedEventResponse> events = OptionVault.getRebalancedEvents(receipt);
            assertEquals(legs.size(), events.size());
            for (OptionVault.RebalancedEventResponse e : events) {
                assertEquals(legs.get(e.venue.toLowerCase()), e.amountIn, e.venue);
                assertTrue(e.amountOut.compareTo(e.minAmountOut) >= 0);
            }
            return legs;
        }
    }

    private static Market deploy(String name, Map<String, String> uniswap) throws Exception {
        Path hardhat = Path.of(property("volvault.root"), "hardhat");
        Map<String, String> env = new HashMap<>(uniswap);
        env.put("INITIAL_PRICE", "3000");
        env.put("MANAGEMENT_FEE_BPS", "0");
        env.put("PERFORMANCE_FEE_BPS", "0");
        Deployment d = HardhatScripts.deploy(hardhat, property("volvault.rpc"), env, dir.resolve(name + ".json"),
            dir.resolve(name + ".log"));
        TestToken weth = TestToken.load(d.markets().get(0).base().address(), web3j, signer(OWNER), GAS);
        weth.mint(HardhatAccounts.account(ALICE).getAddress(), E18.multiply(BigInteger.valueOf(100))).send();
        TestToken.load(d.markets().get(0).base().address(), web3j, signer(ALICE), GAS)
            .approve(d.markets().get(0).vault(VaultKind.COVERED_CALL).address(), E18.multiply(BigInteger.valueOf(100))).send();
        String alice = HardhatAccounts.account(ALICE).getAddress();
        OptionVault.load(d.markets().get(0).vault(VaultKind.COVERED_CALL).address(), web3j, signer(ALICE), GAS)
            .requestDeposit(E18.multiply(BigInteger.valueOf(100)), alice, alice).send();
        OptionVault.load(d.markets().get(0).vault(VaultKind.COVERED_CALL).address(), web3j, signer(KEEPER), GAS).closeRound(BigInteger.ZERO).send();
        Deployment.Market market = d.markets().get(0);
        ChainReader reader = new ChainReader(web3j, market, d.gasToken(), HardhatAccounts.account(KEEPER).getAddress());
        Keeper.ManagedVault vault = new Keeper.ManagedVault("covered-call", reader.vault(market.vault(VaultKind.COVERED_CALL).address()),
            new Strategy(VaultKind.COVERED_CALL.config(io.volvault.strategy.StrategyConfig.defaults())), reader, null);
        return new Market(d, reader, vault);
    }

    private static TransactionReceipt send(PlannedTx tx) throws Exception {
        FastRawTransactionManager keeper = signer(KEEPER);
        String hash = keeper.sendEIP1559Transaction(HardhatAccounts.CHAIN_ID, BigInteger.valueOf(1_000_000_000L),
            BigInteger.valueOf(100_000_000_000L), BigInteger.valueOf(2_000_000), tx.to(), tx.data(), BigInteger.ZERO)
            .getTransactionHash();
        return new PollingTransactionReceiptProcessor(web3j, 10, 1_000).waitForTransactionReceipt(hash);
    }

    private static FastRawTransactionManager signer(int account) {
        return new FastRawTransactionManager(web3j, HardhatAccounts.account(account), HardhatAccounts.CHAIN_ID,
            new PollingTransactionReceiptProcessor(web3j, 10, 1_000));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run through scripts/test");
        }
        return value;
    }
}
