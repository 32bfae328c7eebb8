package io.volvault.strategy;

import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.SizingRule;
import io.volvault.strategy.cost.ConstantProductPool;
import io.volvault.strategy.sizing.Cppi;
import java.util.ArrayList;
import java.util.List;

/**
 * The volatility-targeting option-writing strategy. Its one entry point,
 * {@link #decide(PortfolioState, MarketState)}, turns what the vaults hold and what the market looks
 * like into a {@link Decision}: plain data, no I/O, no clock. The backtester and the live keeper
 * call exactly this method.
 *
 * <p>What it decides, in order:
 * <ol>
 *   <li>a new option round when the vault has no open option of an enabled type, struck at the
 *       target delta on the surface and gated by the volatility risk premium;</li>
 *   <li>the whole book at once ({@link BookSizer}): spot, covered calls on a fraction of the base,
 *       and cash-secured puts carrying a share of the book's delta, sized so that the book's forecast
 *       volatility ({@link io.volvault.strategy.sizing.BookRisk}: delta, gamma over each option's
 *       remaining life, vega to implied-vol moves) equals the target, with the new options scaled down
 *       to the vega and gamma caps; other sizing rules state the delta instead;</li>
 *   <li>the spot trade that brings the book there, made at the first allocation or when it moves
 *       the weight by more than the no-trade half-width that its cost justifies.</li>
 * </ol>
 */
public final class Strategy {

    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final String NOTHING_TO_TRADE = "nothing to trade: holdings already at target or locked as collateral";

    private final StrategyConfig config;
    private final ConstantProductPool pool;

    public Strategy(StrategyConfig config) {
        this.config = config;
        this.pool = new ConstantProductPool(config.costs().poolFeeBps(), config.costs().poolDepthQuote());
    }

    public StrategyConfig config() {
        return config;
    }

    public ConstantProductPool pool() {
        return pool;
    }

    /** A candidate option series for this round, with the Greeks of one long option. */
    record Series(OptionType type, double strike, long expiry, Greeks greeks) {}

    /** Decides what to do now. Pure: the same inputs always give the same decision. */
    public Decision decide(PortfolioState p, MarketState m) {
        double spot = m.spot();
        PortfolioGreeks book = PortfolioGreeks.of(p, m);
        double nav = book.nav();
        double currentWeight = book.weight(spot);
        Options o = config.options();
        double tenorYears = o.tenorDays() * SECONDS_PER_DAY / OptionMarks.SECONDS_PER_YEAR;
        double vrpRatio = m.surface().iv(spot, tenorYears) / m.forecastVol();
        if (!(nav > 0)) {
            return new Decision(List.of(new Action.Hold("NAV " + nav + " is not positive")), 0, 0, 0, vrpRatio);
        }

        boolean callRound = o.writeCalls() && !hasOpen(p, OptionType.CALL);
        boolean putRound = o.writePuts() && !hasOpen(p, OptionType.PUT);
        double sizeScale = 1;
        double deltaScale = 1;
        String vrpNote = "";
        if ((callRound || putRound) && vrpRatio < o.minVrpRatio()) {
            vrpNote = "; VRP " + round3(vrpRatio) + " < " + o.minVrpRatio() + ": ";
            switch (o.vrpRule()) {
                case SKIP -> {
                    callRound = false;
                    putRound = false;
                }
                case REDUCE -> sizeScale = vrpRatio / o.minVrpRatio();
                case FURTHER_OTM -> deltaScale = 0.5;
            }
            vrpNote += o.vrpRule().name().toLowerCase(java.util.Locale.ROOT);
        }
        long expiry = m.epochSeconds() + (long) (o.tenorDays() * SECONDS_PER_DAY);
        Series call = callRound ? series(OptionType.CALL, o.callDelta() * deltaScale, expiry, tenorYears, m) : null;
        Series put = putRound ? series(OptionType.PUT, o.putDelta() * deltaScale, expiry, tenorYears, m) : null;

        double gasReserve = 3 * config.costs().gasPerTransaction();
        BookSizer sizer = new BookSizer(config, p, book, m, call, put, tenorYears, sizeScale, gasReserve);
        BookSizer.Plan plan = sizer.plan(targetExposure(p, nav, m));
        double targetWeight = plan.dollarDelta() / nav;
        double bookVol = Math.sqrt(plan.variance()) / nav;
        String reachNote = plan.outOfReach() ? " (target " + config.sizing().targetVol()
            + " out of reach: the most the cash and max_leverage " + config.sizing().maxLeverage() + " allow)" : "";

        List<Action> actions = new ArrayList<>(3);
        boolean first = p.lastRebalanceEpochSeconds() == Long.MIN_VALUE;
        double trade = 0;
        String why = null;
        boolean spotFollowsRule = first || config.sizing().rule() != SizingRule.BUY_AND_HOLD;
        double wanted = spotFollowsRule
            ? executableTrade(p, book, plan.base() - p.base(), plan.puts() * (put == null ? 0 : put.strike()),
                gasReserve, spot)
            : 0;
        if (Math.abs(wanted) * spot > 1e-9 * nav) {
            double move = Math.abs(wanted) * spot / nav;
            double halfWidth = first ? 0 : noTradeHalfWidth(wanted, targetWeight, m);
            if (move > halfWidth) {
                trade = wanted;
                String trigger = first ? "first allocation" : callRound || putRound ? "option round"
                    : "outside the no-trade region (+-" + round3(halfWidth) + ")";
                actions.add(new Action.Swap(trade, trigger + ": weight " + round3(currentWeight)
                    + " -> target " + round3(targetWeight) + " at forecast vol " + round3(m.forecastVol())
                    + ", book vol " + round3(bookVol) + reachNote));
            } else {
                why = "inside the no-trade region: a weight move of " + round3(move) + " <= +-" + round3(halfWidth)
                    + reachNote;
            }
        }
        // Options are written only on collateral actually held after the swap (it may have been
        // trimmed or skipped): calls stay covered, puts stay cash-secured.
        double baseAfter = p.base() + trade;
        double quoteAfter = p.quote() - quoteSpent(trade, spot);
        double callSize = Math.min(plan.calls(), Math.max(0, baseAfter - book.callCollateral()));
        double putSize = plan.puts();
        if (put != null) {
            putSize = Math.min(putSize,
                Math.max(0, (quoteAfter - book.putCollateral() - gasReserve) / put.strike()));
        }
        String capNote = plan.capScale() < 1 ? ", scaled to " + round3(plan.capScale()) + " by the "
            + plan.bindingCap() + " cap" : "";
        if (call != null && callSize > 0) {
            actions.add(write(call, callSize, "covered-call round, delta " + round3(o.callDelta() * deltaScale)
                + capNote + vrpNote));
        }
        if (put != null && putSize > 0) {
            actions.add(write(put, putSize, "cash-secured-put round, delta " + round3(o.putDelta() * deltaScale)
                + capNote + vrpNote));
        }
        if (actions.isEmpty()) {
            // The weights are in the decision itself; the reason stays a constant on quiet bars.
            if (why == null) {
                why = NOTHING_TO_TRADE;
            }
            if (!vrpNote.isEmpty()) {
                why += vrpNote;
            }
            actions.add(new Action.Hold(why));
        }
        return new Decision(actions, targetWeight, currentWeight, bookVol, vrpRatio);
    }

