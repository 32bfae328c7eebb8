package io.volvault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.HardhatNode;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.TestToken;
import io.volvault.app.keeper.VaultKind;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.utils.Numeric;

/**
 * The Sepolia rehearsal: a node with Sepolia's chain id 11155111 whose only accounts are keys made
 * here, and the commands a Sepolia user types (as `scripts/volvault ...` runs them: the same main
 * class and arguments): deploy both markets from src/config/deploy-rehearsal.yaml with the deployer's
 * key in VOLVAULT_PRIVATE_KEY, run the keeper from a keystore file, read status and the dashboard.
 */
class TestnetRehearsalIT {

    private static final long SEPOLIA = 11_155_111;
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {}

    private final Path root = Path.of(System.getProperty("volvault.root")).toAbsolutePath();

    @Test
    void aSepoliaUserDeploysBothMarketsRunsTheKeeperAndReadsStatusAndTheDashboard(@TempDir Path work) throws Exception {
        Credentials deployer = Credentials.create(Keys.createEcKeyPair());
        Credentials keeper = Credentials.create(Keys.createEcKeyPair());
        Credentials oracleUpdater = Credentials.create(Keys.createEcKeyPair());
        Credentials volUpdater = Credentials.create(Keys.createEcKeyPair());
        String nodeKeys = Stream.of(deployer, keeper, oracleUpdater, volUpdater).map(TestnetRehearsalIT::privateKey)
            .collect(Collectors.joining(","));
        try (HardhatNode node = HardhatNode.start(root.resolve("hardhat"), work.resolve("node.log"),
                Optional.of(HardhatNode.NODE_CONFIG), Map.of("VOLVAULT_CHAIN_ID", String.valueOf(SEPOLIA),
                    "VOLVAULT_NODE_KEYS", nodeKeys), SEPOLIA)) {
            String rpc = node.rpcUrl();
            Path file = work.resolve("sepolia.json");
            String config = root.resolve("src/config/deploy-rehearsal.yaml").toString();

            // Hardhat's published key is refused on this chain before anything is sent.
            Run refused = cli(work, Map.of("VOLVAULT_PRIVATE_KEY", privateKey(HardhatAccounts.account(0))),
                "deploy", "--rpc", rpc, "--config", config, "--out", file.toString());
            assertEquals(2, refused.exit(), refused.err());
            assertTrue(refused.err().contains("is a published Hardhat test key; refused on chain id 11155111"), refused.err());

            // VOLVAULT_PRIVATE_KEY=... KEEPER=... ORACLE_UPDATER=... VOL_UPDATER=... scripts/volvault deploy ...
            Run deployed = cli(work, Map.of("VOLVAULT_PRIVATE_KEY", privateKey(deployer), "KEEPER", keeper.getAddress(),
                    "ORACLE_UPDATER", oracleUpdater.getAddress(), "VOL_UPDATER", volUpdater.getAddress()),
                "deploy", "--rpc", rpc, "--config", config, "--out", file.toString());
            assertEquals(0, deployed.exit(), deployed.err());
            Deployment d = Deployment.read(file);
            assertEquals(SEPOLIA, d.chainId());
            assertEquals(deployer.getAddress(), d.roles().owner().toLowerCase());
            assertEquals(keeper.getAddress(), d.roles().keeper().toLowerCase());
            assertEquals(List.of("WETH/USDC covered-call", "WETH/USDC cash-secured-put", "WBTC/USDC covered-call",
                "WBTC/USDC cash-secured-put"), d.vaults().stream().map(Deployment.MarketVault::label).toList());
            Deployment.Market btc = d.markets().get(1);
            assertEquals(8, btc.base().decimals());

            // A depositor (the deployer, who may mint the test tokens) asks to put 2 WBTC into the covered-call vault.
            String wbtcVault = btc.vault(VaultKind.COVERED_CALL).address();
            BigInteger twoWbtc = BigInteger.valueOf(200_000_000);
            Web3j web3j = Web3j.build(new HttpService(rpc));
            try {
                RawTransactionManager signer = new RawTransactionManager(web3j, deployer, SEPOLIA);
                StaticEIP1559GasProvider gas = new StaticEIP1559GasProvider(SEPOLIA, BigInteger.valueOf(100_000_000_000L),
                    BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(3_000_000));
                TestToken wbtc = TestToken.load(btc.base().address(), web3j, signer, gas);
                wbtc.mint(deployer.getAddress(), twoWbtc).send();
                wbtc.approve(wbtcVault, twoWbtc).send();
                OptionVault.load(wbtcVault, web3j, signer, gas).requestDeposit(twoWbtc, deployer.getAddress(), deployer.getAddress()).send();

                // VOLVAULT_KEYSTORE_PASSWORD=... scripts/volvault keeper --rpc ... --deployment ... --keystore ... --once
                Path keystores = Files.createDirectories(work.resolve("keystore"));
                Path keystore = keystores.resolve(WalletUtils.generateWalletFile("rehearsal", keeper.getEcKeyPair(),
                    keystores.toFile(), false));
                Run kept = cli(work, Map.of("VOLVAULT_KEYSTORE_PASSWORD", "rehearsal"), "keeper", "--rpc", rpc,
                    "--deployment", file.toString(), "--keystore", keystore.toString(), "--once", "--implied-vol", "proxy",
                    "--journal", work.resolve("journal").toString());
                assertEquals(0, kept.exit(), kept.err());
                // The keeper closed the WBTC vault's first round (round 1 -> 2: the deposit became shares) and nothing else.
                OptionVault readVault = OptionVault.load(wbtcVault, web3j, signer, gas);
                assertEquals(BigInteger.TWO, readVault.currentRound().send());
                assertEquals(twoWbtc, readVault.totalAssets().send());
                assertEquals(BigInteger.ONE, OptionVault.load(d.markets().get(0).vault(VaultKind.COVERED_CALL).address(), web3j,
                    signer, gas).currentRound().send());
            } finally {
                web3j.shutdown();
            }

            // scripts/volvault status --rpc ... --deployment ... --json
            Run status = cli(work, Map.of(), "status", "--rpc", rpc, "--deployment", file.toString(), "--json");
            assertEquals(0, status.exit(), status.err());
            Map<String, JsonNode> byAddress = byAddress(JSON.readTree(status.out()).get("vaults"));
            assertEquals(addresses(d), byAddress.keySet());
            JsonNode btcCall = byAddress.get(wbtcVault.toLowerCase());
            assertEquals(2, btcCall.get("round").asInt());
            assertEquals("200000000", btcCall.get("tvl").get("raw").asText());
            assertEquals("WBTC", btcCall.get("tvl").get("unit").asText());

            // scripts/volvault dashboard --rpc ... --deployment ... --port 0
            assertEquals(addresses(d), byAddress(dashboardVaults(work, rpc, file)).keySet());
        }
    }

