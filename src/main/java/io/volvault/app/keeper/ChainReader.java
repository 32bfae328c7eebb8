package io.volvault.app.keeper;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.contracts.ConstantProductPool;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.PushPriceOracle;
import io.volvault.app.chain.contracts.UniswapV3Venue;
import io.volvault.greeks.realized.PriceBars;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.tuples.generated.Tuple4;
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
    /** Null without a Uniswap venue in the deployment. */
    private final UniswapV3Venue uniswap;
    private final String from;
    private final String baseToken;
    private final String quoteToken;
    private final TransactionManager readOnly;
    private final List<Long> roundTimes = new ArrayList<>();
    private final List<Double> roundPrices = new ArrayList<>();

    public ChainReader(Web3j web3j, Deployment deployment, String from) {
        this.web3j = web3j;
        this.readOnly = new ReadonlyTransactionManager(web3j, from);
        this.oracle = PushPriceOracle.load(deployment.contracts().oracle(), web3j, readOnly, new DefaultGasProvider());
        this.pool = ConstantProductPool.load(deployment.contracts().pool(), web3j, readOnly, new DefaultGasProvider());
        String venue = deployment.contracts().uniswapVenue();
        this.uniswap = venue == null ? null : UniswapV3Venue.load(venue, web3j, readOnly, new DefaultGasProvider());
        this.from = from;
        this.baseToken = deployment.contracts().weth();
        this.quoteToken = deployment.contracts().usdc();
    }

    /** The constant-product pool's address: the venue the keeper rebalances through. */
    public String pool() {
        return pool.getContractAddress();
    }

    /** Every venue of the deployment with its state now: the pool, then the Uniswap venue if any. */
    public List<VenueState> venues() throws IOException {
        try {
            Tuple2<BigInteger, BigInteger> reserves = pool.getReserves().send();
            List<VenueState> venues = new ArrayList<>();
            venues.add(new VenueState.Pool(pool.getContractAddress(), reserves.component1(), reserves.component2(),
                pool.feeBps().send().intValueExact()));
            if (uniswap != null) {
                Tuple4<BigInteger, BigInteger, BigInteger, Boolean> st = uniswap.poolState().send();
                venues.add(new VenueState.Uniswap(uniswap.getContractAddress(), st.component1(), st.component3(),
                    st.component4(), uniswap.fee().send().intValueExact()));
            }
            return venues;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading the venues: " + e.getMessage(), e);
        }
    }

    /**
     * What {@code venue} pays now for {@code amountIn} of base ({@code baseIn}) or quote: its own
     * {@code getAmountOut}, by eth_call (Uniswap's quoter changes state and reverts to answer).
     */
    public BigInteger quote(String venue, boolean baseIn, BigInteger amountIn) throws IOException {
        String tokenIn = baseIn ? baseToken : quoteToken;
        String data = FunctionEncoder.encode(new Function("getAmountOut",
            List.of(new Address(tokenIn), new Uint256(amountIn)), List.of(new TypeReference<Uint256>() {})));
        EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(from, venue, data), DefaultBlockParameterName.LATEST)
            .send();
        if (call.isReverted() || call.hasError() || call.getValue() == null || call.getValue().length() < 66) {
            throw new IOException("venue " + venue + " did not quote " + amountIn + " of " + tokenIn + ": "
                + (call.hasError() ? call.getError().getMessage() : call.getRevertReason()));
        }
        return new BigInteger(call.getValue().substring(2, 66), 16);
    }

    /** The node's gas price, in wei. */
    public BigInteger gasPrice() throws IOException {
        return web3j.ethGasPrice().send().getGasPrice();
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
            VaultSnapshot.RollLimits roll = new VaultSnapshot.RollLimits(limits.minOtmBps.intValueExact(),
                limits.strikeBandBps.intValueExact(), limits.minFloorBps.intValueExact());
            return new VaultSnapshot(vault.getContractAddress(), vault.isCallVault().send(), now,
                latest.component1().longValueExact(), latest.component2(), latest.component4().longValueExact(),
                vault.idleAsset().send(), vault.idleOther().send(), vault.pendingDepositAssets().send(),
                vault.convertToAssets(vault.pendingRedeemShares().send()).send(),
                vault.currentRound().send().longValueExact(), live.seriesId.longValueExact(), live.expiry.longValueExact(),
                live.strike, live.soldSize, limits.maxSlippageBps.intValueExact(), reserves.component1(), reserves.component2(),
                pool.feeBps().send().intValueExact(), roll);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading vault " + vault.getContractAddress() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The vault's own Black-Scholes price of one option (1e18 size) it would write now, in its asset
     * units per option, at the vol feed's answer: the auction floor must not fall far below it.
     */
    public BigInteger modelPremium(OptionVault vault, BigInteger strike, long expiry) throws IOException {
        try {
            return vault.modelPremium(strike, BigInteger.valueOf(expiry)).send().component1();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading the model premium of vault " + vault.getContractAddress() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The id of the oracle's first answer at or after {@code expiry}, which settles a series expiring
     * then (Options.settle checks it against its predecessor), or 0 when there is none yet.
     */
    public long settlementRound(long expiry) throws IOException {
        oracleHistory();
        for (int i = 0; i < roundTimes.size(); i++) {
            if (roundTimes.get(i) >= expiry) {
                return i + 1;
            }
        }
        return 0;
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