    /**
     * The book's target delta in quote (delta x spot). Volatility targeting solves the whole book's
     * forecast variance for it ({@link BookSizer}); the other rules state it.
     */
    private double targetExposure(PortfolioState p, double nav, MarketState m) {
        StrategyConfig.Sizing s = config.sizing();
        return switch (s.rule()) {
            case VOL_TARGET -> Double.NaN;
            case FIXED_WEIGHT -> s.fixedWeight() * nav;
            case CPPI -> Cppi.exposure(nav, s.cppiFloor() * config.initialNav(), s.cppiMultiplier(), s.maxLeverage());
            case BUY_AND_HOLD -> p.lastRebalanceEpochSeconds() == Long.MIN_VALUE
                ? nav
                : p.base() * m.spot();
        };
    }

    /**
     * Half-width of the no-trade region around the target weight, in NAV fractions:
     * (3 eps w^2 (1 - w)^2 / (4 gamma))^(1/3) (Janecek and Shreve 2004), eps the trade's cost per unit
     * of notional (pool fee, impact and gas), w the target weight, gamma = assumed Sharpe / target vol.
     */
    double noTradeHalfWidth(double trade, double targetWeight, MarketState m) {
        double notional = Math.abs(trade) * m.spot();
        double eps = (pool.cost(trade, m.spot()) + config.costs().gasPerTransaction()) / notional;
        double riskAversion = config.rebalance().assumedSharpe() / config.sizing().targetVol();
        double drift = targetWeight * (1 - targetWeight);
        return Math.cbrt(3 * eps * drift * drift / (4 * riskAversion));
    }

    /**
     * The base to buy (positive) or sell (negative), trimmed to what the holdings allow: never sell
     * base locked by calls, never spend quote locked by puts (open or about to be written) or
     * needed for gas.
     */
    private double executableTrade(PortfolioState p, PortfolioGreeks book, double wanted, double newPutCollateral,
                                   double gasReserve, double spot) {
        if (wanted < 0) {
            return -Math.min(-wanted, Math.max(0, p.base() - book.callCollateral()));
        }
        double spendable = p.quote() - book.putCollateral() - newPutCollateral - gasReserve;
        if (spendable <= 0) {
            return 0;
        }
        double affordable = pool.baseOutForQuoteIn(spendable, spot);
        return Math.min(wanted, affordable);
    }

    /** Quote paid for a swap of {@code trade} base (negative: quote received). */
    private double quoteSpent(double trade, double spot) {
        if (trade > 0) {
            return pool.quoteInForBaseOut(trade, spot);
        }
        return trade < 0 ? -pool.quoteOutForBaseIn(-trade, spot) : 0;
    }

    private Series series(OptionType type, double absDelta, long expiry, double years, MarketState m) {
        double strike = OptionMarks.strikeForDelta(type, absDelta, years, m);
        return new Series(type, strike, expiry, OptionMarks.greeks(type, strike, years, m));
    }

    private Action.Write write(Series s, double size, String reason) {
        double limit = s.greeks().price() * (1 - config.options().premiumSpread());
        return new Action.Write(s.type(), s.strike(), s.expiry(), size, limit,
            reason + ", strike " + round3(s.strike()) + ", premium " + round3(limit) + " per option");
    }

    private static boolean hasOpen(PortfolioState p, OptionType type) {
        for (ShortOption s : p.shorts()) {
            if (s.type() == type) {
                return true;
            }
        }
        return false;
    }

    private static String round3(double v) {
        return Double.toString(Math.round(v * 1000) / 1000.0);
    }
}
