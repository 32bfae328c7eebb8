package io.volvault.app.keeper;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.TxSender;
import io.volvault.app.chain.contracts.KeeperLog;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.market.MarketStates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** Builds a keeper for a deployment: the keeper command and the demo build it the same way. */
public final class Keepers {

    /** The smile the keeper strikes and marks on, the same stated model the backtester uses. */
    public static final SkewModel SKEW = SkewModel.CRYPTO_DEFAULT;
    /** The ATM term structure from the 30-day implied level, as the backtester's. */
    public static final TermStructure TERM = TermStructure.CRYPTO_DEFAULT;
    /** The market states the keeper decides on, built as the backtester builds them. */
    public static final MarketStates MARKETS = new MarketStates(SKEW, TERM);

    private Keepers() {}

    /**
     * @param credentials the keeper's key; null in a dry run (nothing is signed)
     * @param journal     null in a dry run (nothing is remembered)
     * @param impliedVol  where each market's implied vol comes from
     */
    public static Keeper create(Web3j web3j, long chainId, Deployment deployment, Credentials credentials, Journal journal,
                                Function<Deployment.Market, ImpliedVolSource> impliedVol, StrategyConfig shared, Keeper.Settings settings,
                                TxSender.GasPolicy gas, TxSender.Listener listener, Consumer<String> dryRunOut) {
        String from = credentials != null ? credentials.getAddress() : deployment.roles().keeper();
        TxSender sender = settings.dryRun() ? null : new TxSender(web3j, credentials, chainId, journal, gas, listener);
        List<Keeper.ManagedVault> vaults = new ArrayList<>();
        Deployment.NativeToken gasToken = deployment.gasToken();
        for (Deployment.Market market : deployment.markets()) {
            ChainReader reader = new ChainReader(web3j, market, gasToken, from);
            ImpliedVolSource iv = impliedVol.apply(market);
            for (Deployment.Vault v : market.vaults()) {
                vaults.add(new Keeper.ManagedVault(new Deployment.MarketVault(market, v).label(), reader.vault(v.address()),
                    new Strategy(v.kind().config(shared)), reader, iv));
            }
        }
        KeeperLog keeperLog = deployment.keeperLog() == null ? null
            : KeeperLog.load(deployment.keeperLog(), web3j, new ReadonlyTransactionManager(web3j, from),
                new DefaultGasProvider());
        return new Keeper(sender, journal, vaults, settings, MARKETS, dryRunOut, keeperLog);
    }
}
