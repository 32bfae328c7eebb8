package io.volvault.app.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.volvault.app.UserInputException;
import io.volvault.app.keeper.VaultKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment file deploy.js writes (format 2): every market and vault, with the units of its tokens. */
class DeploymentTest {

    @TempDir
    Path dir;

    private static String market(String name, String base, int decimals, String prefix, String vaults) {
        return """
            {"name": "%s",
             "base": {"address": "%s", "symbol": "%s", "decimals": %d, "test": true},
             "quote": {"address": "%s", "symbol": "USDC", "decimals": 6},
             "oracle": {"kind": "chainlink", "address": "%s", "decimals": 8,
                        "heartbeatSeconds": 3600},
             "volFeed": {"address": "%s", "heartbeatSeconds": 86400},
             "venueRegistry": "%s",
             "venues": [{"kind": "a-venue-kind-of-the-future", "address": "%s"},
                        {"kind": "constant-product", "address": "%s", "feeBps": 30}],
             "options": "%s",
             "vaults": [%s]}""".formatted(name, address(prefix, 1), base, decimals, address(prefix, 2), address(prefix, 3), address(prefix, 4),
                address(prefix, 9), address(prefix, 6), address(prefix, 5), address(prefix, 7), vaults);
    }

    /** 0x, the prefix, zeros and the digit n: 40 hex digits. */
    private static String address(String prefix, int n) {
        return "0x" + prefix + "0".repeat(38) + n;
    }

    private Path write(String markets) throws IOException {
        return write(markets, "");
    }

    /** {@code extra}: more top-level fields, each followed by a comma. */
    private Path write(String markets, String extra) throws IOException {
        return Files.writeString(dir.resolve("deployment.json"), """
            {"format": 2, "network": "localhost", "chainId": 11155111, "blockNumber": 7, %s
             "keeperLog": "0x3000000000000000000000000000000000000000",
             "roles": {"owner": "0x1000000000000000000000000000000000000000", "keeper": "0x2000000000000000000000000000000000000000"},
             "markets": [%s]}""".formatted(extra, markets));
    }

    private static final String WBTC_CALL = "{\"kind\": \"covered-call\", \"address\": \"0xb000000000000000000000000000000000000008\"}";

    @Test
    void listsEveryVaultOfEveryMarketWithItsTokenUnits() throws IOException {
        Deployment d = Deployment.read(write(market("WETH/USDC", "WETH", 18, "a",
            "{\"kind\": \"covered-call\", \"address\": \"0xa000000000000000000000000000000000000008\"}") + ","
            + market("WBTC/USDC", "WBTC", 8, "b",
            "{\"kind\": \"covered-call\", \"address\": \"0xb000000000000000000000000000000000000008\"},"
                + "{\"kind\": \"cash-secured-put\", \"address\": \"0xb000000000000000000000000000000000000009\"}")));
        assertEquals(List.of("WETH/USDC covered-call", "WBTC/USDC covered-call", "WBTC/USDC cash-secured-put"),
            d.vaults().stream().map(Deployment.MarketVault::label).toList());
        Deployment.MarketVault put = d.vault("0xB000000000000000000000000000000000000009");
        assertEquals(VaultKind.CASH_SECURED_PUT, put.vault().kind());
        assertEquals(BigInteger.TEN.pow(8), put.market().base().unit());
        assertEquals(BigInteger.TEN.pow(6), put.market().asset(VaultKind.CASH_SECURED_PUT).unit());
        // the pool is the first constant-product venue, wherever the list puts it; the registry lists them all
        assertEquals("0xb000000000000000000000000000000000000005", put.market().pool().address());
        assertEquals("0xb000000000000000000000000000000000000009", put.market().venueRegistry());
        assertEquals("0x3000000000000000000000000000000000000000", d.keeperLog());
        assertEquals(3600, put.market().oracle().heartbeatSeconds());
        assertEquals("no vault 0xc000000000000000000000000000000000000000 in this deployment",
            assertThrows(IllegalArgumentException.class, () -> d.vault("0xc000000000000000000000000000000000000000")).getMessage());
        assertEquals("market WETH/USDC has no cash-secured-put vault",
            assertThrows(IllegalArgumentException.class, () -> d.markets().get(0).vault(VaultKind.CASH_SECURED_PUT)).getMessage());
    }

