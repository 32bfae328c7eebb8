package io.volvault.app.demo;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.contracts.ConstantProductPool;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.PushPriceOracle;
import io.volvault.app.chain.contracts.TestToken;
import io.volvault.app.chain.contracts.VolFeed;
import io.volvault.app.keeper.VaultKind;
import io.volvault.app.keeper.VaultSnapshot;
import io.volvault.greeks.OptionType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Everyone on the demo chain but the keeper, each a Hardhat test account acting through the
 * generated wrappers: the owner (#0, also the token minter), the oracle updater (#2), an
 * arbitrageur who keeps the pool at the oracle price (#3), a market maker who buys the auctions
 * (#4), three depositors (#5, #6, #7) and the vol-feed updater (#8). Keeper, oracle updater and
 * vol updater are separate keys, as the deployment requires.
 */
final class ChainActors {

    static final int OWNER = 0;
    static final int KEEPER = 1;
    static final int UPDATER = 2;
    static final int ARBITRAGEUR = 3;
    static final int MARKET_MAKER = 4;
    static final int ALICE = 5;
    static final int BOB = 6;
    static final int CAROL = 7;
    static final int VOL_UPDATER = 8;

    private static final Logger log = LoggerFactory.getLogger(ChainActors.class);
    private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    /** One option purchase in an auction. */
    record Purchase(String vault, BigInteger size, BigInteger premiumAssets) {}

    private final Web3j web3j;
    private final Web3jService service;
    private final Deployment deployment;
    /** The demo deploys one market (the replayed asset's). */
    private final Deployment.Market market;
    private final ContractGasProvider gas;
    private final int poolFeeBps;

    ChainActors(Web3j web3j, Web3jService service, Deployment deployment) {
        this.web3j = web3j;
        this.service = service;
        this.deployment = deployment;
        this.market = deployment.markets().get(0);
        this.poolFeeBps = market.pool().feeBps();
        this.gas = new StaticEIP1559GasProvider(HardhatAccounts.CHAIN_ID, BigInteger.valueOf(100_000_000_000L),
            BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(3_000_000));
    }

    private FastRawTransactionManager signer(int account) {
        Credentials c = HardhatAccounts.account(account);
        return new FastRawTransactionManager(web3j, c, HardhatAccounts.CHAIN_ID,
            new PollingTransactionReceiptProcessor(web3j, 5, 2_000));
    }

    static String address(int account) {
        return HardhatAccounts.account(account).getAddress();
    }

    TestToken weth(int account) {
        return TestToken.load(market.base().address(), web3j, signer(account), gas);
    }

    TestToken usdc(int account) {
        return TestToken.load(market.quote().address(), web3j, signer(account), gas);
    }

    OptionVault callVault(int account) {
        return OptionVault.load(vaultAddress(VaultKind.COVERED_CALL), web3j, signer(account), gas);
    }

    OptionVault putVault(int account) {
        return OptionVault.load(vaultAddress(VaultKind.CASH_SECURED_PUT), web3j, signer(account), gas);
    }

    String vaultAddress(VaultKind kind) {
        return market.vault(kind).address();
    }

    /** The market's units: its tokens' and oracle's decimals. */
    VaultSnapshot.Units units() {
        return VaultSnapshot.Units.of(market.base().decimals(), market.quote().decimals(), market.oracle().decimals());
    }

    private ConstantProductPool pool(int account) {
        return ConstantProductPool.load(market.pool().address(), web3j, signer(account), gas);
    }

    long chainTime() throws IOException {
        return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
            .getTimestamp().longValueExact();
    }

    /** The next block is mined at {@code epochSeconds}: the replay's clock. */
    void setNextBlockTime(long epochSeconds) throws IOException {
        VoidResponse r = new Request<>("evm_setNextBlockTimestamp", List.of(epochSeconds), service, VoidResponse.class).send();
        if (r.hasError()) {
            throw new IOException("evm_setNextBlockTimestamp " + epochSeconds + ": " + r.getError().getMessage());
        }
    }

    /**
     * Owner: mints working balances; everyone approves what they will spend. (The vaults are deployed
     * without fees, so that they compare like for like with the backtest, which charges none.)
     */
    void prepare(BigInteger wethPerActor, BigInteger usdcPerActor) throws Exception {
        for (int actor : new int[] {ARBITRAGEUR, MARKET_MAKER, ALICE, BOB, CAROL}) {
            weth(OWNER).mint(address(actor), wethPerActor).send();
            usdc(OWNER).mint(address(actor), usdcPerActor).send();
            for (String spender : List.of(market.pool().address(), vaultAddress(VaultKind.COVERED_CALL),
                    vaultAddress(VaultKind.CASH_SECURED_PUT))) {
                weth(actor).approve(spender, MAX).send();
                usdc(actor).approve(spender, MAX).send();
            }
        }
    }

    /** Updater: pushes the bar's close (in the oracle's decimals) to the oracle. */
    void pushPrice(BigInteger price) throws Exception {
        PushPriceOracle.load(market.oracle().address(), web3j, signer(UPDATER), gas).pushPrice(price).send();
    }

    /**
     * Vol updater: publishes {@code vol} (a fraction a year; NaN: the last answer again) to the vol
     * feed, moved no further from the last answer than the feed allows in one update, and only once
     * its minimum interval passed.
     */
    void pushVol(double vol) throws Exception {
        VolFeed feed = VolFeed.load(market.volFeed().address(), web3j, signer(VOL_UPDATER), gas);
        Tuple2<BigInteger, BigInteger> latest = feed.latest().send();
        if (chainTime() + 1 < latest.component2().longValueExact() + feed.minInterval().send().longValueExact()) {
            return;
        }
        double last = latest.component1().doubleValue() / 1e18;
        double step = feed.maxChangeBps().send().doubleValue() / 10_000 * 0.999;
        double wanted = Double.isNaN(vol) ? last : Math.max(0.011, Math.min(4.99, vol));
        double target = Math.max(last * (1 - step), Math.min(last * (1 + step), wanted));
        feed.pushVol(BigDecimal.valueOf(target).movePointRight(18).setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger()).send();
    }

    /**
     * Arbitrageur: swaps the pool back to the oracle price. With x y = k and price P (quote units
     * per base unit), the base reserve at that price is sqrt(k / P); the input is grossed up by the
     * pool fee, which stays in the pool.
     */
    void arbitrage(BigInteger price, long deadline) throws Exception {
        ConstantProductPool pool = pool(ARBITRAGEUR);
        Tuple2<BigInteger, BigInteger> reserves = pool.getReserves().send();
        double base = reserves.component1().doubleValue();
        double quote = reserves.component2().doubleValue();
        VaultSnapshot.Units u = units();
        double target = price.doubleValue() * u.quote().doubleValue() / (u.price().doubleValue() * u.base().doubleValue());
        double k = base * quote;
        double feeFactor = 1 - poolFeeBps / 10_000.0;
        double baseAtTarget = Math.sqrt(k / target);
        if (Math.abs(baseAtTarget - base) < 1e-7 * base) {
            return;
        }
        if (baseAtTarget > base) {
            BigInteger in = BigDecimal.valueOf((baseAtTarget - base) / feeFactor).toBigInteger();
            pool.swapExactIn(market.base().address(), in, BigInteger.ZERO, address(ARBITRAGEUR), BigInteger.valueOf(deadline)).send();
        } else {
            double quoteAtTarget = Math.sqrt(k * target);
            BigInteger in = BigDecimal.valueOf((quoteAtTarget - quote) / feeFactor).toBigInteger();
            pool.swapExactIn(market.quote().address(), in, BigInteger.ZERO, address(ARBITRAGEUR), BigInteger.valueOf(deadline)).send();
        }
    }

    /**
     * Market maker: takes every running auction whole at the moment its price meets the maker's
     * bid. The keeper's auction falls linearly from the surface's fair premium to the vault's limit
     * (its floor). On a synthetic chain the maker bids that limit, so it buys in the auction's last
     * second. On a recorded chain it bids what the recorded market bids for the option
     * ({@link RecordedBids}, in the vault's asset at {@code spot}) and buys in the first second the
     * auction's price is at or under that bid (at once when the bid is over the start); when the bid
     * is under the auction's last price the round goes unsold, and the log says so.
     */
    List<Purchase> buyAuctions(Optional<RecordedBids> recorded, double spot) throws Exception {
        record Running(OptionVault vault, OptionVault.LiveRound live, boolean call) {}
        List<Running> running = new ArrayList<>();
        long now = chainTime();
        for (boolean call : new boolean[] {true, false}) {
            OptionVault v = call ? callVault(MARKET_MAKER) : putVault(MARKET_MAKER);
            OptionVault.LiveRound live = v.liveRound().send();
            if (live.remainingSize.signum() > 0 && live.auctionEnd.longValueExact() > now) {
                running.add(new Running(v, live, call));
            }
        }
        running.sort(Comparator.comparing(r -> r.live().auctionEnd));
        List<Purchase> purchases = new ArrayList<>();
        for (Running r : running) {
            OptionVault.LiveRound live = r.live();
            long end = live.auctionEnd.longValueExact();
            long buyAt = end - 1;
            BigInteger maxPremium = live.startPremium;
            if (recorded.isPresent()) {
                VaultSnapshot.Units u = units();
                double strike = new BigDecimal(live.strike).divide(new BigDecimal(u.price())).doubleValue();
                double usd = recorded.get().bidUsd(r.call() ? OptionType.CALL : OptionType.PUT, strike,
                    live.expiry.longValueExact(), chainTime());
                BigInteger unit = r.call() ? u.base() : u.quote();
                BigInteger bid = usd > 0 ? BigDecimal.valueOf(r.call() ? usd / spot : usd).multiply(new BigDecimal(unit))
                    .setScale(0, RoundingMode.FLOOR).toBigInteger() : BigInteger.ZERO;
                long start = live.auctionStart.longValueExact();
                BigInteger drop = live.startPremium.subtract(live.floorPremium);
                // the auction's price at t is start - drop (t - auctionStart) / duration (floored): the first t at or under the bid
                long at = bid.compareTo(live.startPremium) >= 0 || drop.signum() == 0 ? chainTime() + 1
                    : start + live.startPremium.subtract(bid).multiply(BigInteger.valueOf(end - start)).add(drop)
                        .subtract(BigInteger.ONE).divide(drop).longValueExact();
                if (bid.compareTo(live.floorPremium) < 0 || at >= end) {
                    log.info("market maker: no sale in round of {} {} strike {} USD: the recorded bid {} USD ({} of the vault's asset"
                        + " per option) is under the vault's limit {}", r.call() ? "calls" : "puts", r.vault().getContractAddress(),
                        strike, String.format("%.2f", usd), bid, live.floorPremium);
                    continue;
                }
                buyAt = Math.max(at, chainTime() + 1);
                maxPremium = bid;
            }
            if (buyAt > chainTime() + 1) {
                setNextBlockTime(buyAt);
            }
            TransactionReceipt receipt = r.vault().buyOptions(live.remainingSize, maxPremium).send();
            BigInteger premium = OptionVault.getOptionsSoldEvents(receipt).stream()
                .map(e -> e.premium).reduce(BigInteger.ZERO, BigInteger::add);
            purchases.add(new Purchase(r.vault().getContractAddress(), live.remainingSize, premium));
        }
        return purchases;
    }
}
