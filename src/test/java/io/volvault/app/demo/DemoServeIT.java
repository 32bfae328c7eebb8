package io.volvault.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.volvault.app.chain.Deployment;
import io.volvault.app.keeper.VaultKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * {@code volvault demo --serve --json} as a real process: after the replay it prints the summary
 * with {@code dashboard_url}, the dashboard answers {@code /api/vaults} with both vaults at the
 * summary's share prices, the demo's chain answers {@code eth_chainId}; SIGTERM then stops the
 * CLI, and with it both the dashboard and the Hardhat node (stopped, not orphaned).
 */
class DemoServeIT {

    private static final Duration SUMMARY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CHAIN_LINE = Pattern.compile("chain (http://127\\.0\\.0\\.1:\\d+), deployment (\\S+), market data");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGGED_INPUTS = Pattern.compile("decided from inputs (0x[0-9a-f]{64}):\\n(.*?)\\ndecision: ",
        Pattern.DOTALL);

    /** HTTP/1.1: Hardhat's JSON-RPC server answers an h2c upgrade request with 400. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheDashboardAndTheChainUntilSigtermThenStopsBoth() throws Exception {
        Path root = Path.of(System.getProperty("volvault.root")).toAbsolutePath();
        Path work = buildDir().resolve("demo-serve-it");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path stdout = work.resolve("cli-stdout.log");
        Path stderr = work.resolve("cli-stderr.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
            "-Dvolvault.root=" + root, "-cp", System.getProperty("java.class.path"),
            "io.volvault.app.cli.VolvaultCli", "demo", "--serve", "--json", "--days", "10",
            "--work-dir", work.resolve("run").toString());
        Process cli = new ProcessBuilder(command).directory(root.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            // The summary with dashboard_url, printed once the replay is done and the dashboard serves.
            JsonNode summary = awaitSummary(cli, stdout, stderr);
            started.addAll(cli.descendants().toList());
            String dashboardUrl = summary.get("dashboard_url").asText();
            assertTrue(dashboardUrl.matches("http://127\\.0\\.0\\.1:\\d+/"), "dashboard on 127.0.0.1: " + dashboardUrl);
            assertEquals(10, summary.get("days").asInt(), summary.toString());
            JsonNode summaryVaults = summary.get("vaults");
            assertEquals(2, summaryVaults.size(), summary.toString());
            assertEquals("covered_call", summaryVaults.get(0).get("kind").asText());
            assertEquals("cash_secured_put", summaryVaults.get(1).get("kind").asText());

            Matcher chain = CHAIN_LINE.matcher(read(stderr));
            assertTrue(chain.find(), "the demo names its chain and deployment on stderr:\n" + tail(stderr));
            String rpcUrl = chain.group(1);
            Deployment deployment = Deployment.read(Path.of(chain.group(2)));
            assertEquals(work.resolve("run/deployment.json"), Path.of(chain.group(2)), "the deployment is in --work-dir");

            // The dashboard's API over real HTTP: both vaults, at the share prices of the summary.
            HttpResponse<String> vaults = http.send(HttpRequest.newBuilder(URI.create(dashboardUrl + "api/vaults"))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, vaults.statusCode(), vaults.body());
            assertTrue(vaults.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON content type: " + vaults.headers().map());
            JsonNode served = JSON.readTree(vaults.body());
            assertTrue(served.isArray(), vaults.body());
            assertEquals(2, served.size(), vaults.body());
            Map<String, JsonNode> byAddress = new HashMap<>();
            for (JsonNode v : served) {
                byAddress.put(v.get("address").asText().toLowerCase(Locale.ROOT), v);
            }
            assertEquals(Set.of(deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address().toLowerCase(Locale.ROOT),
                deployment.markets().get(0).vault(VaultKind.CASH_SECURED_PUT).address().toLowerCase(Locale.ROOT)), byAddress.keySet(), vaults.body());
            assertSameVault(summaryVaults.get(0), byAddress.get(deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address().toLowerCase(Locale.ROOT)),
                "covered call", "WETH");
            assertSameVault(summaryVaults.get(1), byAddress.get(deployment.markets().get(0).vault(VaultKind.CASH_SECURED_PUT).address().toLowerCase(Locale.ROOT)),
                "cash-secured put", "USDC");

            // Every round the keeper opened is recorded in KeeperLog by the keeper, and the inputs text in
            // demo.log hashes to what the chain holds.
            String demoLog = read(work.resolve("run/demo.log"));
            Matcher logged = LOGGED_INPUTS.matcher(demoLog);
            Set<String> loggedHashes = new HashSet<>();
            while (logged.find()) {
                assertEquals(logged.group(1), Numeric.toHexString(Hash.sha3(logged.group(2).getBytes(StandardCharsets.UTF_8))),
                    "the logged inputs hash to the logged hash");
                loggedHashes.add(logged.group(1));
            }
            for (JsonNode v : served) {
                // the keeper's actions and reasons read in words and rounded numbers, no raw integer units
                assertTrue(v.get("keeperActions").size() > 0, v.toString());
                for (JsonNode a : v.get("keeperActions")) {
                    String words = a.get("detail").asText() + " " + a.get("reason").asText();
                    assertFalse(words.matches("(?s).*\\d{10,}.*"), "a raw integer in: " + words);
                }
                long opened = 0;
                for (JsonNode r : v.get("rounds")) {
                    opened += r.get("type").isNull() ? 0 : 1;
                }
                opened += v.get("option").isNull() ? 0 : 1;
                JsonNode proofs = v.get("proofs");
                assertEquals(0, proofs.get("ignored").asInt(), v.toString());
                assertEquals(opened, proofs.get("trusted").size(), "one record per round opened: " + proofs);
                for (JsonNode p : proofs.get("trusted")) {
                    assertTrue(loggedHashes.contains(p.get("inputsHash").asText()), "demo.log holds the inputs of " + p);
                    JsonNode replay = p.get("replay");
                    assertEquals("replayed", replay.get("status").asText(), p.toString());
                    // the chain's round is the backtester's decision: the strike to the oracle's 8 decimals (measured
                    // 4e-14), the size capped at the collateral (measured 9e-6 under), the same expiry
                    assertTrue(Math.abs(replay.get("strikeError").asDouble()) < 1e-9, replay.toString());
                    assertTrue(Math.abs(replay.get("sizeError").asDouble()) < 1e-3, replay.toString());
                    assertEquals(0, replay.get("expiryDifference").asLong(), replay.toString());
                }
            }
            assertTrue(byAddress.get(deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address().toLowerCase(Locale.ROOT)).get("proofs").get("trusted")
                .size() > 0, "the covered-call vault opened rounds in 10 days");

            // The demo's chain is still up.
            assertEquals("0x7a69", chainId(rpcUrl), "eth_chainId of the demo's chain at " + rpcUrl);
            assertFalse(started.isEmpty(), "the demo runs its Hardhat node as a child process");

            // SIGTERM: the CLI exits in time and takes the dashboard and the node with it.
            cli.destroy();
            assertTrue(cli.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                "the demo did not exit within " + EXIT_TIMEOUT.toSeconds() + " s of SIGTERM; stderr:\n" + tail(stderr));
            int code = cli.exitValue();
            assertTrue(code == 0 || code == 128 + 15, "exit code after SIGTERM: " + code + "; stderr:\n" + tail(stderr));
            for (ProcessHandle child : started) {
                assertFalse(child.isAlive(), "child process " + child.pid() + " " + child.info().commandLine().orElse("")
                    + " outlived the demo");
            }
            assertRefused(dashboardUrl, "the dashboard");
            assertRefused(rpcUrl, "the demo's Hardhat node");
        } finally {
            started.addAll(cli.descendants().toList());
            cli.destroyForcibly();
            for (ProcessHandle child : started) {
                child.destroyForcibly();
            }
            cli.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void assertSameVault(JsonNode summary, JsonNode dashboard, String kind, String asset) {
        assertNotNull(dashboard, "the dashboard lists the " + kind + " vault");
        assertEquals(kind, dashboard.get("kind").asText(), dashboard.toString());
        assertEquals(asset, dashboard.get("sharePrice").get("unit").asText(), dashboard.toString());
        double expected = summary.get("share_price").asDouble();
        double servedPrice = new BigDecimal(dashboard.get("sharePrice").get("value").asText()).doubleValue();
        assertTrue(expected > 0, summary.toString());
        assertTrue(Math.abs(servedPrice - expected) <= 1e-9 * expected,
            kind + " share price: summary " + expected + ", dashboard " + servedPrice);
    }

    /** Polls the CLI's stdout until it holds the JSON summary with dashboard_url. */
    private static JsonNode awaitSummary(Process cli, Path stdout, Path stderr) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SUMMARY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = read(stdout).strip();
            if (text.endsWith("}")) {
                try {
                    JsonNode node = JSON.readTree(text);
                    if (node.has("dashboard_url")) {
                        return node;
                    }
                    fail("the --serve summary has no dashboard_url:\n" + text);
                } catch (JsonProcessingException incomplete) {
                    // still being written
                }
            }
            if (!cli.isAlive()) {
                fail("the demo exited with code " + cli.exitValue() + " before printing its summary; stdout:\n" + text
                    + "\nstderr:\n" + tail(stderr));
            }
            Thread.sleep(500);
        }
        fail("no JSON summary with dashboard_url within " + SUMMARY_TIMEOUT.toMinutes() + " min; stdout:\n"
            + read(stdout) + "\nstderr:\n" + tail(stderr));
        return null;
    }

    private String chainId(String rpcUrl) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rpcUrl))
            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("result").asText();
    }

    /** Nothing listens any more: the connection is refused (not merely slow). */
    private static void assertRefused(String url, String what) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            fail(what + " still accepts connections at " + url + " after the demo exited");
        } catch (ConnectException refused) {
            // stopped
        } catch (IOException e) {
            fail(what + " at " + url + ": expected a refused connection, got " + e);
        }
    }

    /** The module's build directory (target, or -Dbuild.dir), from where this class was compiled to. */
    private static Path buildDir() throws Exception {
        return Path.of(DemoServeIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static String tail(Path file) {
        try {
            String text = read(file).replace('\r', '\n');
            return text.substring(Math.max(0, text.length() - 4_000));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