    @Test
    void refusesTheOldFormatAnUnknownKindAndABadAddressByName() throws IOException {
        Path old = Files.writeString(dir.resolve("old.json"), """
            {"network": "localhost", "chainId": 31337, "blockNumber": 1, "contracts": {}, "roles": {}, "parameters": {}}""");
        assertEquals("deployment file " + old + ": format must be 2, was null (redeploy with scripts/volvault deploy)",
            assertThrows(UserInputException.class, () -> Deployment.read(old)).getMessage());
        Path straddle = write(market("X/USDC", "X", 18, "a",
            "{\"kind\": \"straddle\", \"address\": \"0xa000000000000000000000000000000000000008\"}"));
        UserInputException e = assertThrows(UserInputException.class, () -> Deployment.read(straddle));
        assertEquals(true, e.getMessage().contains("vault kind must be covered-call or cash-secured-put, was straddle"), e.getMessage());
        Path bad = write(market("X/USDC", "X", 18, "a", "{\"kind\": \"covered-call\", \"address\": \"0x12\"}"));
        assertEquals("deployment file " + bad + ": markets[0].vaults[0].address must be a 0x address, was 0x12",
            assertThrows(UserInputException.class, () -> Deployment.read(bad)).getMessage());
        Path noPool = Files.writeString(dir.resolve("no-pool.json"), Files.readString(write(market("X/USDC", "X", 18, "a",
            "{\"kind\": \"covered-call\", \"address\": \"0xa000000000000000000000000000000000000008\"}")))
            .replace("\"constant-product\"", "\"uniswap-v3\""));
        assertEquals("market X/USDC has no constant-product venue: the keeper checks the oracle against one",
            assertThrows(UserInputException.class, () -> Deployment.read(noPool).markets().get(0).pool()).getMessage());
        Path noRegistry = Files.writeString(dir.resolve("no-registry.json"), Files.readString(noPool)
            .replaceAll("\"venueRegistry\": \"0x[0-9a-f]+\",", ""));
        assertEquals("deployment file " + noRegistry + ": markets[0].venueRegistry must be a 0x address, was null",
            assertThrows(UserInputException.class, () -> Deployment.read(noRegistry)).getMessage());
    }

    @Test
    void gasIsValuedAtTheEthMarketsOracleElseAtTheConfiguredNativeToken() throws IOException {
        // WETH/USDC's oracle is its market's third address: 0xa0...03
        Deployment both = Deployment.read(write(market("WETH/USDC", "WETH", 18, "a",
            "{\"kind\": \"covered-call\", \"address\": \"0xa000000000000000000000000000000000000008\"}") + ","
            + market("WBTC/USDC", "WBTC", 8, "b", WBTC_CALL)));
        assertEquals(new Deployment.NativeToken("ETH", both.markets().get(0).oracle(), null), both.gasToken());
        assertEquals("0xa000000000000000000000000000000000000003", both.gasToken().oracle().address());

        Path btcOnly = write(market("WBTC/USDC", "WBTC", 8, "b", WBTC_CALL));
        assertEquals("the deployment has no ETH market and no nativeToken: the keeper values routing gas, paid in ETH, in"
                + " each market's quote token; add nativeToken {symbol, oracle or price} to the deploy configuration",
            assertThrows(UserInputException.class, () -> Deployment.read(btcOnly).gasToken()).getMessage());

        Deployment feed = Deployment.read(write(market("WBTC/USDC", "WBTC", 8, "b", WBTC_CALL),
            "\"nativeToken\": {\"symbol\": \"ETH\", \"oracle\": {\"kind\": \"chainlink\", \"address\":"
                + " \"0x694AA1769357215DE4FAC081bf1f309aDC325306\", \"decimals\": 8, \"heartbeatSeconds\": 3600}},"));
        assertEquals("0x694AA1769357215DE4FAC081bf1f309aDC325306", feed.gasToken().oracle().address());
        assertEquals(BigInteger.TEN.pow(8), feed.gasToken().oracle().unit());

        Deployment fixed = Deployment.read(write(market("WBTC/USDC", "WBTC", 8, "b", WBTC_CALL),
            "\"nativeToken\": {\"symbol\": \"POL\", \"priceUsd\": \"0.25\"},"));
        assertEquals(new Deployment.NativeToken("POL", null, "0.25"), fixed.gasToken());
        // a market of the wrapped native token still wins over the configured price
        Deployment wpol = Deployment.read(write(market("WPOL/USDC", "WPOL", 18, "c", WBTC_CALL.replace("0xb", "0xc")),
            "\"nativeToken\": {\"symbol\": \"POL\", \"priceUsd\": \"0.25\"},"));
        assertEquals("0xc000000000000000000000000000000000000003", wpol.gasToken().oracle().address());

        Path neither = write(market("WBTC/USDC", "WBTC", 8, "b", WBTC_CALL), "\"nativeToken\": {\"symbol\": \"ETH\"},");
        assertEquals("deployment file " + neither + ": nativeToken needs either an oracle or a priceUsd, had neither",
            assertThrows(UserInputException.class, () -> Deployment.read(neither)).getMessage());
        Path zero = write(market("WBTC/USDC", "WBTC", 8, "b", WBTC_CALL),
            "\"nativeToken\": {\"symbol\": \"ETH\", \"priceUsd\": \"0\"},");
        assertEquals("deployment file " + zero + ": nativeToken.priceUsd must be a positive decimal, was 0",
            assertThrows(UserInputException.class, () -> Deployment.read(zero)).getMessage());
    }
}
