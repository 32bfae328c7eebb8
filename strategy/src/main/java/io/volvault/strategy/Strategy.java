package io.volvault.strategy;

import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.SizingRule;
import io.volvault.strategy.cost.ConstantProductPool;
import io.volvault.strategy.sizing.Cppi;
import io.volvault.strategy.sizing.VolTarget;
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
 *   <li>the target exposure: the portfolio delta (as a fraction of NAV) from the sizing rule; for
 *       volatility targeting the delta whose forecast volatility, together with the option book's
 *       gamma, equals the target ({@link VolTarget#deltaExposure});</li>
 *   <li>a new option round when the vault has no open option of an enabled type: covered calls on
 *       a fraction of the base, cash-secured puts on a fraction of the free quote, struck at the
 *       target delta on the surface, gated by the volatility risk premium and scaled down to the
 *       short-vega and one-day gamma-loss caps;</li>
 *   <li>the spot holding that makes the whole book's delta equal the target (short calls lower
 *       the delta, short puts raise it, so spot makes up the difference), traded only on an option
 *       round or when a trigger fires (calendar, band, volatility regime) and, if cost-aware, when
 *       the trade's cost is below the risk it removes.</li>
 * </ol>
 */
public final class Strategy {

    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final double MEAN_ABS_NORMAL = Math.sqrt(2 / Math.PI);
    private static final int SIZING_ITERATIONS = 6;
    private static final String NO_TRIGGER = "no trigger: no option round, weight within the band, no vol regime"
        + " change, calendar not due";
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
    private record Series(OptionType type, double strike, long expiry, Greeks greeks) {}

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
            return new Decision(List.of(new Action.Hold("NAV " + nav + " is not positive")), 0, 0, vrpRatio);
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

        // Spot and option sizes depend on each other (calls are written on the base held, the
        // base held offsets the options' delta): a few fixed-point passes settle them.
        double gasReserve = 3 * config.costs().gasPerTransaction();
        double baseTarget = p.base();
        double callSize = 0;
        double putSize = 0;
        double exposure = 0;
        for (int pass = 0; pass < SIZING_ITERATIONS; pass++) {
            double gamma = book.gamma() - callSize * gamma(call) - putSize * gamma(put);
            exposure = targetExposure(p, nav, gamma * spot * spot, m);
            double optionDelta = book.optionDelta() - callSize * delta(call) - putSize * delta(put);
            baseTarget = config.sizing().rule() == SizingRule.BUY_AND_HOLD
                ? exposure / spot
                : Math.max(0, exposure / spot - optionDelta);
            callSize = call == null ? 0 : o.callFraction() * baseTarget * sizeScale;
            double freeQuote = p.quote() - (baseTarget - p.base()) * spot - book.putCollateral() - gasReserve;
            putSize = put == null ? 0 : Math.max(0, o.putFraction() * freeQuote / put.strike() * sizeScale);
            double cap = riskCapScale(book, nav, callSize, call, putSize, put, m);
            callSize *= cap;
            putSize *= cap;
        }
        baseTarget = Math.max(baseTarget, book.callCollateral() + callSize);

        List<Action> actions = new ArrayList<>(3);
        double targetWeight = exposure / nav;
        String trigger = trigger(p, m, callRound || putRound, targetWeight, currentWeight);
        double trade = 0;
        String veto = null;
        if (trigger != null) {
            double wanted = executableTrade(p, book, baseTarget - p.base(),
                putSize * (put == null ? 0 : put.strike()), gasReserve, spot);
            if (Math.abs(wanted) * spot > 1e-9 * nav) {
                veto = costVeto(wanted, m);
                if (veto == null) {
                    trade = wanted;
                    actions.add(new Action.Swap(trade, trigger + ": weight " + round3(currentWeight)
                        + " -> target " + round3(targetWeight) + " at forecast vol " + round3(m.forecastVol())));
                }
            }
        }
        // Options are written only on collateral actually held after the swap (it may have been
        // trimmed or vetoed): calls stay covered, puts stay cash-secured.
        double baseAfter = p.base() + trade;
        double quoteAfter = p.quote() - quoteSpent(trade, spot);
        callSize = Math.min(callSize, Math.max(0, baseAfter - book.callCollateral()));
        if (put != null) {
            putSize = Math.min(putSize,
                Math.max(0, (quoteAfter - book.putCollateral() - gasReserve) / put.strike()));
        }
        if (call != null && callSize > 0) {
            actions.add(write(call, callSize, "covered-call round, delta " + round3(o.callDelta() * deltaScale)
                + vrpNote));
        }
        if (put != null && putSize > 0) {
            actions.add(write(put, putSize, "cash-secured-put round, delta " + round3(o.putDelta() * deltaScale)
                + vrpNote));
        }
        if (actions.isEmpty()) {
            // The weights are in the decision itself; the reason stays a constant on quiet bars.
            String why = veto != null ? veto : trigger == null ? NO_TRIGGER : NOTHING_TO_TRADE;
            if (!vrpNote.isEmpty()) {
                why += vrpNote;
            }
            actions.add(new Action.Hold(why));
        }
        return new Decision(actions, targetWeight, currentWeight, vrpRatio);
    }

    /** The target portfolio delta in quote (delta x spot). */
    private double targetExposure(PortfolioState p, double nav, double dollarGamma, MarketState m) {
        StrategyConfig.Sizing s = config.sizing();
        return switch (s.rule()) {
            case VOL_TARGET -> VolTarget.deltaExposure(s.targetVol(), m.forecastVol(), s.maxLeverage(), nav,
                dollarGamma, 1 / m.periodsPerYear());
            case FIXED_WEIGHT -> s.fixedWeight() * nav;
            case CPPI -> Cppi.exposure(nav, s.cppiFloor() * config.initialNav(), s.cppiMultiplier(), s.maxLeverage());
            case BUY_AND_HOLD -> p.lastRebalanceEpochSeconds() == Long.MIN_VALUE
                ? nav
                : p.base() * m.spot();
        };
    }

    /** The fraction (0..1) of the new options that fits under the short-vega and gamma-loss caps. */
    private double riskCapScale(PortfolioGreeks book, double nav, double callSize, Series call,
                                double putSize, Series put, MarketState m) {
        StrategyConfig.Risk r = config.risk();
        double newVega = callSize * vega(call) + putSize * vega(put);
        double newGamma = callSize * gamma(call) + putSize * gamma(put);
        double scale = 1;
        // Vega per vol point is vega / 100; the book's vega and gamma are already negative (short).
        double vegaRoom = r.maxShortVega() * nav * 100 + book.vega();
        if (newVega > 0) {
            scale = Math.min(scale, Math.max(0, vegaRoom) / newVega);
        }
        double move = m.spot() * r.gammaStressSigmas() * m.forecastVol() * Math.sqrt(1 / 365.0);
        double gammaRoom = r.maxGammaLoss() * nav / (0.5 * move * move) + book.gamma();
        if (newGamma > 0) {
            scale = Math.min(scale, Math.max(0, gammaRoom) / newGamma);
        }
        return scale;
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

    /** Why spot should be traded now, or null when no trigger fires. */
    private String trigger(PortfolioState p, MarketState m, boolean optionRound, double target, double current) {
        if (p.lastRebalanceEpochSeconds() == Long.MIN_VALUE) {
            return "first allocation";
        }
        if (config.sizing().rule() == SizingRule.BUY_AND_HOLD) {
            return null;
        }
        if (optionRound) {
            return "option round";
        }
        StrategyConfig.Rebalance r = config.rebalance();
        if (Math.abs(target - current) > r.band()) {
            return "band";
        }
        if (m.forecastVol() > (1 + r.regimeChange()) * p.forecastVolAtLastRebalance()
            || m.forecastVol() < p.forecastVolAtLastRebalance() / (1 + r.regimeChange())) {
            return "vol regime";
        }
        if (m.epochSeconds() - p.lastRebalanceEpochSeconds() >= r.calendarDays() * SECONDS_PER_DAY) {
            return "calendar";
        }
        return null;
    }

    /**
     * Null when the trade is worth its cost. A mis-sizing of {@code trade} base carries, until the
     * next calendar rebalance (horizon H), a P&amp;L of mean absolute size |trade| x spot x vol x
     * sqrt(H) x sqrt(2 / pi); a trade costing more than that is not made.
     */
    private String costVeto(double trade, MarketState m) {
        if (!config.rebalance().costAware()) {
            return null;
        }
        double cost = pool.cost(trade, m.spot()) + config.costs().gasPerTransaction();
        double horizon = config.rebalance().calendarDays() / 365.0;
        double risk = Math.abs(trade) * m.spot() * m.forecastVol() * Math.sqrt(horizon) * MEAN_ABS_NORMAL;
        if (cost <= risk) {
            return null;
        }
        return "cost-aware band: trading " + round3(trade) + " base costs " + round3(cost)
            + " > risk removed " + round3(risk);
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

    private static double delta(Series s) {
        return s == null ? 0 : s.greeks().delta();
    }

    private static double gamma(Series s) {
        return s == null ? 0 : s.greeks().gamma();
    }

    private static double vega(Series s) {
        return s == null ? 0 : s.greeks().vega();
    }

    private static String round3(double v) {
        return Double.toString(Math.round(v * 1000) / 1000.0);
    }
}
