package io.volvault.app.keeper;

import io.volvault.app.UserInputException;
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
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Reads what the keeper decides from in one market: its vaults, its pool, its oracle and the oracle's price
 * history, in the units of the market's tokens and oracle. Oracle rounds never change once written, so the
 * history is read once and then only its new rounds.
 */
public final class ChainReader {

    private final Web3j web3j;
    private final Deployment.Market market;
    private final VaultSnapshot.Units units;
    private final PushPriceOracle oracle;
    private final ConstantProductPool pool;
    private final List<ConstantProductPool> pools = new ArrayList<>();
    private final List<UniswapV3Venue> uniswaps = new ArrayList<>();
    private final String from;
    private final TransactionManager readOnly;
    private final Deployment.NativeToken gasToken;
    /** The gas token's USD feed, or null when the deployment states a fixed price. */
    private final PushPriceOracle gasTokenFeed;
    /** Rounds read back on a first call at most: about 14 months of a feed with a 1-hour heartbeat. */
    static final int MAX_NEW_ROUNDS = 10_000;

    private final List<BigInteger> roundIds = new ArrayList<>();
    private final List<Long> roundTimes = new ArrayList<>();
    private final List<Double> roundPrices = new ArrayList<>();

    /**
     * @param gasToken what values the gas the keeper pays ({@link Deployment#gasToken}): a feed read at
     *                 each {@link #gasPrice}, or a fixed price
     */
    public ChainReader(Web3j web3j, Deployment.Market market, Deployment.NativeToken gasToken, String from) {
        this.web3j = web3j;
        this.market = market;
        this.gasToken = gasToken;
        this.units = VaultSnapshot.Units.of(market.base().decimals(), market.quote().decimals(), market.oracle().decimals());
        this.readOnly = new ReadonlyTransactionManager(web3j, from);
        // Any AggregatorV3 feed reads through the push oracle's wrapper: the read side is the same interface.
        this.oracle = PushPriceOracle.load(market.oracle().address(), web3j, readOnly, new DefaultGasProvider());
        this.pool = ConstantProductPool.load(market.pool().address(), web3j, readOnly, new DefaultGasProvider());
        this.gasTokenFeed = gasToken.oracle() == null ? null
            : PushPriceOracle.load(gasToken.oracle().address(), web3j, readOnly, new DefaultGasProvider());
        for (Deployment.Venue venue : market.venues()) {
            switch (venue.kind()) {
                case Deployment.Venue.CONSTANT_PRODUCT -> pools.add(
                    ConstantProductPool.load(venue.address(), web3j, readOnly, new DefaultGasProvider()));
                case Deployment.Venue.UNISWAP_V3 -> uniswaps.add(
                    UniswapV3Venue.load(venue.address(), web3j, readOnly, new DefaultGasProvider()));
                default -> throw new UserInputException("market " + market.name() + " lists a venue of kind " + venue.kind()
                    + " at " + venue.address() + ": the keeper routes through " + Deployment.Venue.CONSTANT_PRODUCT + " and "
                    + Deployment.Venue.UNISWAP_V3 + " venues only");
            }
        }
        this.from = from;
    }

    /** Seconds after which the market's oracle answer is stale for its vaults. */
    public long heartbeatSeconds() {
        return market.oracle().heartbeatSeconds();
    }

    /** The market's first constant-product pool, whose price the keeper checks against the oracle's. */
    public String pool() {
        return pool.getContractAddress();
    }

