package io.volvault.app.keeper;

import io.volvault.app.UserInputException;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.Journal.Memo;
import io.volvault.app.chain.PlannedTx;
import io.volvault.app.chain.TxSender;
import io.volvault.app.chain.TxSender.Outcome;
import io.volvault.app.chain.TxSender.Result;
import io.volvault.app.chain.contracts.KeeperLog;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.dashboard.Readable;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.Action;
import io.volvault.strategy.Decision;
import io.volvault.strategy.MarketState;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.market.MarketStates;
import io.volvault.strategy.routing.Router;
import io.volvault.strategy.routing.Venue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

/**
 * One keeper tick per call: for each vault it reads the chain, runs {@link Strategy#decide} on
 * what it read, and sends what the strategy decided (close and roll a round with the auction's
 * strike, size and premiums; rebalance, and raise redeem cash, over the venues by cost with
 * oracle-bounded minimums out).
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
    /** Wei per gwei. */
    private static final double WEI_PER_GWEI = 1e9;
    /** Steps the router cuts an order into (1 % each). */
    static final int ROUTE_STEPS = 100;
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
                throw new UserInputException("max oracle age must be positive seconds, was " + maxOracleAgeSeconds);
            }
            if (maxSlippageBps <= 0 || maxSlippageBps >= 10_000) {
                throw new UserInputException("max slippage must be 1..9999 bps, was " + maxSlippageBps);
            }
            if (auctionSeconds <= 0) {
                throw new UserInputException("auction duration must be positive seconds, was " + auctionSeconds);
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

    /**
     * What the keeper did and did not do, action by action: the service turns it into metrics and one
     * structured log line each. A skip's {@code reason} is a short fixed code (e.g. {@code stale-oracle}).
     */
    public interface Events {
        Events NONE = new Events() {};

        default void acted(String vault, PlannedTx tx, Outcome outcome) {}

        default void skipped(String vault, String reason, String detail) {}
    }

    private Events events = Events.NONE;
    private final TxSender sender;
    private final Journal journal;
    private final List<ManagedVault> vaults;
    private final Settings settings;
    private final MarketStates markets;
    private final Consumer<String> dryRunOut;
    private final RoundRecords records;
    private final String codeVersion = DecisionRecord.codeVersion();

    /**
     * {@code sender} and {@code journal} may be null in a dry run, which sends and remembers nothing;
     * {@code keeperLog} is null for a deployment without one (nothing is recorded).
     */
    public Keeper(TxSender sender, Journal journal, List<ManagedVault> vaults, Settings settings, MarketStates markets,
                  Consumer<String> dryRunOut, KeeperLog keeperLog) {
        this.sender = sender;
        this.journal = journal;
        this.vaults = List.copyOf(vaults);
        this.settings = settings;
        this.markets = markets;
        this.dryRunOut = dryRunOut;
        this.records = keeperLog == null || sender == null ? null : new RoundRecords(journal, keeperLog, sender.address());
    }

    /** Reports every action and every skipped action to {@code events}; set it before the first tick. */
    public void observe(Events events) {
        this.events = events;
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
        List<String> sent = new ArrayList<>();
        recordMissing(v, s, sent);
        long age = s.chainTime() - s.oracleUpdatedAt();
        long maxAge = Math.min(settings.maxOracleAgeSeconds(), reader.heartbeatSeconds());
        if (age > maxAge) {
            return skip(v, s, "stale-oracle", "oracle answer is " + age + " s old (limit " + maxAge + " s): no trade");
        }
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
                return skip(v, s, "dry-run", "dry run: the decision after the close is not simulated");
            }
            Outcome outcome = send(v, close, sent);
            if (!outcome.succeeded() && outcome.result() != Result.ALREADY_SENT) {
                return skip(v, s, "close-failed", "close failed: " + outcome.detail());
            }
            s = reader.snapshot(v.vault());
        }

        StrategyConfig config = v.strategy().config();
        PriceBars bars = reader.oracleHistory();
        double realizedNow = MarketStates.realizedNow(bars, config.forecast());
        if (!(realizedNow > 0)) {
            return skip(v, s, "short-history", "the oracle holds " + bars.size() + " prices, too few for a "
                + config.forecast().windowDays() + "-day " + config.forecast().estimator() + " forecast: no trade");
        }
        ImpliedVolSource.Observed observed;
        try {
            observed = v.impliedVol().observe(s.oracleUpdatedAt(), realizedNow);
        } catch (IOException | RuntimeException e) {
            return skip(v, s, "market-data", "market data failed (" + e.getMessage() + "): no trade");
        }
        Memo last = settings.dryRun() ? null : journal.recall(rebalanceMemo(v)).orElse(null);
        PortfolioState portfolio = s.portfolio(last == null ? Long.MIN_VALUE : last.epochSeconds());
        double iv = observed.atm30();
        DecisionRecord.Inputs inputs = new DecisionRecord.Inputs(codeVersion, config, s.oracleUpdatedAt(), s.spotPrice(), iv,
            observed.smile(), portfolio, bars);
        Decided decided;
        try {
            decided = decide(v.strategy(), markets, inputs);
        } catch (IllegalArgumentException e) {
            if (observed.smile().isEmpty()) {
                throw e;
            }
            // a recorded smile's fitted wings can hold no strike at the configured delta (a few days of 2026's chains)
            return skip(v, s, "recorded-smile", "the recorded chain's smile refuses a decision (" + e.getMessage() + "): no trade");
        }
        Decision decision = decided.decision();
        double forecast = decided.market().forecastVol();
        double spot = s.spotPrice();
        log.info("{}: spot {} forecast vol {} implied {}: {}", v.name(), spot, round4(forecast), round4(iv),
            decision.actions().stream().map(Action::reason).toList());

        for (Action action : decision.actions()) {
            if (action instanceof Action.Swap swap) {
                int bound = Math.min(settings.maxSlippageBps(), s.maxSlippageBps());
                if (s.poolDeviationBps() > bound) {
                    skipped(v, "pool-deviation", "the pool's price is " + Math.round(s.poolDeviationBps())
                        + " bps from the oracle's (slippage bound " + bound + " bps): no swap");
                    continue;
                }
                PlannedTx tx = rebalance(v, s, reader.venues(), reader::quote, reader.gasPrice(), swap, v.strategy(),
                    Math.min(settings.maxSlippageBps(), s.maxSlippageBps()));
                if (tx == null) {
                    events.skipped(v.name(), "swap-refused", swap.reason());
                    continue;
                }
                if (execute(v, tx, sent) && !settings.dryRun()) {
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
                    skipped(v, "vault-cannot-price", "the vault cannot price the option (" + e.getMessage() + "): no roll");
                    continue;
                }
                PlannedTx tx = roll(v, s, write, strike, config.options().premiumSpread(), model, settings.auctionSeconds());
                if (tx == null) {
                    events.skipped(v.name(), "no-collateral", write.reason());
                } else {
                    DecisionRecord r = DecisionRecord.of(inputs, write);
                    if (records != null) {
                        records.beforeRoll(v.address(), s.currentRound() + 1, r);
                    }
                    if (execute(v, tx, sent) && records != null) {
                        record(v, s.currentRound() + 1, r, sent);
                    }
                }
            }
        }
        return new VaultTick(v.name(), s.oracleUpdatedAt(), iv, decision, sent, null);
    }

    /**
     * A round close pays queued redeems out of the vault's idle asset and reverts when it is short.
     * Before a close, swap enough of the other token back (the redeems' value now, plus a margin
     * for the price moving and the venues' fees), routed as a rebalance is, so that depositors
     * leaving never block the rounds.
     */
    private VaultSnapshot raiseRedeemCash(ManagedVault v, VaultSnapshot s, List<String> sent) throws IOException {
        int slippageBps = Math.min(settings.maxSlippageBps(), s.maxSlippageBps());
        BigInteger otherIn = redeemCashIn(s, slippageBps);
        if (otherIn.signum() <= 0) {
            return s;
        }
        ChainReader reader = v.market();
        PlannedTx tx = redeemCash(v, s, reader.venues(), reader::quote, reader.gasPrice(), otherIn, slippageBps);
        if (tx == null) {
            skipped(v, "venues-below-bound", "no venue pays the oracle value for " + otherIn
                + " of the other token: no swap to raise redeem cash");
            return s;
        }
        execute(v, tx, sent);
        return settings.dryRun() ? s : reader.snapshot(v.vault());
    }

    /**
     * How much of the other token to swap back for queued redeems: the oracle value of the shortfall
     * (the redeems plus 2 % over the idle asset), grossed up by {@code slippageBps} so that what
     * arrives covers it, capped at what the vault holds; zero when nothing is short.
     */
    static BigInteger redeemCashIn(VaultSnapshot s, int slippageBps) {
        BigInteger needed = s.redeemAssets().multiply(BigInteger.valueOf(10_200)).divide(BPS);
        BigInteger shortfall = needed.subtract(s.idleAsset());
        if (s.redeemAssets().signum() == 0 || shortfall.signum() <= 0) {
            return BigInteger.ZERO;
        }
        BigInteger gross = shortfall.multiply(BPS).divide(BPS.subtract(BigInteger.valueOf(slippageBps)));
        VaultSnapshot.Units u = s.units();
        BigInteger otherIn = s.isCall() ? u.quoteFor(gross, s.spot()) : u.baseFor(gross, s.spot());
        return otherIn.min(s.idleOther());
    }

    /**
     * The swap of {@code otherIn} ({@link #redeemCashIn}) that raises redeem cash, routed over the
     * venues as a rebalance is ({@link #route}), or null when no venue pays the oracle bound.
     */
    static PlannedTx redeemCash(ManagedVault v, VaultSnapshot s, List<VenueState> venues, LegQuoter quoter,
                                GasPrice gasPrice, BigInteger otherIn, int slippageBps) throws IOException {
        // A call vault holds base: it buys base back with quote; a put vault sells base for quote.
        boolean buyBase = s.isCall();
        Route route = route(v, s, venues, quoter, gasPrice, buyBase, otherIn, slippageBps);
        if (route == null) {
            return null;
        }
        VaultSnapshot.Units u = s.units();
        return new PlannedTx("redeem-cash:" + v.address() + ":at=" + s.oracleUpdatedAt(),
            String.format("%s: raise redeem cash: %s %s of the %s token for the vault's asset to pay %s of queued redeems (%s)",
                v.name(), buyBase ? "spend" : "sell", String.join(", ", route.parts()), buyBase ? "quote" : "base",
                whole(s.redeemAssets(), s.isCall() ? u.base() : u.quote()), route.how()),
            v.address(), v.vault().rebalance(false, route.legs()).encodeFunctionCall());
    }

    /** The market state the strategy sees and what it decides there. */
    public record Decided(MarketState market, Decision decision) {}

    /**
     * The decision from its inputs, the one path to {@link Strategy#decide} for the keeper and for
     * anyone replaying a recorded round: the forecast from the oracle's prices, the surface (the
     * observed smile, else the model's at the implied vol), the market state, the decision.
     */
    public static Decided decide(Strategy strategy, MarketStates markets, DecisionRecord.Inputs in) {
        StrategyConfig config = strategy.config();
        MarketState market = in.smile().isEmpty()
            ? markets.live(in.time(), in.spot(), in.impliedVol(), in.bars(), config.forecast(),
                config.sizing().capVol(), in.portfolio().shorts(), config.options().tenorDays() / 365.0)
            : markets.live(in.time(), in.spot(), in.impliedVol(), VolSurface.of(in.smile()), in.bars(), config.forecast(),
                config.sizing().capVol());
        return new Decided(market, strategy.decide(in.portfolio(), market));
    }

    /** Commits the opened round's inputs and decision to KeeperLog (the journal has kept them since the roll). */
    private void record(ManagedVault v, long round, DecisionRecord r, List<String> sent) throws IOException {
        log.info("{}: round {} decided from inputs {}:\n{}\ndecision: {}", v.name(), round,
            Numeric.toHexString(r.inputsHash()), r.inputsJson(), r.decision());
        if (execute(v, records.recordTx(v, round, r.inputsHash(), r.decisionHash()), sent)) {
            records.recorded(v.address(), round);
        }
    }

    /** Records the live round in KeeperLog if its roll went out and its record did not (a restart in between). */
    private void recordMissing(ManagedVault v, VaultSnapshot s, List<String> sent) throws IOException {
        if (records != null) {
            Optional<PlannedTx> missing = records.missing(v, s);
            if (missing.isPresent() && execute(v, missing.get(), sent)) {
                records.recorded(v.address(), s.currentRound());
            }
        }
    }

    private static String rebalanceMemo(ManagedVault v) {
        return "last-rebalance:" + v.address();
    }

    /** Sends (or in a dry run prints) one transaction; true when it is confirmed on chain. */
    private boolean execute(ManagedVault v, PlannedTx tx, List<String> sent) throws IOException {
        if (settings.dryRun()) {
            dryRunOut.accept("would send: " + tx);
            return false;
        }
        return send(v, tx, sent).succeeded();
    }

    private Outcome send(ManagedVault v, PlannedTx tx, List<String> sent) throws IOException {
        Outcome outcome = sender.send(tx);
        events.acted(v.name(), tx, outcome);
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

    private VaultTick skip(ManagedVault v, VaultSnapshot s, String reason, String why) {
        skipped(v, reason, why);
        return new VaultTick(v.name(), s.oracleUpdatedAt(), Double.NaN, null, List.of(), why);
    }

    /** An action not taken, with its reason: logged and reported. */
    private void skipped(ManagedVault v, String reason, String why) {
        log.warn("{}: {}", v.name(), why);
        events.skipped(v.name(), reason, why);
    }

    /** A venue's own quote for {@code amountIn} of base ({@code baseIn}) or quote now. */
    @FunctionalInterface
    interface LegQuoter {
        BigInteger quote(String venue, boolean baseIn, BigInteger amountIn) throws IOException;
    }

    /**
     * The swap the strategy asked for, as a vault rebalance: buying base spends the quote the
     * strategy's own pool model says it costs; selling base sells exactly that base, routed over the
     * venues by cost ({@link #route}).
     */
    static PlannedTx rebalance(ManagedVault v, VaultSnapshot s, List<VenueState> venues, LegQuoter quoter,
                               GasPrice gasPrice, Action.Swap swap, Strategy strategy, int slippageBps)
            throws IOException {
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
        Route route = route(v, s, venues, quoter, gasPrice, buyBase, amountIn, slippageBps);
        if (route == null) {
            log.warn("{}: no venue pays the oracle value less {} bps for {}: no swap", v.name(), slippageBps, swap.reason());
            return null;
        }
        String what = String.format("%s: rebalance: %s %s of the %s token for the %s token (%s; %s)", v.name(),
            buyBase ? "spend" : "sell", String.join(", ", route.parts()), buyBase ? "quote" : "base",
            buyBase ? "base" : "quote", swap.reason(), route.how());
        return new PlannedTx("rebalance:" + v.address() + ":at=" + s.oracleUpdatedAt(), what, v.address(),
            v.vault().rebalance(assetToOther, route.legs()).encodeFunctionCall());
    }

    /** A swap's legs as the vault takes them, each described for people, and whether the order was split. */
    record Route(List<OptionVault.SwapLeg> legs, List<String> parts, String how) {}

    /**
     * {@code amountIn} of quote ({@code buyBase}) or base split over the venues for the most output
     * after gas ({@link Router#best}, on each venue's state now); each leg's minimum out is that
     * venue's own quote for it less {@link #QUOTE_TOLERANCE_BPS} (finding L-6: at the oracle bound, a
     * third party could sandwich the swap for the whole slippage allowance), and a leg whose quote
     * falls under the vault's oracle bound is dropped. Null when every leg is.
     */
    static Route route(ManagedVault v, VaultSnapshot s, List<VenueState> venues, LegQuoter quoter, GasPrice gasPrice,
                       boolean buyBase, BigInteger amountIn, int slippageBps) throws IOException {
        boolean baseIn = !buyBase;
        List<Venue> models = new ArrayList<>(venues.size());
        for (VenueState venue : venues) {
            models.add(new Venue(venue.name(), venue.curve(baseIn), gasInOutput(s, baseIn, venue.gasPerLeg(), gasPrice)));
        }
        Router.Route route = Router.best(models, amountIn.doubleValue(), ROUTE_STEPS);
        List<OptionVault.SwapLeg> legs = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        BigInteger left = amountIn;
        for (int i = 0; i < route.legs().size(); i++) {
            Router.Leg leg = route.legs().get(i);
            BigInteger legIn = i == route.legs().size() - 1
                ? left
                : BigDecimal.valueOf(leg.amountIn()).setScale(0, RoundingMode.FLOOR).toBigInteger().min(left);
            left = left.subtract(legIn);
            VenueState venue = venues.get(leg.venue());
            BigInteger minOut = legIn.signum() > 0
                ? minAmountOut(quoter.quote(venue.address(), baseIn, legIn), oracleOut(s, buyBase, legIn), slippageBps)
                : null;
            if (minOut == null) {
                log.warn("{}: {} pays less than the oracle value less {} bps for {}: no leg there", v.name(), venue.name(),
                    slippageBps, legIn);
                continue;
            }
            legs.add(new OptionVault.SwapLeg(venue.address(), legIn, minOut));
            parts.add(String.format("%s via %s for at least %s", whole(legIn, buyBase ? s.units().quote() : s.units().base()),
                venue.name(), whole(minOut, buyBase ? s.units().base() : s.units().quote())));
        }
        return legs.isEmpty() ? null
            : new Route(legs, parts, route.legs().size() > 1 ? "split by cost" : "cheapest venue");
    }

    /** The oracle value of {@code amountIn} (quote when buying base, else base) in the other token, rounded up. */
    private static BigInteger oracleOut(VaultSnapshot s, boolean buyBase, BigInteger amountIn) {
        return buyBase ? s.units().baseFor(amountIn, s.spot()) : s.units().quoteFor(amountIn, s.spot());
    }

    /**
     * {@code gas} at the gas price in raw units of the output token: the gas token's (ETH's) USD price
     * values it in quote, and quote converts to base at the oracle price. Right for any base (WBTC
     * pays its gas in ETH too); the quote token counts as one USD, as the oracle's prices do.
     */
    static double gasInOutput(VaultSnapshot s, boolean baseIn, long gas, GasPrice price) {
        double outPerGasToken = baseIn
            ? price.nativeUsd() * s.units().quote().doubleValue()
            : price.nativeUsd() / s.spotPrice() * s.units().base().doubleValue();
        return Venue.gasCost(gas, price.weiPerGas().doubleValue() / WEI_PER_GWEI, outPerGasToken);
    }

    /**
     * The venue's {@code quoted} output less the tolerance, or null when that is below the vault's own
     * bound (the oracle value {@code oracleOut} less {@code slippageBps}, rounded up as the vault rounds it).
     */
    static BigInteger minAmountOut(BigInteger quoted, BigInteger oracleOut, int slippageBps) {
        BigInteger bound = VaultSnapshot.ceilDiv(oracleOut.multiply(BPS.subtract(BigInteger.valueOf(slippageBps))), BPS);
        BigInteger min = quoted.multiply(BPS.subtract(BigInteger.valueOf(QUOTE_TOLERANCE_BPS))).divide(BPS);
        return min.compareTo(bound) >= 0 ? min : null;
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
        BigInteger assetUnit = s.isCall() ? u.base() : u.quote();
        String what = String.format("%s: roll round %d: write %s %s at strike %s USD expiring %s; auction from %s down to"
                + " %s of the vault's asset per option (the vault prices it at %s; %s)", v.name(), s.currentRound(),
            whole(size, u.base()), w.type() == OptionType.CALL ? "calls" : "puts",
            whole(strike, u.price()), Instant.ofEpochSecond(w.expiryEpochSeconds()),
            whole(startPremium, assetUnit), whole(floorPremium, assetUnit), whole(modelPremium, assetUnit), w.reason());
        return new PlannedTx(RoundRecords.rollAction(v.address(), s.currentRound() + 1), what, v.address(),
            v.vault().roll(params, BigInteger.ZERO).encodeFunctionCall());
    }

    /** Integer token units as whole tokens at human scale ({@link Readable}): words for people, not raw integers. */
    private static String whole(BigInteger units, BigInteger unit) {
        return Readable.number(new BigDecimal(units).divide(new BigDecimal(unit)));
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
