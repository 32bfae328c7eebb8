package io.volvault.app.keeper;

import io.volvault.app.chain.Journal;
import io.volvault.app.chain.Journal.Memo;
import io.volvault.app.chain.PlannedTx;
import io.volvault.app.chain.TxSender;
import io.volvault.app.chain.TxSender.Outcome;
import io.volvault.app.chain.TxSender.Result;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.Action;
import io.volvault.strategy.Decision;
import io.volvault.strategy.MarketState;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.Backtester;
import io.volvault.strategy.backtest.MarketHistory;
import io.volvault.strategy.backtest.VolInputs;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One keeper tick per call: for each vault it reads the chain, runs {@link Strategy#decide} on
 * what it read, and sends what the strategy decided (close and roll a round with the auction's
 * strike, size and premiums; rebalance through the pool with an oracle-based minimum out).
 *
 * <p>It never makes things worse: a stale oracle answer or failed market data means no trade and
 * one log line; every transaction is simulated before it is sent and carries a gas limit under
 * the daily budget; every decision has a key, journaled before sending, so a restarted keeper
 * neither rolls twice nor trades twice (see {@link TxSender}).
 */
public final class Keeper {

    private static final Logger log = LoggerFactory.getLogger(Keeper.class);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    /** How far under the pool's quote a rebalance's minimum out sits: what a sandwich could take at most. */
    static final int QUOTE_TOLERANCE_BPS = 10;
    /** The auction floor's margin over the vault's minimum share of its own option price. */
    static final int FLOOR_MARGIN_BPS = 50;

    /**
     * @param maxOracleAgeSeconds an oracle answer older than this (at the chain's clock) stops trading
     * @param maxSlippageBps      the keeper's own bound on a swap's shortfall from the oracle value;
     *                            the vault's limit applies when tighter
     * @param auctionSeconds      how long a round's Dutch auction runs
     * @param dryRun              print the transactions instead of sending them
     */
    public record Settings(long maxOracleAgeSeconds, int maxSlippageBps, long auctionSeconds, boolean dryRun) {
        public Settings {
            if (maxOracleAgeSeconds <= 0) {
                throw new IllegalArgumentException("max oracle age must be positive seconds, was " + maxOracleAgeSeconds);
            }
            if (maxSlippageBps <= 0 || maxSlippageBps >= 10_000) {
                throw new IllegalArgumentException("max slippage must be 1..9999 bps, was " + maxSlippageBps);
            }
            if (auctionSeconds <= 0) {
                throw new IllegalArgumentException("auction duration must be positive seconds, was " + auctionSeconds);
            }
        }
    }

    /**
     * A vault the keeper runs, with the strategy configuration for its kind, the reader of its market and
     * where the implied vol of its base asset comes from.
     */
    public record ManagedVault(String name, OptionVault vault, Strategy strategy, ChainReader market,
                               ImpliedVolSource impliedVol) {
        String address() {
            return vault.getContractAddress();
        }
    }

    /**
     * What one tick did for one vault.
     *
     * @param sent    the decision keys of the transactions confirmed this tick (roll:..., rebalance:..., close:...)
     * @param skipped why nothing was traded, or null
     */
    public record VaultTick(String vault, long decisionTime, double impliedVol, Decision decision,
                            List<String> sent, String skipped) {
        public boolean traded() {
            return skipped == null;
        }
    }

    private final TxSender sender;
    private final Journal journal;
    private final List<ManagedVault> vaults;
    private final Settings settings;
    private final Backtester surfaces;
    private final Consumer<String> dryRunOut;

    /** {@code sender} and {@code journal} may be null in a dry run, which sends and remembers nothing. */
    public Keeper(TxSender sender, Journal journal,
                  List<ManagedVault> vaults, Settings settings, Backtester surfaces, Consumer<String> dryRunOut) {
        this.sender = sender;
        this.journal = journal;
        this.vaults = List.copyOf(vaults);
        this.settings = settings;
        this.surfaces = surfaces;
        this.dryRunOut = dryRunOut;
    }

    /** Finishes what a previous keeper left in the journal; call once before the first tick. */
    public void recover() throws IOException {
        if (!settings.dryRun()) {
            sender.recover();
        }
    }

    public List<VaultTick> tick() throws IOException {
        List<VaultTick> ticks = new ArrayList<>(vaults.size());
        for (ManagedVault v : vaults) {
            ticks.add(tick(v));
        }
        return ticks;
    }

    private VaultTick tick(ManagedVault v) throws IOException {
        ChainReader reader = v.market();
        VaultSnapshot s = reader.snapshot(v.vault());
        long age = s.chainTime() - s.oracleUpdatedAt();
        long maxAge = Math.min(settings.maxOracleAgeSeconds(), reader.heartbeatSeconds());
        if (age > maxAge) {
            return skip(v, s, Double.NaN, null, "oracle answer is " + age + " s old (limit " + maxAge + " s): no trade");
        }
        List<String> sent = new ArrayList<>();
        s = raiseRedeemCash(v, s, sent);
        boolean bootstrap = s.seriesId() == 0 && s.idleAsset().signum() == 0 && s.idleOther().signum() == 0
            && s.pendingDeposits().signum() > 0;
        if (s.roundExpired() || bootstrap) {
            PlannedTx close = new PlannedTx("close:" + v.address() + ":round=" + s.currentRound(),
                v.name() + ": close round " + s.currentRound() + (bootstrap ? " (turn the first deposits into shares)"
                    : " (series expired " + Instant.ofEpochSecond(s.expiry()) + ")"),
                v.address(), v.vault().closeRound(bootstrap ? BigInteger.ZERO : reader.settlementRound(s.expiry()))
                    .encodeFunctionCall());
            if (settings.dryRun()) {
                dryRunOut.accept("would send: " + close);
                return skip(v, s, Double.NaN, null, "dry run: the decision after the close is not simulated");
            }
            Outcome outcome = send(close, sent);
            if (!outcome.succeeded() && outcome.result() != Result.ALREADY_SENT) {
                return skip(v, s, Double.NaN, null, "close failed: " + outcome.detail());
            }
            s = reader.snapshot(v.vault());
        }

        StrategyConfig config = v.strategy().config();
        PriceBars bars = reader.oracleHistory();
        double periodsPerYear = bars.size() >= 2 ? bars.inferredPeriodsPerYear() : 365;
        double[] realized = VolInputs.realized(bars, periodsPerYear, config.forecast());
        double realizedNow = realized[realized.length - 1];
        if (!(realizedNow > 0)) {
            return skip(v, s, Double.NaN, null, "the oracle holds " + bars.size() + " prices, too few for a "
                + config.forecast().windowDays() + "-day " + config.forecast().estimator() + " forecast: no trade");
        }
        double iv;
        try {
            iv = v.impliedVol().impliedVol(s.oracleUpdatedAt(), realizedNow);
        } catch (IOException | RuntimeException e) {
            return skip(v, s, Double.NaN, null, "market data failed (" + e.getMessage() + "): no trade");
        }
        double[] observed = new double[bars.size()];
        Arrays.fill(observed, Double.NaN);
        observed[observed.length - 1] = iv;
        MarketHistory now = VolInputs.history(bars, periodsPerYear, observed, realized, config.forecast(), 0);
        double forecast = now.forecastVol()[bars.size() - 1];
        double spot = s.spotPrice();
        Memo last = settings.dryRun() ? null : journal.recall(rebalanceMemo(v)).orElse(null);
        PortfolioState portfolio = s.portfolio(last == null ? Long.MIN_VALUE : last.epochSeconds());
        double tenorYears = config.options().tenorDays() / 365.0;
        int latest = bars.size() - 1;
        MarketState market = new MarketState(s.oracleUpdatedAt(), spot, forecast,
            surfaces.surface(iv, spot, 0, tenorYears, portfolio.shorts(), s.oracleUpdatedAt()), 0,
            now.ivVol()[latest], now.spotIvCorrelation()[latest], now.dailyExcessKurtosis()[latest]);
        Decision decision = v.strategy().decide(portfolio, market);
        log.info("{}: spot {} forecast vol {} implied {}: {}", v.name(), spot, round4(forecast), round4(iv),
            decision.actions().stream().map(Action::reason).toList());

        for (Action action : decision.actions()) {
            if (action instanceof Action.Swap swap) {
                int bound = Math.min(settings.maxSlippageBps(), s.maxSlippageBps());
                if (s.poolDeviationBps() > bound) {
                    log.warn("{}: the pool's price is {} bps from the oracle's (slippage bound {} bps): no swap",
                        v.name(), Math.round(s.poolDeviationBps()), bound);
                    continue;
                }
                PlannedTx tx = rebalance(v, s, swap, v.strategy(), Math.min(settings.maxSlippageBps(), s.maxSlippageBps()));
                if (tx == null) {
                    continue;
                }
                if (execute(tx, sent) && !settings.dryRun()) {
                    journal.remember(rebalanceMemo(v), new Memo(s.oracleUpdatedAt(), forecast));
                }
                if (!settings.dryRun()) {
                    s = reader.snapshot(v.vault());
                }
            } else if (action instanceof Action.Write write) {
                if (s.roundLive()) {
                    log.info("{}: round {} is live until {}: no new series", v.name(), s.currentRound(),
                        Instant.ofEpochSecond(s.expiry()));
                    continue;
                }
                BigInteger strike = strike(s, write.strike());
                BigInteger model;
                try {
                    model = reader.modelPremium(v.vault(), strike, write.expiryEpochSeconds());
                } catch (IOException e) {
                    log.warn("{}: the vault cannot price the option ({}): no roll", v.name(), e.getMessage());
                    continue;
                }
                PlannedTx tx = roll(v, s, write, strike, config.options().premiumSpread(), model, settings.auctionSeconds());
                if (tx != null) {
                    execute(tx, sent);
                }
            }
        }
        return new VaultTick(v.name(), s.oracleUpdatedAt(), iv, decision, sent, null);
    }

    /**
     * A round close pays queued redeems out of the vault's idle asset and reverts when it is short.
     * Before a close, swap enough of the other token back (the redeems' value now, plus a margin
     * for the price moving and the pool's fee) so that depositors leaving never block the rounds.
     */
    private VaultSnapshot raiseRedeemCash(ManagedVault v, VaultSnapshot s, List<String> sent) throws IOException {
        BigInteger needed = s.redeemAssets().multiply(BigInteger.valueOf(10_200)).divide(BPS);
        BigInteger shortfall = needed.subtract(s.idleAsset());
        if (s.redeemAssets().signum() == 0 || shortfall.signum() <= 0) {
            return s;
        }
        int slippageBps = Math.min(settings.maxSlippageBps(), s.maxSlippageBps());
        // The other token's oracle value of the shortfall, grossed up so that what arrives covers it.
        BigInteger gross = shortfall.multiply(BPS).divide(BPS.subtract(BigInteger.valueOf(slippageBps)));
        VaultSnapshot.Units u = s.units();
        BigInteger otherIn = s.isCall() ? u.quoteFor(gross, s.spot()) : u.baseFor(gross, s.spot());
        otherIn = otherIn.min(s.idleOther());
        if (otherIn.signum() <= 0) {
            return s;
        }
        BigInteger oracleOut = s.isCall() ? u.baseFor(otherIn, s.spot()) : u.quoteFor(otherIn, s.spot());
        BigInteger minOut = minAmountOut(s, !s.isCall(), otherIn, oracleOut, slippageBps);
        if (minOut == null) {
            log.warn("{}: the pool pays too little for {} of the other token: no swap to raise redeem cash", v.name(), otherIn);
            return s;
        }
        PlannedTx tx = new PlannedTx("redeem-cash:" + v.address() + ":at=" + s.oracleUpdatedAt(),
            String.format("%s: swap %s of the other token for at least %s asset to pay %s of queued redeems",
                v.name(), otherIn, minOut, s.redeemAssets()),
            v.address(), v.vault().rebalance(false, otherIn, minOut).encodeFunctionCall());
        execute(tx, sent);
        return settings.dryRun() ? s : v.market().snapshot(v.vault());
    }

    private static String rebalanceMemo(ManagedVault v) {
        return "last-rebalance:" + v.address();
    }

    /** Sends (or in a dry run prints) one transaction; true when it is confirmed on chain. */
    private boolean execute(PlannedTx tx, List<String> sent) throws IOException {
        if (settings.dryRun()) {
            dryRunOut.accept("would send: " + tx);
            return false;
        }
        return send(tx, sent).succeeded();
    }

    private Outcome send(PlannedTx tx, List<String> sent) throws IOException {
        Outcome outcome = sender.send(tx);
        switch (outcome.result()) {
            case CONFIRMED -> {
                log.info("sent {}: tx {} ({})", tx.description(), outcome.txHash(), outcome.detail());
                sent.add(tx.action());
            }
            case ALREADY_SENT -> log.info("not sending {} again: {}", tx.description(), outcome.detail());
            default -> log.warn("did not complete {}: {} ({})", tx.description(), outcome.result(), outcome.detail());
        }
        return outcome;
    }

    private VaultTick skip(ManagedVault v, VaultSnapshot s, double iv, Decision d, String why) {
        log.warn("{}: {}", v.name(), why);
        return new VaultTick(v.name(), s.oracleUpdatedAt(), iv, d, List.of(), why);
    }

    /**
     * The swap the strategy asked for, as a vault rebalance: buying base spends the quote the
     * strategy's own pool model says it costs; selling base sells exactly that base. The minimum out
     * is the pool's own quote less {@link #QUOTE_TOLERANCE_BPS} (finding L-6: at the oracle bound, a
     * third party could sandwich the swap for the whole slippage allowance); a quote that falls under
     * the vault's oracle bound means no swap.
     */
    static PlannedTx rebalance(ManagedVault v, VaultSnapshot s, Action.Swap swap, Strategy strategy, int slippageBps) {
        boolean buyBase = swap.baseAmount() > 0;
        BigInteger amountIn = buyBase
            ? units(strategy.pool().quoteInForBaseOut(swap.baseAmount(), s.spotPrice()), s.units().quote())
            : units(-swap.baseAmount(), s.units().base());
        boolean assetToOther = buyBase != s.isCall();
        BigInteger available = assetToOther ? s.idleAsset() : s.idleOther();
        amountIn = amountIn.min(available);
        if (amountIn.signum() <= 0) {
            log.info("{}: nothing idle to swap for {}", v.name(), swap.reason());
            return null;
        }
        BigInteger oracleOut = buyBase ? s.units().baseFor(amountIn, s.spot()) : s.units().quoteFor(amountIn, s.spot());
        BigInteger minOut = minAmountOut(s, !buyBase, amountIn, oracleOut, slippageBps);
        if (minOut == null) {
            log.warn("{}: the pool pays less than the oracle value less {} bps for {}: no swap", v.name(), slippageBps,
                swap.reason());
            return null;
        }
        String what = String.format("%s: rebalance %s %s %s for at least %s (%s)", v.name(),
            buyBase ? "spend" : "sell", amountIn, buyBase ? "quote units" : "base units", minOut, swap.reason());
        return new PlannedTx("rebalance:" + v.address() + ":at=" + s.oracleUpdatedAt(), what, v.address(),
            v.vault().rebalance(assetToOther, amountIn, minOut).encodeFunctionCall());
    }

    /**
     * The pool's quote for {@code amountIn} less the tolerance, or null when that is below the vault's
     * own bound (the oracle value less {@code slippageBps}, rounded up as the vault rounds it).
     */
    static BigInteger minAmountOut(VaultSnapshot s, boolean baseIn, BigInteger amountIn, BigInteger oracleOut,
                                   int slippageBps) {
        BigInteger bound = VaultSnapshot.ceilDiv(oracleOut.multiply(BPS.subtract(BigInteger.valueOf(slippageBps))), BPS);
        BigInteger quoted = s.poolQuote(baseIn, amountIn).multiply(BPS.subtract(BigInteger.valueOf(QUOTE_TOLERANCE_BPS)))
            .divide(BPS);
        return quoted.compareTo(bound) >= 0 ? quoted : null;
    }

    /**
     * The strategy's strike in oracle units, moved out to the vault's minimum out-of-the-money distance
     * when the strategy asked for one closer to spot (calls up, puts down; rounded away from spot).
     */
    static BigInteger strike(VaultSnapshot s, double strategyStrike) {
        BigInteger strike = BigDecimal.valueOf(strategyStrike).multiply(new BigDecimal(s.units().price()))
            .setScale(0, RoundingMode.HALF_UP).toBigInteger();
        BigInteger otm = BigInteger.valueOf(s.limits().minOtmBps());
        if (s.isCall()) {
            return strike.max(VaultSnapshot.ceilDiv(s.spot().multiply(BPS.add(otm)), BPS));
        }
        return strike.min(s.spot().multiply(BPS.subtract(otm)).divide(BPS));
    }

    /**
     * The round the strategy asked for: its expiry and size at {@code strike}, the auction falling
     * from the surface's fair premium to the strategy's limit premium, both in the vault's asset per
     * option, and the floor never under the vault's check: {@code minFloorBps} of its own price of the
     * option ({@code modelPremium}) plus {@link #FLOOR_MARGIN_BPS} for the seconds and vol updates
     * until the roll runs. The size is capped at the collateral the vault really holds (a swap may
     * deliver a hair less than the model said; the vault also clamps it).
     */
    static PlannedTx roll(ManagedVault v, VaultSnapshot s, Action.Write w, BigInteger strike, double premiumSpread,
                          BigInteger modelPremium, long auctionSeconds) {
        VaultSnapshot.Units u = s.units();
        BigInteger size = units(w.size(), u.base());
        BigInteger maxSize = s.isCall()
            ? s.idleAsset()
            : s.idleAsset().multiply(u.base()).multiply(u.price()).divide(strike.multiply(u.quote()));
        if (size.compareTo(maxSize) > 0) {
            log.info("{}: option size {} capped at the free collateral's {}", v.name(), size, maxSize);
            size = maxSize;
        }
        if (size.signum() <= 0) {
            log.info("{}: no collateral for {}", v.name(), w.reason());
            return null;
        }
        double fair = w.limitPremium() / (1 - premiumSpread);
        BigInteger vaultFloor = VaultSnapshot.ceilDiv(modelPremium.multiply(BigInteger.valueOf((long) s.limits().minFloorBps() + FLOOR_MARGIN_BPS)), BPS);
        BigInteger floorPremium = assetPerOption(s, w.limitPremium(), RoundingMode.CEILING).max(vaultFloor).max(BigInteger.ONE);
        BigInteger startPremium = assetPerOption(s, fair, RoundingMode.FLOOR).max(floorPremium);
        OptionVault.RollParams params = new OptionVault.RollParams(strike, BigInteger.valueOf(w.expiryEpochSeconds()),
            size, startPremium, floorPremium, BigInteger.valueOf(auctionSeconds));
        String what = String.format("%s: roll round %d: %s %s x %s strike %s expiry %s, auction %s -> %s per option"
                + " (vault price %s; %s)", v.name(), s.currentRound(), w.type(), size, u.base(), strike,
            Instant.ofEpochSecond(w.expiryEpochSeconds()), startPremium, floorPremium, modelPremium, w.reason());
        return new PlannedTx("roll:" + v.address() + ":round=" + s.currentRound(), what, v.address(),
            v.vault().roll(params, BigInteger.ZERO).encodeFunctionCall());
    }

    /** A premium in USD per option as the vault's asset per option: base units for calls, quote units for puts. */
    private static BigInteger assetPerOption(VaultSnapshot s, double usd, RoundingMode rounding) {
        BigDecimal value = BigDecimal.valueOf(usd);
        VaultSnapshot.Units u = s.units();
        if (s.isCall()) {
            return value.multiply(new BigDecimal(u.price())).multiply(new BigDecimal(u.base()))
                .divide(new BigDecimal(s.spot()), 0, rounding).toBigInteger();
        }
        return value.multiply(new BigDecimal(u.quote())).setScale(0, rounding).toBigInteger();
    }

    private static BigInteger units(double amount, BigInteger unit) {
        return BigDecimal.valueOf(amount).multiply(new BigDecimal(unit)).setScale(0, RoundingMode.FLOOR).toBigInteger();
    }

    private static String round4(double v) {
        return String.format("%.4f", v);
    }
}
