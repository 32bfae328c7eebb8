package io.volvault.app.cli;

import io.volvault.app.backtest.ConfigFile;
import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.KeySource;
import io.volvault.app.chain.TxSender;
import io.volvault.app.keeper.ImpliedVolSource;
import io.volvault.app.keeper.Keeper;
import io.volvault.app.keeper.Keepers;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code volvault keeper}: runs the strategy against the deployed vaults, tick after tick. */
@Command(
    name = "keeper",
    mixinStandardHelpOptions = true,
    description = {
        "Each tick reads the oracle, the vaults and the pool from the chain and the implied vol from the",
        "market-data endpoint, runs the strategy, and sends what it decided: close and roll rounds",
        "(auction strike, size, premiums) and rebalance swaps with an oracle-based minimum out.",
        "The key comes from $" + KeySource.PRIVATE_KEY_ENV + " or --keystore (password in $"
            + KeySource.KEYSTORE_PASSWORD_ENV + "), never from the command line."})
public final class KeeperCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ChainTarget chain;

    @Option(names = "--dry-run", description = "Print the transactions instead of sending them (needs no key).")
    boolean dryRun;

    @Option(names = "--once", description = "Run one tick and exit.")
    boolean once;

    @Option(names = "--interval", defaultValue = "60", paramLabel = "SECONDS",
        description = "Seconds between ticks (default: ${DEFAULT-VALUE}).")
    long intervalSeconds;

    @Option(names = "--market-data", defaultValue = "http://127.0.0.1:8089/api/v2", paramLabel = "URL",
        description = "Deribit-style API for the implied vol (default: the local server, ${DEFAULT-VALUE}).")
    String marketData;

    @Option(names = "--currency", paramLabel = "BTC|ETH",
        description = "Vol index currency for every market (default: each market's base token, WBTC -> BTC, WETH -> ETH).")
    String currency;

    @Option(names = "--implied-vol", defaultValue = "dvol", paramLabel = "dvol|proxy",
        description = "dvol: the currency's DVOL index; proxy: realized vol x forecast.proxy_premium_ratio,"
            + " for assets without an index (default: ${DEFAULT-VALUE}).")
    String impliedVolSource;

    @Option(names = "--config", paramLabel = "FILE", description = "Strategy configuration (YAML or JSON; default: the documented defaults).")
    Path config;

    @Option(names = "--journal", defaultValue = ".volvault/keeper-journal", paramLabel = "DIR",
        description = "Folder of the keeper's journal (default: ${DEFAULT-VALUE}).")
    Path journalDir;

    @Option(names = "--keystore", paramLabel = "FILE", description = "Encrypted keystore holding the keeper's key.")
    Path keystore;

    @Option(names = "--max-oracle-age", paramLabel = "SECONDS",
        description = "Oldest oracle answer the keeper trades on (default: each market's oracle heartbeat).")
    Long maxOracleAge;

    @Option(names = "--max-slippage-bps", defaultValue = "100",
        description = "Largest swap shortfall from the oracle value, in bps; the vault's limit applies when tighter (default: ${DEFAULT-VALUE}).")
    int maxSlippageBps;

    @Option(names = "--auction-seconds", defaultValue = "3600", description = "Length of each round's Dutch auction (default: ${DEFAULT-VALUE}).")
    long auctionSeconds;

    @Option(names = "--max-gas-per-tx", defaultValue = "2000000", description = "Gas limit cap of one transaction (default: ${DEFAULT-VALUE}).")
    long maxGasPerTx;

    @Option(names = "--daily-gas", defaultValue = "20000000", description = "Gas the keeper may spend per UTC day (default: ${DEFAULT-VALUE}).")
    long dailyGas;

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("--interval must be positive seconds, was " + intervalSeconds);
        }
        Deployment d = Deployment.read(chain.deployment);
        StrategyConfig strategy = config == null ? StrategyConfig.defaults() : ConfigFile.read(config);
        Keeper.Settings settings = new Keeper.Settings(
            maxOracleAge != null ? maxOracleAge : Long.MAX_VALUE, maxSlippageBps, auctionSeconds, dryRun);
        TxSender.GasPolicy gas = new TxSender.GasPolicy(maxGasPerTx, dailyGas);
        Function<Deployment.Market, ImpliedVolSource> iv = switch (impliedVolSource) {
            case "dvol" -> {
                DeribitClient client = DeribitClient.builder(marketData).build();
                yield market -> ImpliedVolSource.dvol(client, currency != null ? currency : indexCurrency(market));
            }
            case "proxy" -> market -> ImpliedVolSource.realizedProxy(strategy.forecast().proxyPremiumRatio());
            default -> throw new IllegalArgumentException("--implied-vol must be dvol or proxy, was " + impliedVolSource);
        };
        Web3j web3j = Web3j.build(new HttpService(chain.rpc));
        try {
            long chainId = chainId(web3j);
            if (chainId != d.chainId()) {
                throw new IllegalArgumentException("--rpc " + chain.rpc + " is chain " + chainId + " but " + chain.deployment
                    + " was deployed on chain " + d.chainId());
            }
            Credentials key = dryRun ? null : KeySource.load(System.getenv(), keystore, chainId);
            if (key != null && !key.getAddress().equalsIgnoreCase(d.roles().keeper())) {
                throw new IllegalArgumentException("the key's address " + key.getAddress() + " is not the vaults' keeper "
                    + d.roles().keeper() + " (roles.keeper in " + chain.deployment + ")");
            }
            try (Journal journal = dryRun ? null : Journal.open(journalDir)) {
                Keeper keeper = Keepers.create(web3j, chainId, d, key, journal, iv, strategy, settings, gas,
                    TxSender.Listener.NONE, line -> spec.commandLine().getOut().println(line));
                spec.commandLine().getErr().printf("volvault keeper: %s on chain %d, %d vaults in %d markets (%s), implied vol: %s%n",
                    dryRun ? "dry run" : "keeper " + key.getAddress(), chainId, d.vaults().size(), d.markets().size(),
                    d.markets().stream().map(Deployment.Market::name).collect(Collectors.joining(", ")), impliedVolSource);
                keeper.recover();
                while (true) {
                    keeper.tick();
                    spec.commandLine().getOut().flush();
                    if (once) {
                        return 0;
                    }
                    Thread.sleep(intervalSeconds * 1000);
                }
            }
        } finally {
            web3j.shutdown();
        }
    }

    /** The vol index of a market's base token: its symbol less a leading W (WBTC -> BTC, WETH -> ETH). */
    static String indexCurrency(Deployment.Market market) {
        String symbol = market.base().symbol();
        return symbol.length() > 1 && symbol.startsWith("W") ? symbol.substring(1) : symbol;
    }

    private long chainId(Web3j web3j) throws IOException {
        try {
            return web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            throw new IOException("--rpc " + chain.rpc + " does not answer: " + e.getMessage(), e);
        }
    }
}
