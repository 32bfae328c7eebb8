package io.volvault.app.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the Hardhat project's own scripts (the contracts engineer's deploy.js) against a node. */
public final class HardhatScripts {

    private HardhatScripts() {}

    /**
     * Deploys everything with {@code hardhat/scripts/deploy.js} against {@code rpcUrl} and returns
     * the deployment it wrote to {@code file}. {@code env} carries the script's settings
     * (INITIAL_PRICE, KEEPER, ORACLE_UPDATER, HEARTBEAT, POOL_BASE_LIQUIDITY).
     */
    public static Deployment deploy(Path hardhatDir, String rpcUrl, Map<String, String> env, Path file, Path log)
            throws IOException {
        Path cli = hardhatDir.resolve("node_modules/hardhat/internal/cli/bootstrap.js");
        Files.createDirectories(file.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(List.of("node", cli.toString(), "run", "--no-compile",
            "--network", "localhost", "scripts/deploy.js"))
            .directory(hardhatDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("HARDHAT_RPC_URL", rpcUrl);
        pb.environment().put("DEPLOYMENT_FILE", file.toAbsolutePath().toString());
        try {
            int exit = pb.start().waitFor();
            if (exit != 0) {
                throw new IOException("hardhat/scripts/deploy.js failed with exit code " + exit + ": "
                    + String.join(" | ", tail(log, 5)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deploying", e);
        }
        return Deployment.read(file);
    }

    private static List<String> tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }
}