    /** Every venue of the market with its state now: its constant-product pools, then its Uniswap venues. */
    public List<VenueState> venues() throws IOException {
        try {
            List<VenueState> venues = new ArrayList<>();
            for (ConstantProductPool p : pools) {
                Tuple2<BigInteger, BigInteger> reserves = p.getReserves().send();
                venues.add(new VenueState.Pool(p.getContractAddress(), reserves.component1(), reserves.component2(),
                    p.feeBps().send().intValueExact()));
            }
            for (UniswapV3Venue u : uniswaps) {
                Tuple4<BigInteger, BigInteger, BigInteger, Boolean> st = u.poolState().send();
                venues.add(new VenueState.Uniswap(u.getContractAddress(), st.component1(), st.component3(),
                    st.component4(), u.fee().send().intValueExact()));
            }
            return venues;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading the venues of market " + market.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * What {@code venue} pays now for {@code amountIn} of base ({@code baseIn}) or quote: its own
     * {@code getAmountOut}, by eth_call (Uniswap's quoter changes state and reverts to answer).
     */
    public BigInteger quote(String venue, boolean baseIn, BigInteger amountIn) throws IOException {
        String tokenIn = baseIn ? market.base().address() : market.quote().address();
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

    /** The node's gas price in wei, with the gas token's USD price now (its feed's latest answer, or the fixed price). */
    public GasPrice gasPrice() throws IOException {
        BigInteger wei = web3j.ethGasPrice().send().getGasPrice();
        if (gasTokenFeed == null) {
            return new GasPrice(wei, Double.parseDouble(gasToken.priceUsd()));
        }
        BigInteger answer;
        try {
            answer = gasTokenFeed.latestRoundData().send().component2();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading the " + gasToken.symbol() + " / USD feed " + gasToken.oracle().address() + ": "
                + e.getMessage(), e);
        }
        if (answer.signum() <= 0) {
            throw new IOException("the " + gasToken.symbol() + " / USD feed " + gasToken.oracle().address() + " answered "
                + answer);
        }
        return new GasPrice(wei, VaultSnapshot.ratio(answer, gasToken.oracle().unit()));
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
            VaultKind kind = market.vaults().stream().filter(mv -> mv.address().equalsIgnoreCase(vault.getContractAddress()))
                .findFirst().orElseThrow(() -> new IOException("vault " + vault.getContractAddress() + " is not in market "
                    + market.name())).kind();
            if (kind.writesCalls() != vault.isCallVault().send()) {
                throw new IOException("vault " + vault.getContractAddress() + " is listed as " + kind.label()
                    + " but isCallVault() says otherwise");
            }
            return new VaultSnapshot(vault.getContractAddress(), kind, units, now,
                latest.component1(), latest.component2(), latest.component4().longValueExact(),
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
     * The vault's own Black-Scholes price of one option (one whole base token of size) it would write now, in its asset
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
    public BigInteger settlementRound(long expiry) throws IOException {
        oracleHistory();
        for (int i = 0; i < roundTimes.size(); i++) {
            if (roundTimes.get(i) >= expiry) {
                return roundIds.get(i);
            }
        }
        return BigInteger.ZERO;
    }

    /**
     * Every oracle answer so far as price bars (time = the answer's update time), read back from the
     * latest round through {@code getRoundData(id - 1)}: a Chainlink proxy's ids carry the phase in their
     * high bits and the push oracle's count from 1, and both run consecutively within a phase. The walk
     * stops at the phase's first round (an empty answer or a revert) or after {@value #MAX_NEW_ROUNDS}
     * rounds.
     */
    public PriceBars oracleHistory() throws IOException {
        try {
            BigInteger id = oracle.latestRoundData().send().component1();
            BigInteger known = roundIds.isEmpty() ? BigInteger.ZERO : roundIds.get(roundIds.size() - 1);
            List<Tuple5<BigInteger, BigInteger, BigInteger, BigInteger, BigInteger>> fresh = new ArrayList<>();
            while (id.compareTo(known) > 0 && fresh.size() < MAX_NEW_ROUNDS) {
                Tuple5<BigInteger, BigInteger, BigInteger, BigInteger, BigInteger> r = roundData(id);
                if (r == null) {
                    break;
                }
                fresh.add(r);
                id = id.subtract(BigInteger.ONE);
            }
            for (int i = fresh.size() - 1; i >= 0; i--) {
                Tuple5<BigInteger, BigInteger, BigInteger, BigInteger, BigInteger> r = fresh.get(i);
                roundIds.add(r.component1());
                roundTimes.add(r.component4().longValueExact());
                roundPrices.add(VaultSnapshot.ratio(r.component2(), units.price()));
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("reading the oracle history: " + e.getMessage(), e);
        }
        return PriceBars.ofCloses(roundTimes.stream().mapToLong(Long::longValue).toArray(),
            roundPrices.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Round {@code id}, or null before the feed's first round (an empty answer, or a revert as Chainlink's proxy gives). */
    private Tuple5<BigInteger, BigInteger, BigInteger, BigInteger, BigInteger> roundData(BigInteger id) throws Exception {
        Tuple5<BigInteger, BigInteger, BigInteger, BigInteger, BigInteger> r;
        try {
            r = oracle.getRoundData(id).send();
        } catch (ContractCallException e) {
            return null;
        }
        return r.component4().signum() == 0 ? null : r;
    }
}
