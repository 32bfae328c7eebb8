package io.volvault.app.keeper;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.TxSender;
import io.volvault.app.chain.contracts.KeeperLog;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.Backtester;
import java.util.List;
import java.util.function.Consumer;
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

    private Keepers() {}

    /**
     * @param credentials the keeper's key; null in a dry run (nothing is signed)
     * @param journal     null in a dry run (nothing is remembered)
     */
    public static Keeper create(Web3j web3j, long chainId, Deployment deployment, Credentials credentials, Journal journal,
                                ImpliedVolSource impliedVol, StrategyConfig shared, Keeper.Settings settings,
                                TxSender.GasPolicy gas, TxSender.Listener listener, Consumer<String> dryRunOut) {
        String from = credentials != null ? credentials.getAddress() : deployment.roles().keeper();
        ChainReader reader = new ChainReader(web3j, deployment, from);
        TxSender sender = settings.dryRun() ? null : new TxSender(web3j, credentials, chainId, journal, gas, listener);
        List<Keeper.ManagedVault> vaults = List.of(
            new Keeper.ManagedVault(VaultKind.COVERED_CALL.label(), reader.vault(deployment.contracts().callVault()),
                new Strategy(VaultKind.COVERED_CALL.config(shared))),
            new Keeper.ManagedVault(VaultKind.CASH_SECURED_PUT.label(), reader.vault(deployment.contracts().putVault()),
                new Strategy(VaultKind.CASH_SECURED_PUT.config(shared))));
        KeeperLog keeperLog = deployment.contracts().keeperLog() == null ? null
            : KeeperLog.load(deployment.contracts().keeperLog(), web3j, new ReadonlyTransactionManager(web3j, from),
                new DefaultGasProvider());
        return new Keeper(reader, sender, journal, impliedVol, vaults, settings, new Backtester(SKEW, TERM), dryRunOut,
            keeperLog);
    }
}
