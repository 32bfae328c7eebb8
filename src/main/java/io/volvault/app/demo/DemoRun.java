package io.volvault.app.demo;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.HardhatNode;
import io.volvault.app.chain.HardhatScripts;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.TxSender;
import io.volvault.app.demo.ChainActors.Purchase;
import io.volvault.app.demo.DemoSummary.Comparison;
import io.volvault.app.demo.DemoSummary.VaultResult;
import io.volvault.app.keeper.ImpliedVolSource;
import io.volvault.app.keeper.Keeper;
import io.volvault.app.keeper.Keepers;
import io.volvault.app.keeper.VaultKind;
import io.volvault.app.keeper.VaultSnapshot;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.app.marketdata.MarketDataServer;
import io.volvault.app.marketdata.RecordedMarketData;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.backtest.Performance;
import io.volvault.strategy.market.MarketHistory;
import io.volvault.strategy.market.VolInputs;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The demo: a local chain with everything deployed, then real history replayed through it.
 * {@link #start} brings the chain up (node, market-data server, contracts, funded actors) and
 * leaves it running, so a caller can also serve it; {@link #replay} plays the bars, bar by bar:
 * advance chain time, push the oracle, arbitrage the pool back to it, move depositors, run the
 * keeper, let the market maker buy the auctions, and measure the vaults. {@link #close} stops
 * everything it started.
 */
public final class DemoRun implements AutoCloseable {

    /**
     * @param asset   BTC or ETH
     * @param hourly  hourly bars (ETH's history)
     * @param days    days to replay
     * @param from    first day, or null for the latest {@code days}
     * @param root    the repository root (src/data, hardhat/)
     * @param workDir where the run keeps its deployment, journal and logs
     */
    public record Options(String asset, boolean hourly, int days, LocalDate from, Path root, Path workDir) {}

    /** Told about every bar as it is replayed. */
    public interface Progress {
        void bar(int done, int total, long epochSeconds, double close);
    }

    /** Depositors' starting capital, in USD, per vault. */
    static final double DEPOSIT_USD = 1_000_000;


    private final Options options;
    private final ReplayHistory history;
    private final StrategyConfig shared;
    private final HardhatNode node;
    private final MarketDataServer marketData;
    private final Web3j web3j;
    private final Deployment deployment;
    private final Path deploymentFile;
    private final ChainActors actors;
    /** The market's implied vol as the keeper reads it, and the realized vol it is read against, bar by bar. */
    private final ImpliedVolSource impliedVol;
    private final double[] realized;
    /** The market-data server's client: the market maker reads the recorded bids through it. */
    private final DeribitClient client;

    private DemoRun(Options options, ReplayHistory history, StrategyConfig shared, HardhatNode node,
                    MarketDataServer marketData, Web3j web3j, Deployment deployment, Path deploymentFile,
                    ChainActors actors) {
        this.options = options;
        this.history = history;
        this.shared = shared;
        this.node = node;
        this.marketData = marketData;
        this.web3j = web3j;
        this.deployment = deployment;
        this.deploymentFile = deploymentFile;
        this.actors = actors;
        this.client = DeribitClient.builder(marketData.apiUrl()).build();
        this.impliedVol = history.recordedChains() ? ImpliedVolSource.recordedChain(client, "BTC")
            : history.asset().equals("BTC") ? ImpliedVolSource.dvol(client, "BTC")
            : ImpliedVolSource.realizedProxy(shared.forecast().proxyPremiumRatio());
        this.realized = VolInputs.realized(history.bars(), history.periodsPerYear(), shared.forecast());
    }

    /** Starts the node and the market-data server, deploys, funds the actors. */
    public static DemoRun start(Options o, StrategyConfig shared) throws Exception {
        ReplayHistory history = ReplayHistory.select(o.root().resolve("src/data"), o.asset(), o.hourly(), o.days(),
            o.from(), 2 * shared.forecast().windowBars(o.hourly() ? 8760 : 365));
        shared = warmedUp(shared, history);
        Files.createDirectories(o.workDir());
        Instant start = Instant.ofEpochSecond(history.time(0));
        HardhatNode node = HardhatNode.start(o.root().resolve("hardhat"), o.workDir().resolve("hardhat-node.log"),
            Optional.of(start));
        MarketDataServer marketData = null;
        Web3j web3j = null;
        try {
            marketData = MarketDataServer.start(RecordedMarketData.shipped(o.root()), MarketDataServer.DEFAULT_HOST, 0, start);
            HttpService service = new HttpService(node.rpcUrl());
            web3j = Web3j.build(service);
            double p0 = history.close(0);
            Path deploymentFile = o.workDir().resolve("deployment.json");
            Deployment deployment = HardhatScripts.deploy(o.root().resolve("hardhat"), node.rpcUrl(), Map.of(
                    "INITIAL_PRICE", BigDecimal.valueOf(p0).setScale(8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(),
                    "KEEPER", ChainActors.address(ChainActors.KEEPER),
                    "ORACLE_UPDATER", ChainActors.address(ChainActors.UPDATER),
                    "VOL_UPDATER", ChainActors.address(ChainActors.VOL_UPDATER),
                    "MANAGEMENT_FEE_BPS", "0",
                    "PERFORMANCE_FEE_BPS", "0",
                    "HEARTBEAT", String.valueOf(2 * history.barSeconds()),
                    "VOL_HEARTBEAT", String.valueOf(2 * history.barSeconds()),
                    "POOL_BASE_LIQUIDITY", BigDecimal.valueOf(shared.costs().poolDepthQuote() / p0)
                        .setScale(6, RoundingMode.HALF_UP).toPlainString()),
                deploymentFile, o.workDir().resolve("deploy.log"));
            ChainActors actors = new ChainActors(web3j, service, deployment);
            double maxPrice = Arrays.stream(history.bars().close()).max().orElseThrow();
            VaultSnapshot.Units units = actors.units();
            actors.prepare(BigDecimal.valueOf(20 * DEPOSIT_USD / history.bars().close()[0] + 10 * shared.costs().poolDepthQuote() / maxPrice)
                    .setScale(0, RoundingMode.CEILING).toBigInteger().multiply(units.base()),
                BigInteger.valueOf((long) (20 * DEPOSIT_USD + 10 * shared.costs().poolDepthQuote())).multiply(units.quote()));
            return new DemoRun(o, history, shared, node, marketData, web3j, deployment, deploymentFile, actors);
        } catch (Exception | Error e) {
            if (web3j != null) {
                web3j.shutdown();
            }
            if (marketData != null) {
                marketData.close();
            }
            node.close();
            throw e;
        }
    }

    /**
     * The configuration the replay can warm up: unchanged when the history holds two forecast
     * windows before the first traded bar, else (the recorded chains start 2025-12-30, a few days
     * before a January replay) the forecast window shortened to half the warm-up days there are.
     */
    static StrategyConfig warmedUp(StrategyConfig shared, ReplayHistory history) {
        if (history.firstTraded() >= 2 * shared.forecast().windowBars(history.periodsPerYear())) {
            return shared;
        }
        double barsPerDay = history.periodsPerYear() / 365;
        return shared.withForecast(shared.forecast().withEstimator(shared.forecast().estimator(),
            Math.max(2, (int) (history.firstTraded() / barsPerDay / 2))));
    }

    /** The strategy configuration the replay runs, after {@link #warmedUp}. */
    public StrategyConfig config() {
        return shared;
    }

    public String rpcUrl() {
        return node.rpcUrl();
    }

    public Deployment deployment() {
        return deployment;
    }

    public Path deploymentFile() {
        return deploymentFile;
    }

    public String marketDataUrl() {
        return marketData.apiUrl();
    }

    public ReplayHistory history() {
        return history;
    }

    /** Replays every bar after the first (the deployment pushed the first) and measures the vaults. */
    public DemoSummary replay(Progress progress) throws Exception {
        int traded = history.tradedBars();
        VaultSnapshot.Units units = actors.units();
        VaultBook call = new VaultBook(VaultKind.COVERED_CALL, actors.callVault(ChainActors.OWNER), units.base(), traded);
        VaultBook put = new VaultBook(VaultKind.CASH_SECURED_PUT, actors.putVault(ChainActors.OWNER), units.quote(), traded);
        double[] impliedSeen = new double[history.size()];
        Arrays.fill(impliedSeen, Double.NaN);
        try (Journal journal = Journal.open(options.workDir().resolve("keeper-journal"))) {
            Keeper keeper = keeper(journal, TxSender.Listener.NONE);
            keeper.recover();
            Depositors depositors = depositors();
            for (int i = 1; i < history.size(); i++) {
                advance(i);
                if (i >= history.firstTraded()) {
                    int k = i - history.firstTraded();
                    depositors.act(k);
                    for (Keeper.VaultTick tick : keeper.tick()) {
                        impliedSeen[i] = tick.traded() ? tick.impliedVol() : impliedSeen[i];
                        VaultBook book = tick.vault().endsWith(" " + call.kind.label()) ? call : put;
                        book.rounds += (int) tick.sent().stream().filter(a -> a.startsWith("roll:")).count();
                    }
                    Optional<RecordedBids> bids = history.recordedChains() ? RecordedBids.read(client, "BTC") : Optional.empty();
                    for (Purchase p : actors.buyAuctions(bids, history.close(i))) {
                        VaultBook book = p.vault().equalsIgnoreCase(call.vault.getContractAddress()) ? call : put;
                        book.premiumUsd += book.usd(p.premiumAssets(), history.close(i));
                    }
                    call.mark(k, history.close(i));
                    put.mark(k, history.close(i));
                }
                progress.bar(i, history.size() - 1, history.time(i), history.close(i));
            }
        }
        return summary(call, put, impliedSeen);
    }

    /**
     * Bar {@code i} arrives: chain time moves to its close, the oracle gets it, the pool follows, and
     * the vol updater publishes the implied vol the market shows (as the keeper reads it; the last
     * answer again while there is too little history to read one), so the vaults price at it.
     */
    void advance(int i) throws Exception {
        long t = history.time(i);
        BigInteger price = BigDecimal.valueOf(history.close(i)).multiply(new BigDecimal(actors.units().price()))
            .setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        actors.setNextBlockTime(t);
        actors.pushPrice(price);
        marketData.setClock(Instant.ofEpochSecond(t));
        actors.arbitrage(price, t + history.barSeconds());
        double iv = Double.NaN;
        if (realized[i] > 0) {
            try {
                iv = impliedVol.impliedVol(t, realized[i]);
            } catch (IOException e) {
                iv = Double.NaN; // the keeper will not trade on this bar either; keep the last answer fresh
            }
        }
        actors.pushVol(iv);
    }

    /** The keeper as the demo runs it (account #1), on {@code journal}. */
    Keeper keeper(Journal journal, TxSender.Listener listener) {
        return keeper(journal, listener, new Keeper.Settings(2 * history.barSeconds(), 100,
            Math.min(3_600, history.barSeconds() / 6), false), impliedVol);
    }

    Keeper keeper(Journal journal, TxSender.Listener listener, Keeper.Settings settings, ImpliedVolSource iv) {
        return Keepers.create(web3j, HardhatAccounts.CHAIN_ID, deployment, HardhatAccounts.account(ChainActors.KEEPER),
            journal, market -> iv, shared, settings, new TxSender.GasPolicy(2_000_000, 20_000_000), listener, line -> { });
    }

    Depositors depositors() {
        return new Depositors(actors, history, history.tradedBars());
    }

    ChainActors actors() {
        return actors;
    }

    Web3j web3j() {
        return web3j;
    }

    private DemoSummary summary(VaultBook call, VaultBook put, double[] impliedSeen) throws Exception {
        MarketHistory h = VolInputs.history(history.bars(), history.periodsPerYear(), impliedSeen, shared.forecast(),
            shared.sizing().capVol(), 0);
        Backtester backtester = new Backtester(Keepers.SKEW, Keepers.TERM);
        List<VaultResult> results = new ArrayList<>();
        for (VaultBook book : List.of(call, put)) {
            StrategyConfig config = book.kind.config(shared);
            BacktestRun run = backtester.run(book.kind.label(), config, h, history.firstTraded(), history.size(), false);
            double[] chain = book.usdPerShare;
            // Like for like: the vault's totalAssets marks a live option at intrinsic value, so the
            // backtest's path is compared marked the same way; its surface-marked vol is shown too.
            double[] bt = run.intrinsicNav();
            Comparison c = new Comparison(chain[chain.length - 1] / chain[0], bt[bt.length - 1] / bt[0],
                realizedVol(chain), realizedVol(bt), Performance.maxDrawdown(chain), Performance.maxDrawdown(bt),
                realizedVol(run.nav()));
            results.add(new VaultResult(book.kind.label(), book.kind.jsonName(), book.sharePrice(), book.navUsd,
                book.premiumUsd, book.rounds, c.chainVol(), config.sizing().targetVol(), c.chainDrawdown(), c));
        }
        double[] closes = Arrays.copyOfRange(history.bars().close(), history.firstTraded(), history.size());
        int barsPerDay = history.hourly() ? 24 : 1;
        return new DemoSummary(results, Performance.maxDrawdown(closes), history.tradedBars() / barsPerDay);
    }

    /** Annualised standard deviation of the per-bar returns of {@code values}. */
    private double realizedVol(double[] values) {
        return new DescriptiveStatistics(Performance.returns(values)).getStandardDeviation()
            * Math.sqrt(history.periodsPerYear());
    }

    /** One vault's measurements along the replay. */
    private static final class VaultBook {
        final VaultKind kind;
        final OptionVault vault;
        final double[] usdPerShare;
        int rounds;
        double premiumUsd;
        double navUsd;
        BigInteger shareUnit;
        final BigInteger assetUnit;

        VaultBook(VaultKind kind, OptionVault vault, BigInteger assetUnit, int bars) {
            this.kind = kind;
            this.vault = vault;
            this.assetUnit = assetUnit;
            this.usdPerShare = new double[bars];
        }

        /** USD worth of {@code assets} of the vault's asset: the base at {@code spot}, the quote at 1. */
        double usd(BigInteger assets, double spot) {
            double amount = new BigDecimal(assets).divide(new BigDecimal(assetUnit)).doubleValue();
            return kind.writesCalls() ? amount * spot : amount;
        }

        void mark(int k, double spot) throws Exception {
            if (shareUnit == null) {
                shareUnit = BigInteger.TEN.pow(vault.decimals().send().intValueExact());
            }
            BigInteger assets = vault.totalAssets().send();
            BigInteger supply = vault.totalSupply().send();
            navUsd = usd(assets, spot);
            usdPerShare[k] = navUsd / new BigDecimal(supply).divide(new BigDecimal(shareUnit)).doubleValue();
        }

        double sharePrice() throws Exception {
            return new BigDecimal(vault.convertToAssets(shareUnit).send()).divide(new BigDecimal(assetUnit)).doubleValue();
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
        marketData.close();
        node.close();
    }
}
