package io.volvault.app.chain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.volvault.app.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The deployment file {@code hardhat/scripts/deploy.js} writes: where every contract lives and who
 * holds which role. The keeper and the demo read nothing else to find the chain side.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deployment(String network, long chainId, long blockNumber, Contracts contracts, Roles roles,
                         Parameters parameters) {

    /**
     * {@code keeperLog} is null in deployments made before KeeperLog.sol existed; {@code uniswapVenue}
     * is null when the deployment has no Uniswap v3 venue.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contracts(String weth, String usdc, String oracle, String volFeed, String pool, String options,
                            String callVault, String putVault, String keeperLog, String uniswapVenue) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Roles(String owner, String keeper, String oracleUpdater, String volUpdater, String guardian,
                        String feeRecipient, String tokenMinter) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parameters(long heartbeatSeconds, int poolFeeBps) {}

    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** Reads and checks a deployment file, naming the file and the field on any problem. */
    public static Deployment read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("deployment file " + file + " does not exist (write one with hardhat/scripts/deploy.js)");
        }
        Deployment d;
        try {
            d = JSON.readValue(file.toFile(), Deployment.class);
        } catch (JsonProcessingException e) {
            throw new UserInputException("deployment file " + file + " is not a deployment: " + e.getOriginalMessage(), e);
        }
        if (d.contracts() == null || d.roles() == null || d.parameters() == null) {
            throw new UserInputException("deployment file " + file + ": contracts, roles and parameters are required");
        }
        Contracts c = d.contracts();
        requireAddress(file, "contracts.weth", c.weth());
        requireAddress(file, "contracts.usdc", c.usdc());
        requireAddress(file, "contracts.oracle", c.oracle());
        requireAddress(file, "contracts.pool", c.pool());
        requireAddress(file, "contracts.options", c.options());
        requireAddress(file, "contracts.callVault", c.callVault());
        requireAddress(file, "contracts.putVault", c.putVault());
        if (c.uniswapVenue() != null) {
            requireAddress(file, "contracts.uniswapVenue", c.uniswapVenue());
        }
        requireAddress(file, "roles.keeper", d.roles().keeper());
        if (d.parameters().heartbeatSeconds() <= 0) {
            throw new UserInputException("deployment file " + file + ": parameters.heartbeatSeconds must be positive, was "
                + d.parameters().heartbeatSeconds());
        }
        return d;
    }

    private static void requireAddress(Path file, String field, String value) {
        if (value == null || !value.matches("0x[0-9a-fA-F]{40}")) {
            throw new UserInputException("deployment file " + file + ": " + field + " must be a 0x address, was " + value);
        }
    }
}
