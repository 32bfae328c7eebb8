package io.volvault.app.chain;

import io.volvault.app.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the Hardhat project's own scripts (the contracts engineer's deploy.js) against a node. */
public final class HardhatScripts {

    /** deploy.js's exit code for a configuration or environment mistake (its message names the field). */
    private static final int CONFIG_ERROR = 2;

    private HardhatScripts() {}

    /**
     * Deploys everything with {@code hardhat/scripts/deploy.js} against {@code rpcUrl} and returns
     * the deployment it wrote to {@code file}. {@code env} carries the script's settings: DEPLOY_CONFIG
     * (a configuration file) and VOLVAULT_PRIVATE_KEY (the deployer), or the one-market settings
     * (INITIAL_PRICE, KEEPER, ORACLE_UPDATER, HEARTBEAT, POOL_BASE_LIQUIDITY). A configuration the script
     * refuses is a {@link UserInputException} with its one-line reason.
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
        // The deployer signs with the key in env only: never one that happens to be in the caller's environment.
        pb.environment().remove(KeySource.PRIVATE_KEY_ENV);
        pb.environment().putAll(env);
        pb.environment().put("HARDHAT_RPC_URL", rpcUrl);
        pb.environment().put("DEPLOYMENT_FILE", file.toAbsolutePath().toString());
        try {
            int exit = pb.start().waitFor();
            if (exit == CONFIG_ERROR) {
                List<String> last = tail(log, 1);
                throw new UserInputException(last.isEmpty() ? "the deployment configuration was refused" : last.get(0));
            }
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
