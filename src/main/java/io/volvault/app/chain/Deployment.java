package io.volvault.app.chain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.volvault.app.UserInputException;
import io.volvault.app.keeper.VaultKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The deployment file {@code hardhat/scripts/deploy.js} writes (format 2): every market with its
 * tokens, oracle, vol feed, venue registry, venues and vaults, who holds which role, and the keeper's
 * KeeperLog. The keeper, the dashboard, the index, status and the demo read nothing else to find the
 * chain side. {@code keeperLog} is null in a deployment without one (nothing is recorded);
 * {@code nativeToken} is null unless the deploy configuration names the gas token's price source
 * ({@link #gasToken}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deployment(Integer format, String network, long chainId, long blockNumber, Roles roles, String keeperLog,
                         List<Market> markets, NativeToken nativeToken) {

    /** The only format this reader understands; format 1 (one market, {@code contracts}) is refused by name. */
    public static final int FORMAT = 2;

    /** A token with its units: one whole token is 10^decimals. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Token(String address, String symbol, int decimals) {
        public BigInteger unit() {
            return BigInteger.TEN.pow(decimals);
        }
    }

    /** A USD price feed: an existing Chainlink feed ({@code chainlink}) or our push oracle ({@code push}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Oracle(String kind, String address, int decimals, long heartbeatSeconds) {
        public BigInteger unit() {
            return BigInteger.TEN.pow(decimals);
        }
    }

    /**
     * The chain's native token, which pays the gas (18 decimals on every EVM chain), and what values it
     * in USD: a price feed ({@code oracle}) or a fixed price ({@code priceUsd}, a decimal string).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NativeToken(String symbol, Oracle oracle, String priceUsd) {
        /** Ether, when the configuration names no native token. */
        public static final String ETH = "ETH";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VolFeed(String address, long heartbeatSeconds) {}

    /**
     * A venue the market's vaults swap through (listed in its venue registry); {@code kind} names its
     * contract ({@code constant-product}, {@code uniswap-v3}, ...), {@code feeBps} its swap fee where the
     * kind has one fee.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Venue(String kind, String address, Integer feeBps) {
        /** Our constant-product pool's kind. */
        public static final String CONSTANT_PRODUCT = "constant-product";
        /** Our adapter over a Uniswap v3 pool. */
        public static final String UNISWAP_V3 = "uniswap-v3";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Vault(VaultKind kind, String address) {}

    /**
     * One market: base and quote token, its oracle and vol feed, the venue registry its vaults swap
     * through ({@code venues()} on chain) and the venues it lists, the options market, the vaults.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Market(String name, Token base, Token quote, Oracle oracle, VolFeed volFeed, String venueRegistry,
                         List<Venue> venues, String options, List<Vault> vaults) {
        /**
         * The market's first constant-product pool: the keeper checks the oracle against its price, the
         * demo's arbitrageur trades it. A user error naming the market when it has none.
         */
        public Venue pool() {
            return venues.stream().filter(v -> Venue.CONSTANT_PRODUCT.equals(v.kind())).findFirst()
                .orElseThrow(() -> new UserInputException("market " + name + " has no " + Venue.CONSTANT_PRODUCT
                    + " venue: the keeper checks the oracle against one"));
        }

        /** The market's vault of {@code kind}, or an exception naming the market. */
        public Vault vault(VaultKind kind) {
            return vaults.stream().filter(v -> v.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("market " + name + " has no " + kind.label() + " vault"));
        }

        /** The token a vault holds: the base for covered calls, the quote for cash-secured puts. */
        public Token asset(VaultKind kind) {
            return kind == VaultKind.COVERED_CALL ? base : quote;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Roles(String owner, String keeper, String oracleUpdater, String volUpdater, String guardian,
                        String feeRecipient, String tokenMinter) {}

    /** A vault with the market it belongs to. */
    public record MarketVault(Market market, Vault vault) {
        /** "WBTC/USDC cash-secured-put": unique in a deployment. */
        public String label() {
            return market.name() + " " + vault.kind().label();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** Every vault of every market, in the file's order. */
    public List<MarketVault> vaults() {
        return markets.stream().flatMap(m -> m.vaults().stream().map(v -> new MarketVault(m, v))).toList();
    }

    /**
     * Where the keeper reads the price of the gas it pays, to value routing gas in a market's quote
     * token: the oracle of the deployment's market whose base is the native token or its wrapped form
     * (WETH for ETH), else the configured {@code nativeToken} feed or price. A user error when neither
     * exists.
     */
    public NativeToken gasToken() {
        String symbol = nativeToken == null ? NativeToken.ETH : nativeToken.symbol();
        for (Market m : markets) {
            String base = m.base().symbol();
            if (base.equalsIgnoreCase(symbol) || base.equalsIgnoreCase("W" + symbol)) {
                return new NativeToken(symbol, m.oracle(), null);
            }
        }
        if (nativeToken == null) {
            throw new UserInputException("the deployment has no " + symbol + " market and no nativeToken: the keeper values"
                + " routing gas, paid in " + symbol + ", in each market's quote token; add nativeToken {symbol, oracle or"
                + " price} to the deploy configuration");
        }
        return nativeToken;
    }

    /** The vault at {@code address} (any case), or an exception naming it. */
    public MarketVault vault(String address) {
        return vaults().stream().filter(v -> v.vault().address().equalsIgnoreCase(address)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no vault " + address + " in this deployment"));
    }

    /** Reads and checks a deployment file, naming the file and the field on any problem. */
    public static Deployment read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("deployment file " + file + " does not exist (write one with scripts/volvault deploy)");
        }
        Deployment d;
        try {
            d = JSON.readValue(file.toFile(), Deployment.class);
        } catch (JsonProcessingException e) {
            throw new UserInputException("deployment file " + file + " is not a deployment: " + e.getOriginalMessage(), e);
        }
        if (d.format() == null || d.format() != FORMAT) {
            throw new UserInputException("deployment file " + file + ": format must be " + FORMAT + ", was " + d.format()
                + " (redeploy with scripts/volvault deploy)");
        }
        if (d.roles() == null || d.markets() == null || d.markets().isEmpty()) {
            throw new UserInputException("deployment file " + file + ": roles and at least one market are required");
        }
        requireAddress(file, "roles.keeper", d.roles().keeper());
        if (d.keeperLog() != null) {
            requireAddress(file, "keeperLog", d.keeperLog());
        }
        for (int i = 0; i < d.markets().size(); i++) {
            check(file, "markets[" + i + "]", d.markets().get(i));
        }
        if (d.nativeToken() != null) {
            check(file, d.nativeToken());
        }
        return d;
    }

    private static void check(Path file, String field, Market m) {
        if (m.base() == null || m.quote() == null || m.oracle() == null || m.volFeed() == null || m.venues() == null
            || m.venues().isEmpty() || m.vaults() == null || m.vaults().isEmpty()) {
            throw new UserInputException("deployment file " + file + ": " + field
                + " needs base, quote, oracle, volFeed, at least one venue and one vault");
        }
        requireAddress(file, field + ".base.address", m.base().address());
        requireAddress(file, field + ".quote.address", m.quote().address());
        requireAddress(file, field + ".oracle.address", m.oracle().address());
        requireAddress(file, field + ".volFeed.address", m.volFeed().address());
        requireAddress(file, field + ".venueRegistry", m.venueRegistry());
        for (int j = 0; j < m.venues().size(); j++) {
            requireAddress(file, field + ".venues[" + j + "].address", m.venues().get(j).address());
        }
        requireAddress(file, field + ".options", m.options());
        if (m.oracle().heartbeatSeconds() <= 0) {
            throw new UserInputException("deployment file " + file + ": " + field
                + ".oracle.heartbeatSeconds must be positive, was " + m.oracle().heartbeatSeconds());
        }
        for (int j = 0; j < m.vaults().size(); j++) {
            Vault v = m.vaults().get(j);
            if (v.kind() == null) {
                throw new UserInputException("deployment file " + file + ": " + field + ".vaults[" + j + "].kind is required");
            }
            requireAddress(file, field + ".vaults[" + j + "].address", v.address());
        }
    }

    private static void check(Path file, NativeToken n) {
        if (n.symbol() == null || n.symbol().isBlank()) {
            throw new UserInputException("deployment file " + file + ": nativeToken.symbol is required");
        }
        if ((n.oracle() == null) == (n.priceUsd() == null)) {
            throw new UserInputException("deployment file " + file + ": nativeToken needs either an oracle or a priceUsd, had "
                + (n.oracle() == null ? "neither" : "both"));
        }
        if (n.oracle() != null) {
            requireAddress(file, "nativeToken.oracle.address", n.oracle().address());
        } else if (!n.priceUsd().matches("\\d+(\\.\\d+)?") || new BigDecimal(n.priceUsd()).signum() <= 0) {
            throw new UserInputException("deployment file " + file + ": nativeToken.priceUsd must be a positive decimal, was "
                + n.priceUsd());
        }
    }

    private static void requireAddress(Path file, String field, String value) {
        if (value == null || !value.matches("0x[0-9a-fA-F]{40}")) {
            throw new UserInputException("deployment file " + file + ": " + field + " must be a 0x address, was " + value);
        }
    }
}
