package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.volvault.app.UserInputException;
import io.volvault.app.chain.Deployment;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** What the keeper accepts of a market's venues before it reads anything from the chain. */
class ChainReaderTest {

    /** Loading the wrappers needs no node. */
    private static final Web3j OFFLINE = Web3j.build(new HttpService("http://127.0.0.1:1"));
    private static final String FROM = "0x7000000000000000000000000000000000000000";
    private static final Deployment.NativeToken ETH = new Deployment.NativeToken("ETH", null, "3000");

    @AfterAll
    static void close() {
        OFFLINE.shutdown();
    }

    private static Deployment.Market market(List<Deployment.Venue> venues) {
        return new Deployment.Market("WBTC/USDC", new Deployment.Token("0x1000000000000000000000000000000000000000", "WBTC", 8),
            new Deployment.Token("0x2000000000000000000000000000000000000000", "USDC", 6),
            new Deployment.Oracle("push", "0x3000000000000000000000000000000000000000", 8, 3600),
            new Deployment.VolFeed("0x4000000000000000000000000000000000000000", 86400),
            "0x5000000000000000000000000000000000000000", venues, "0x6000000000000000000000000000000000000000",
            List.of(new Deployment.Vault(VaultKind.COVERED_CALL, "0x8000000000000000000000000000000000000000")));
    }

    private static final Deployment.Venue POOL = new Deployment.Venue(Deployment.Venue.CONSTANT_PRODUCT,
        "0xa000000000000000000000000000000000000000", 30);
    private static final Deployment.Venue UNISWAP = new Deployment.Venue(Deployment.Venue.UNISWAP_V3,
        "0xb000000000000000000000000000000000000000", 5);

    @Test
    void routesOverThePoolAndUniswapAndChecksTheOracleAgainstThePool() {
        ChainReader reader = new ChainReader(OFFLINE, market(List.of(UNISWAP, POOL)), ETH, FROM);
        assertEquals(POOL.address(), reader.pool());
        assertEquals(3600, reader.heartbeatSeconds());
    }

    @Test
    void refusesAMarketWithoutAPoolOrWithAVenueItCannotModel() {
        assertEquals("market WBTC/USDC has no constant-product venue: the keeper checks the oracle against one",
            assertThrows(UserInputException.class, () -> new ChainReader(OFFLINE, market(List.of(UNISWAP)), ETH, FROM)).getMessage());
        Deployment.Venue future = new Deployment.Venue("curve-v2", "0xc000000000000000000000000000000000000000", null);
        assertEquals("market WBTC/USDC lists a venue of kind curve-v2 at 0xc000000000000000000000000000000000000000:"
                + " the keeper routes through constant-product and uniswap-v3 venues only",
            assertThrows(UserInputException.class, () -> new ChainReader(OFFLINE, market(List.of(POOL, future)), ETH, FROM))
                .getMessage());
    }
}
