package io.volvault.app.keeper;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.contracts.ConstantProductPool;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.PushPriceOracle;
import io.volvault.greeks.realized.PriceBars;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.tuples.generated.Tuple5;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Reads what the keeper decides from: the vaults, the pool, the oracle and its price history. Oracle rounds
 * never change once written, so the history is read once and then only its new rounds.
 */
public final class ChainReader {

    private final Web3j web3j;
    private final PushPriceOracle oracle;
    private final ConstantProductPool pool;
    private final TransactionManager readOnly;
    private final List<Long> roundTimes = new ArrayList<>();
    private final List<Double> roundPrices = new ArrayList<>();

    public ChainReader(Web3j web3j, Deployment deployment, String from) {
        this.web3j = web3j;
        this.readOnly = new ReadonlyTransactionManager(web3j, from);
        this.oracle = PushPriceOracle.load(deployment.contracts().oracle(), web3j, readOnly, new DefaultGasProvider());
        this.pool = ConstantProductPool.load(deployment.contracts().pool(), web3j, readOnly, new DefaultGasProvider());
    }

    public OptionVault vault(String address) {
        return OptionVault.load(address, web3j, readOnly, new DefaultGasProvider());
    }

    public long chainTime() throws IOException {
        return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
            .getTimestamp().longValueExact();
    }

    public VaultSnapshot snapshot(OptionVault vault) throws IOException {
        try {
            long now = chainTime();
            Tuple5<BigInteger, BigInteger, BigInteger, BigInteger, BigInteger> latest = oracle.latestRoundData().send();
            OptionVault.LiveRound live = vault.liveRound().send();
            OptionVault.KeeperLimits limits = vault.keeperLimits().send();
            Tuple2<BigInteger, BigInteger> reserves = pool.getReserves().send();
            return new VaultSnapshot(vault.getContractAddress(), vault.isCallVault().send(), now,
                latest.component1().longValueExact(), latest.component2(), latest.component4().longValueExact(),
                vault.idleAsset().send(), vault.idleOther().send(), vault.pendingDepositAssets().send(),
                vault.convertToAssets(vault.pendingRedeemShares().send()).send(),
                vault.currentRound().send().longValueExact(), live.seriesId.longValueExact(), live.expiry.longValueExact(),
                live.strike, live.soldSize, limits.maxSlippageBps.intValueExact(), reserves.component1(), reserves.component2());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading vault " + vault.getContractAddress() + ": " + e.getMessage(), e);
        }
    }

    /** Every oracle answer so far as price bars (time = the answer's update time). */
    public PriceBars oracleHistory() throws IOException {
        try {
            long latest = oracle.latestRound().send().longValueExact();
            for (long round = roundTimes.size() + 1; round <= latest; round++) {
                Tuple5<BigInteger, BigInteger, BigInteger, BigInteger, BigInteger> r =
                    oracle.getRoundData(BigInteger.valueOf(round)).send();
                roundTimes.add(r.component4().longValueExact());
                roundPrices.add(VaultSnapshot.ratio(r.component2(), VaultSnapshot.PRICE_UNIT));
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading the oracle history: " + e.getMessage(), e);
        }
        return PriceBars.ofCloses(roundTimes.stream().mapToLong(Long::longValue).toArray(),
            roundPrices.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
