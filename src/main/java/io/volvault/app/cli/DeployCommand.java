package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.HardhatScripts;
import io.volvault.app.chain.KeySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code volvault deploy}: deploys the markets of a configuration file and writes the deployment file. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
        "Deploys every market of a configuration (YAML or JSON, examples in src/config/deploy-*.yaml): tokens or",
        "existing ones, a Chainlink feed or the push oracle, venues, options and vaults, and writes one deployment",
        "file listing every vault for the keeper, dashboard and status. The deployer's key comes from $"
            + KeySource.PRIVATE_KEY_ENV + " or --keystore (password in $" + KeySource.KEYSTORE_PASSWORD_ENV + ");",
        "on a local Hardhat node (chain id 31337) without one, the node's own account #0 deploys.",
        "Roles: the configuration's, overridden by $KEEPER, $ORACLE_UPDATER, $VOL_UPDATER, $GUARDIAN, $FEE_RECIPIENT."})
public final class DeployCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "JSON-RPC URL of the chain's node.")
    String rpc;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Deployment configuration (YAML or JSON).")
    Path config;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Where to write the deployment file (default: .volvault/deployment-<chain id>.json).")
    Path out;

    @Option(names = "--keystore", paramLabel = "FILE", description = "Encrypted keystore holding the deployer's key.")
    Path keystore;

    @Override
    public Integer call() throws IOException {
        String root = System.getProperty("volvault.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("the system property volvault.root (the repository root) is not set; run through scripts/volvault");
        }
        if (!Files.isReadable(config)) {
            throw new UserInputException("--config " + config + " is not a readable file");
        }
        long chainId;
        Web3j web3j = Web3j.build(new HttpService(rpc));
        try {
            chainId = web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            throw new UserInputException("--rpc " + rpc + " does not answer: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
        Map<String, String> env = new HashMap<>();
        String keyText = System.getenv(KeySource.PRIVATE_KEY_ENV);
        boolean hasKey = keystore != null || (keyText != null && !keyText.isBlank());
        String deployer = "the node's account #0";
        if (hasKey || chainId != HardhatAccounts.CHAIN_ID) {
            Credentials key = KeySource.load(System.getenv(), keystore, chainId);
            env.put(KeySource.PRIVATE_KEY_ENV, Numeric.toHexStringWithPrefixZeroPadded(key.getEcKeyPair().getPrivateKey(), 64));
            deployer = key.getAddress();
        }
        env.put("DEPLOY_CONFIG", config.toAbsolutePath().toString());
        Path file = (out != null ? out : Path.of(root, ".volvault", "deployment-" + chainId + ".json")).toAbsolutePath();
        Path log = file.resolveSibling(file.getFileName() + ".log");
        Files.createDirectories(file.getParent());
        spec.commandLine().getErr().printf("volvault deploy: %s on chain %d by %s (log: %s)%n", config, chainId, deployer, log);
        Deployment d = HardhatScripts.deploy(Path.of(root, "hardhat"), rpc, env, file, log);
        for (Deployment.MarketVault v : d.vaults()) {
            spec.commandLine().getOut().printf("%-28s %s%n", v.label(), v.vault().address());
        }
        spec.commandLine().getOut().println("deployment file: " + file);
        return 0;
    }
}