    private static Set<String> addresses(Deployment d) {
        return d.vaults().stream().map(v -> v.vault().address().toLowerCase()).collect(Collectors.toSet());
    }

    private static Map<String, JsonNode> byAddress(JsonNode vaults) {
        return StreamSupport.stream(vaults.spliterator(), false)
            .collect(Collectors.toMap(v -> v.get("address").asText().toLowerCase(), v -> v));
    }

    /** Starts the dashboard, reads /api/vaults once it serves, and stops it (the process this test started). */
    private JsonNode dashboardVaults(Path work, String rpc, Path file) throws Exception {
        Path out = work.resolve("dashboard.out");
        Process dashboard = process(work, Map.of(), out, work.resolve("dashboard.err"), "dashboard", "--rpc", rpc,
            "--deployment", file.toString(), "--port", "0", "--index-dir", work.resolve("dashboard-index").toString());
        try {
            Pattern serving = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/?)");
            long deadline = System.nanoTime() + CLI_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && dashboard.isAlive()) {
                Matcher m = serving.matcher(Files.readString(out));
                if (m.find()) {
                    String url = m.group(1).endsWith("/") ? m.group(1) : m.group(1) + "/";
                    HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(url + "api/vaults")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                    return JSON.readTree(r.body());
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the dashboard did not serve: " + Files.readString(work.resolve("dashboard.err")));
        } finally {
            dashboard.destroy();
            if (!dashboard.waitFor(10, TimeUnit.SECONDS)) {
                dashboard.destroyForcibly();
            }
        }
    }

    /** One CLI command to its end, with {@code env} added to a clean copy of this environment. */
    private Run cli(Path work, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(work, "cli", ".out");
        Path err = Files.createTempFile(work, "cli", ".err");
        Process p = process(work, env, out, err, args);
        if (!p.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("volvault " + String.join(" ", args) + " did not finish in " + CLI_TIMEOUT);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Process process(Path work, Map<String, String> env, Path out, Path err, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
            "-Dvolvault.root=" + root, "-cp", System.getProperty("java.class.path"), "io.volvault.app.cli.VolvaultCli"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = pb.environment();
        for (String name : List.of("VOLVAULT_PRIVATE_KEY", "VOLVAULT_KEYSTORE_PASSWORD", "KEEPER", "ORACLE_UPDATER", "VOL_UPDATER",
                "GUARDIAN", "FEE_RECIPIENT")) {
            environment.remove(name);
        }
        environment.putAll(new HashMap<>(env));
        return pb.start();
    }

    private static String privateKey(Credentials c) {
        return Numeric.toHexStringWithPrefixZeroPadded(c.getEcKeyPair().getPrivateKey(), 64);
    }
}
