package io.volvault.app.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A Hardhat node this process started on 127.0.0.1 at a free port, stopped by its own process
 * handle (never by name) on {@link #close()} or, failing that, when the JVM exits (Ctrl-C).
 */
public final class HardhatNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The project's Hardhat config with a settable start date, chain id and accounts (from the environment,
     * see the file), relative to hardhat/.
     */
    public static final String NODE_CONFIG = "../scripts/lib/hardhat-replay.config.js";

    private final Process process;
    private final String rpcUrl;
    private final Thread stopOnExit;

    private HardhatNode(Process process, String rpcUrl) {
        this.process = process;
        this.rpcUrl = rpcUrl;
        this.stopOnExit = new Thread(this::stop, "hardhat-node-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts {@code hardhat node} from {@code hardhatDir} (which must have its node_modules) and
     * waits until it answers {@code eth_chainId}; its output goes to {@code log}. With a
     * {@code chainStart}, the chain's clock begins then (a replay of history needs a clock that
     * starts in the past: chain time never runs backwards).
     */
    public static HardhatNode start(Path hardhatDir, Path log, Optional<Instant> chainStart) throws IOException {
        return start(hardhatDir, log, chainStart.map(t -> NODE_CONFIG),
            chainStart.map(t -> Map.of("VOLVAULT_CHAIN_START", t.toString())).orElse(Map.of()), HardhatAccounts.CHAIN_ID);
    }

    /**
     * Starts a node with the Hardhat configuration {@code config} (relative to hardhat/; the project's own when
     * empty) and {@code env}, and waits until it answers {@code eth_chainId} with {@code chainId}.
     */
    public static HardhatNode start(Path hardhatDir, Path log, Optional<String> config, Map<String, String> env, long chainId)
            throws IOException {
        Path cli = hardhatDir.resolve("node_modules/hardhat/internal/cli/bootstrap.js");
        if (!Files.isRegularFile(cli)) {
            throw new IOException("Hardhat is not installed in " + hardhatDir + " (run npm ci there, or use scripts/volvault)");
        }
        int port = freePort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        config.ifPresent(c -> command.addAll(List.of("--config", hardhatDir.resolve(c).normalize().toString())));
        command.addAll(List.of("node", "--hostname", "127.0.0.1", "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(hardhatDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        HardhatNode node = new HardhatNode(process, "http://127.0.0.1:" + port);
        try {
            node.awaitChainId(log, chainId);
            return node;
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    private void awaitChainId(Path log, long expected) throws IOException {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("hardhat node exited with code " + process.exitValue() + " while starting; see " + log);
                }
                try {
                    BigInteger chainId = web3j.ethChainId().send().getChainId();
                    if (chainId.longValueExact() != expected) {
                        throw new IOException("node at " + rpcUrl + " has chain id " + chainId + ", expected " + expected);
                    }
                    return;
                } catch (IOException notYetListening) {
                    sleep(200);
                }
            }
            throw new IOException("hardhat node did not answer eth_chainId at " + rpcUrl + " within " + START_TIMEOUT.toSeconds() + " s; see " + log);
        } finally {
            web3j.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the hardhat node", e);
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the node is stopped either way
        }
    }
}
