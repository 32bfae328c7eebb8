package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import io.volvault.app.backtest.ConfigFile;
import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.KeySource;
import io.volvault.app.chain.RetryingRpc;
import io.volvault.app.chain.TxSender;
import io.volvault.app.keeper.ImpliedVolSource;
import io.volvault.app.keeper.Keeper;
import io.volvault.app.keeper.KeeperService;
import io.volvault.app.keeper.Keepers;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
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

    @Option(names = "--loop", description = "Run as a service (the default unless --once): tick every --interval while"
        + " holding the journal's lease, stand by while another keeper holds it, serve /health and /metrics on"
        + " 127.0.0.1:--http-port, and on SIGTERM finish the tick in flight and give the lease up.")
    boolean loop;

    @Option(names = "--http-port", defaultValue = "9464", paramLabel = "PORT",
        description = "Port of /health and /metrics with --loop, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--lease-seconds", defaultValue = "15", paramLabel = "SECONDS",
        description = "Length of the journal's lease; a standby takes over at most this long after the leader dies"
            + " (default: ${DEFAULT-VALUE}).")
    long leaseSeconds;

    @Option(names = "--holder", paramLabel = "NAME",
        description = "This keeper's name in the lease (default: host name and process id).")
    String holder;

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

    @Option(names = "--journal", defaultValue = ".volvault/keeper-journal", paramLabel = "DIR|JDBC-URL",
        description = "The keeper's journal: a folder for the embedded H2 database (default: ${DEFAULT-VALUE}), or"
            + " jdbc:postgresql://HOST:PORT/DB?user=NAME for one that two keepers share (high availability).")
    String journalTarget;

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
            throw new UserInputException("--interval must be positive seconds, was " + intervalSeconds);
        }
        if (once && loop) {
            throw new UserInputException("--once and --loop exclude each other");
        }
        if (leaseSeconds <= 0) {
            throw new UserInputException("--lease-seconds must be positive, was " + leaseSeconds);
        }
        if (httpPort < 0 || httpPort > 65_535) {
            throw new UserInputException("--http-port must be 0..65535, was " + httpPort);
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
            default -> throw new UserInputException("--implied-vol must be dvol or proxy, was " + impliedVolSource);
        };
        Web3j web3j = RetryingRpc.connect(chain.rpc);
        try {
            long chainId = chainId(web3j);
            if (chainId != d.chainId()) {
                throw new UserInputException("--rpc " + chain.rpc + " is chain " + chainId + " but " + chain.deployment
                    + " was deployed on chain " + d.chainId());
            }
            Credentials key = dryRun ? null : KeySource.load(System.getenv(), keystore, chainId);
            if (key != null && !key.getAddress().equalsIgnoreCase(d.roles().keeper())) {
                throw new UserInputException("the key's address " + key.getAddress() + " is not the vaults' keeper "
                    + d.roles().keeper() + " (roles.keeper in " + chain.deployment + ")");
            }
            try (Journal journal = dryRun ? null : openJournal()) {
                Keeper keeper = Keepers.create(web3j, chainId, d, key, journal, iv, strategy, settings, gas,
                    TxSender.Listener.NONE, line -> spec.commandLine().getOut().println(line));
                spec.commandLine().getErr().printf("volvault keeper: %s on chain %d, %d vaults in %d markets, implied vol: %s%n",
                    dryRun ? "dry run" : "keeper " + key.getAddress(), chainId, d.vaults().size(), d.markets().size(),
                    d.markets().stream().map(m -> m.name() + " " + iv.apply(m).describe()).collect(Collectors.joining(", ")));
                if (once) {
                    return tickOnce(keeper, journal);
                }
                return serve(keeper, journal);
            }
        } finally {
            web3j.shutdown();
        }
    }

    private Journal openJournal() throws IOException {
        return journalTarget.startsWith("jdbc:") ? Journal.connect(journalTarget) : Journal.open(Path.of(journalTarget));
    }

    private String holder() {
        if (holder != null) {
            return holder;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return "pid:" + ProcessHandle.current().pid();
        }
    }

    /** One tick, under the lease like the service's, so that it never acts beside a running leader. */
    private int tickOnce(Keeper keeper, Journal journal) throws IOException {
        if (journal != null && journal.acquire(holder(), leaseSeconds * 1000).isEmpty()) {
            throw new UserInputException("another keeper holds the journal's lease (" + journal.lease().orElseThrow()
                + "): not ticking beside it");
        }
        try {
            keeper.recover();
            keeper.tick();
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            if (journal != null) {
                journal.release();
            }
        }
    }

    private int serve(Keeper keeper, Journal journal) throws InterruptedException {
        if (journal == null) {
            throw new UserInputException("--dry-run goes with --once (a dry run sends nothing, so it needs no service)");
        }
        KeeperService service = new KeeperService(keeper, journal, new KeeperService.Settings(holder(),
            Duration.ofSeconds(intervalSeconds), Duration.ofSeconds(leaseSeconds), httpPort));
        int port = service.startHttp();
        spec.commandLine().getErr().printf("volvault keeper: health and metrics at http://127.0.0.1:%d/health and /metrics%n",
            port);
        spec.commandLine().getErr().flush();
        // SIGTERM (and Ctrl-C): the tick in flight finishes (its action confirmed, or left journaled for
        // the next leader), then the lease is given up; a receipt wait is at most a minute.
        Thread hook = new Thread(() -> {
            try {
                service.stop(Duration.ofSeconds(90));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "keeper-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        service.run();
        return 0;
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
            throw new UserInputException("--rpc " + chain.rpc + " does not answer: " + e.getMessage(), e);
        }
    }
}
