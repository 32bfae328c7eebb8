package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.VrpRule;
import io.volvault.strategy.sizing.BookRisk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Strategy#decide} on hand-built states: the whole book at the target, gates, caps, no-trade region. */
class StrategyTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;
    private static final StrategyConfig.Risk UNCAPPED = StrategyConfig.Risk.UNCAPPED;

    /** Costless pool and gas, so holdings after the actions can be worked out exactly. */
    private static StrategyConfig costless(double nav, Options options, StrategyConfig.Risk risk) {
        StrategyConfig d = StrategyConfig.defaults();
        return new StrategyConfig(nav, d.sizing(), d.forecast(), d.rebalance(), options, risk,
            new StrategyConfig.Costs(0, 1e15, 0));
    }

    private static StrategyConfig costless(Options options, StrategyConfig.Risk risk) {
        return costless(NAV, options, risk);
    }

    private static Options options(boolean calls, boolean puts, double delta, double minVrp, VrpRule rule) {
        return new Options(calls, puts, delta, delta, 7, 1.0, 0.5, 0.05, minVrp, rule);
    }

    private static MarketState market(double forecast, double atm, double ivVol, double correlation, double kurtosis) {
        double years = 7 / 365.0;
        return new MarketState(NOW, SPOT, forecast, SkewModel.CRYPTO_DEFAULT.surface(atm, SPOT, years), 0, ivVol,
            correlation, kurtosis);
    }

    private static MarketState market(double forecast, double atm) {
        return market(forecast, atm, 0.6, -0.3, 2);
    }

    /** The holdings after executing the decision at the spot price (costless config). */
    private static PortfolioState apply(PortfolioState p, Decision d) {
        double base = p.base();
        double quote = p.quote();
        List<ShortOption> shorts = new ArrayList<>(p.shorts());
        for (Action a : d.actions()) {
            if (a instanceof Action.Swap s) {
                base += s.baseAmount();
                quote -= s.baseAmount() * SPOT;
            } else if (a instanceof Action.Write w) {
                shorts.add(new ShortOption(w.type(), w.strike(), w.expiryEpochSeconds(), w.size()));
                if (w.type() == OptionType.CALL) {
                    base += w.size() * w.limitPremium() / SPOT;
                } else {
                    quote += w.size() * w.limitPremium();
                }
            }
        }
        return new PortfolioState(base, quote, shorts, NOW);
    }

    /** The book's forecast vol under the risk model, recomputed from the held positions. */
    private static double bookVol(PortfolioState p, MarketState m) {
        PortfolioGreeks g = PortfolioGreeks.of(p, m);
        BookRisk r = new BookRisk(m.forecastVol(), m.ivVol(), m.spotIvCorrelation());
        return Math.sqrt(r.variance(g.delta() * SPOT, g.vega(), g.horizonGamma())) / g.nav();
    }

    private static double size(Decision d, Class<? extends Action> kind, OptionType type) {
        double s = 0;
        for (Action a : d.actions()) {
            if (a instanceof Action.Swap swap && kind == Action.Swap.class) {
                s += swap.baseAmount();
            } else if (a instanceof Action.Write w && kind == Action.Write.class && w.type() == type) {
                s += w.size();
            }
        }
        return s;
    }

    @Test
    void withoutOptionsTheWeightIsTargetOverForecast() {
        StrategyConfig config = costless(options(false, false, 0.2, 0, VrpRule.SKIP), UNCAPPED);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), market(0.8, 0.9));
        // 0.4 / 0.8 = 0.5 of NAV in spot: 250 base at 2,000.
        assertEquals(0.5, d.targetWeight(), 1e-12);
        assertEquals(250, size(d, Action.Swap.class, null), 1e-9);
        assertEquals(0.4, d.bookVol(), 1e-12);
        // At a 30% forecast the target weight 1.33 is capped at max leverage 1.
        Decision capped = new Strategy(config).decide(PortfolioState.cash(NAV), market(0.3, 0.35));
        assertEquals(1.0, capped.targetWeight(), 1e-12);
        assertEquals(0.3, capped.bookVol(), 1e-12);
    }

    @Test
    void theWholeBooksForecastVolHitsTheTarget() {
        StrategyConfig config = costless(options(true, true, 0.2, 0, VrpRule.SKIP), UNCAPPED);
        MarketState m = market(0.8, 0.9);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), m);
        assertEquals(3, d.actions().size(), d.toString());
        assertEquals(0.4, d.bookVol(), 1e-9);
        PortfolioState after = apply(PortfolioState.cash(NAV), d);
        // Recomputed from the positions held: the premium received (in base for calls, quote for puts)
        // is all that moves it off the target.
        assertEquals(0.4, bookVol(after, m), 0.4 * 0.02);
        // Options take part of the variance: the delta is below the options-free 0.5.
        assertTrue(d.targetWeight() < 0.5 && d.targetWeight() > 0.35, "target " + d.targetWeight());
        for (ShortOption o : after.shorts()) {
            if (o.type() == OptionType.CALL) {
                assertTrue(o.size() <= after.base() + 1e-9);
                assertEquals(0.2, callDelta(o, m), 1e-9);
            } else {
                assertTrue(o.collateral() <= after.quote() + 1e-6);
            }
        }
    }

    @Test
    void thePutsCarryTheirShareOfTheDeltaAsFarAsTheCashSecuresThem() {
        StrategyConfig config = costless(options(false, true, 0.2, 0, VrpRule.SKIP), UNCAPPED);
        // At a 160% forecast the book's delta is small enough for the cash to secure the puts' share.
        MarketState m = market(1.6, 1.8);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), m);
        Action.Write w = (Action.Write) d.actions().get(1);
        double putDelta = -BlackScholes.delta(new BsOption(OptionType.PUT, SPOT, w.strike(), 7 / 365.0,
            m.surface().iv(w.strike(), 7 / 365.0), 0, 0));
        assertEquals(0.2, putDelta, 1e-9);
        // put_delta_share 0.5: the puts' delta is half the book's, spot the other half.
        double puts = w.size() * putDelta * SPOT;
        assertEquals(0.5 * d.targetWeight() * NAV, puts, 1e-6 * NAV);
        assertEquals(0.5 * d.targetWeight() * NAV, size(d, Action.Swap.class, null) * SPOT, 1e-6 * NAV);
        assertTrue(w.size() * w.strike() + size(d, Action.Swap.class, null) * SPOT < 0.9 * NAV);
        // At 80% half the delta in puts would need more cash than there is: spot and the puts' strikes
        // take all of it, and spot carries more than half.
        Decision bound = new Strategy(config).decide(PortfolioState.cash(NAV), market(0.8, 0.9));
        Action.Write bw = (Action.Write) bound.actions().get(1);
        double spot = size(bound, Action.Swap.class, null) * SPOT;
        assertEquals(NAV, bw.size() * bw.strike() + spot, 1e-6 * NAV);
        assertTrue(spot > 0.5 * bound.targetWeight() * NAV, bound.toString());
    }

    @Test
    void scalingTheNavScalesEverySize() {
        Options o = options(true, true, 0.2, 0, VrpRule.SKIP);
        MarketState m = market(0.8, 0.9);
        Decision one = new Strategy(costless(NAV, o, UNCAPPED)).decide(PortfolioState.cash(NAV), m);
        Decision three = new Strategy(costless(3 * NAV, o, UNCAPPED)).decide(PortfolioState.cash(3 * NAV), m);
        // Up to the bisection's floating-point rounding (1e-8 relative).
        assertEquals(3 * size(one, Action.Swap.class, null), size(three, Action.Swap.class, null), 1e-5);
        assertEquals(3 * size(one, Action.Write.class, OptionType.CALL), size(three, Action.Write.class, OptionType.CALL),
            1e-5);
        assertEquals(3 * size(one, Action.Write.class, OptionType.PUT), size(three, Action.Write.class, OptionType.PUT),
            1e-5);
        assertTrue(size(one, Action.Write.class, OptionType.PUT) > 100, one.toString());
        assertEquals(one.targetWeight(), three.targetWeight(), 1e-9);
    }

    /**
     * A put-only book (share 1) at a 240% forecast: the puts carry all the delta, no spot is bought,
     * and their gamma and vega take part of the target variance, so they carry less delta than spot
     * alone would (0.4 / 2.4 of NAV).
     */
    @Test
    void whenThePutsAloneWouldExceedTheTargetFewerAreWritten() {
        Options puts = new Options(false, true, 0.2, 0.2, 7, 1, 1, 0.05, 0, VrpRule.SKIP);
        MarketState m = market(2.4, 2.6);
        Decision d = new Strategy(costless(puts, UNCAPPED)).decide(PortfolioState.cash(NAV), m);
        assertEquals(0, size(d, Action.Swap.class, null), 1e-9, d.toString());
        double written = size(d, Action.Write.class, OptionType.PUT);
        assertEquals(0.4, bookVol(apply(PortfolioState.cash(NAV), d), m), 0.4 * 0.02);
        assertTrue(written * 0.2 * SPOT < 0.9 * NAV / 6, "put delta " + written * 0.2 * SPOT / NAV);
        // Open puts whose delta is already above the target: no spot, and no new puts.
        PortfolioState heavy = new PortfolioState(0, NAV, List.of(new ShortOption(OptionType.PUT, 2100,
            NOW + 3 * 86_400, 450)), NOW - 86_400);
        Decision next = new Strategy(costless(puts, UNCAPPED)).decide(heavy, market(0.8, 0.9));
        assertTrue(next.holds(), next.toString());
        assertTrue(next.currentWeight() > 0.4, "open puts' weight " + next.currentWeight());
    }

    @Test
    void theGammaCapBindsAndBuysSpotInstead() {
        Options o = options(true, true, 0.3, 0, VrpRule.SKIP);
        MarketState m = market(0.8, 0.9);
        Decision free = new Strategy(costless(o, UNCAPPED)).decide(PortfolioState.cash(NAV), m);
        StrategyConfig capped = costless(o, new StrategyConfig.Risk(1e9, 0.1));
        Decision d = new Strategy(capped).decide(PortfolioState.cash(NAV), m);
        PortfolioGreeks g = PortfolioGreeks.of(apply(PortfolioState.cash(NAV), d), m);
        // Gamma risk sqrt(1/2) sigma^2 |G| at its cap: 0.1 x 0.4 x NAV.
        assertEquals(0.1 * 0.4 * NAV, new BookRisk(0.8, 0.6, -0.3).gammaVol(g.horizonGamma()), 1e-6 * NAV);
        assertTrue(free.actions().get(1).reason().indexOf("cap") < 0, free.toString());
        assertTrue(d.actions().get(1).reason().contains("by the gamma cap"), d.toString());
        // What it changes: fewer calls and puts, more spot, the book still at the target.
        assertTrue(size(d, Action.Write.class, OptionType.PUT) < 0.9 * size(free, Action.Write.class, OptionType.PUT));
        assertTrue(size(d, Action.Swap.class, null) > size(free, Action.Swap.class, null));
        assertEquals(0.4, d.bookVol(), 1e-9);
    }

    @Test
    void theVegaCapBindsAndBuysSpotInstead() {
        Options o = options(true, true, 0.3, 0, VrpRule.SKIP);
        MarketState m = market(0.8, 0.9, 1.5, 0, 0);
        Decision free = new Strategy(costless(o, UNCAPPED)).decide(PortfolioState.cash(NAV), m);
        Decision d = new Strategy(costless(o, new StrategyConfig.Risk(0.05, 1e9))).decide(PortfolioState.cash(NAV), m);
        PortfolioGreeks g = PortfolioGreeks.of(apply(PortfolioState.cash(NAV), d), m);
        // Vega risk eta |V| at its cap: 0.05 x 0.4 x NAV with eta = 1.5.
        assertEquals(0.05 * 0.4 * NAV, 1.5 * Math.abs(g.vega()), 1e-6 * NAV);
        assertTrue(d.actions().get(1).reason().contains("by the vega cap"), d.toString());
        assertTrue(size(d, Action.Write.class, OptionType.CALL) < size(free, Action.Write.class, OptionType.CALL));
        assertTrue(size(d, Action.Swap.class, null) > size(free, Action.Swap.class, null));
    }

    private static double callDelta(ShortOption o, MarketState m) {
        double years = OptionMarks.yearsTo(o.expiryEpochSeconds(), m);
        return BlackScholes.delta(new BsOption(OptionType.CALL, SPOT, o.strike(), years,
            m.surface().iv(o.strike(), years), 0, 0));
    }

    @Test
    void thinPremiumSkipsTheRound() {
        StrategyConfig config = costless(options(true, true, 0.2, 1.1, VrpRule.SKIP), UNCAPPED);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), market(0.8, 0.8));
        assertEquals(1.0, d.vrpRatio(), 1e-12);
        assertTrue(d.actions().stream().noneMatch(a -> a instanceof Action.Write), d.toString());
        assertTrue(d.actions().get(0).reason().startsWith("first allocation"), d.toString());
    }

    @Test
    void thinPremiumCanMoveFurtherOutOfTheMoney() {
        StrategyConfig config = costless(options(true, false, 0.2, 1.1, VrpRule.FURTHER_OTM), UNCAPPED);
        MarketState m = market(0.8, 0.8);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), m);
        Action.Write w = (Action.Write) d.actions().get(1);
        assertEquals(0.1, callDelta(new ShortOption(w.type(), w.strike(), w.expiryEpochSeconds(), w.size()), m), 1e-9);
        assertTrue(w.reason().contains("VRP 1.0 < 1.1: further_otm"), w.reason());
        assertTrue(w.reason().startsWith("covered-call round, delta 0.1;"), w.reason());
    }

    @Test
    void thinPremiumCanReduceTheSize() {
        StrategyConfig config = costless(options(true, false, 0.2, 1.25, VrpRule.REDUCE), UNCAPPED);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), market(0.8, 0.8));
        Action.Swap bought = (Action.Swap) d.actions().get(0);
        Action.Write calls = (Action.Write) d.actions().get(1);
        // Ratio 1.0 against a minimum of 1.25: calls on 80% of the base (call_fraction 1).
        assertEquals(0.8 * bought.baseAmount(), calls.size(), 1e-9);
        assertTrue(calls.reason().contains("reduce"), calls.reason());
    }

    @Test
    void aBookAtTargetHoldsAndTheSameInputsGiveTheSameDecision() {
        StrategyConfig config = costless(options(false, false, 0.2, 0, VrpRule.SKIP), UNCAPPED);
        Strategy s = new Strategy(config);
        MarketState m = market(0.8, 0.9);
        PortfolioState atTarget = new PortfolioState(0.5 * NAV / SPOT, 0.5 * NAV, List.of(), NOW - 86_400);
        Decision d = s.decide(atTarget, m);
        assertTrue(d.holds(), d.toString());
        assertEquals(d, s.decide(atTarget, m));
        // Costless: the no-trade region is empty, so any drift is traded back.
        PortfolioState drifted = new PortfolioState(0.6 * NAV / SPOT, 0.4 * NAV, List.of(), NOW - 86_400);
        Action.Swap swap = (Action.Swap) s.decide(drifted, m).actions().get(0);
        assertEquals(-0.1 * NAV / SPOT, swap.baseAmount(), 1e-6);
        assertTrue(swap.reason().startsWith("outside the no-trade region (+-0.0)"), swap.reason());
    }

    /**
     * The no-trade half-width by hand: selling base through a very deep pool costs the 30 bps fee,
     * eps = 0.003; target weight 0.4 / 0.8 = 0.5; risk aversion 1 / 0.4 = 2.5; so
     * (3 x 0.003 x 0.5^2 x 0.5^2 / (4 x 2.5))^(1/3) = (5.625e-5)^(1/3) = 0.0383.
     */
    @Test
    void theNoTradeRegionIsTheCostAgainstTheTrackingRisk() {
        StrategyConfig d = StrategyConfig.defaults();
        Options none = options(false, false, 0.2, 0, VrpRule.SKIP);
        StrategyConfig fee = new StrategyConfig(NAV, d.sizing(), d.forecast(), new StrategyConfig.Rebalance(1.0), none,
            UNCAPPED, new StrategyConfig.Costs(30, 1e15, 0));
        MarketState m = market(0.8, 0.9);
        Strategy s = new Strategy(fee);
        double halfWidth = Math.cbrt(5.625e-5);
        assertEquals(0.0383155, halfWidth, 1e-7);
        assertEquals(halfWidth, s.noTradeHalfWidth(-10, 0.5, m), 1e-9);
        Decision inside = s.decide(drifted(0.5 + 0.99 * halfWidth), m);
        assertTrue(inside.holds() && inside.actions().get(0).reason().startsWith("inside the no-trade region"),
            inside.toString());
        Decision outside = s.decide(drifted(0.5 + 1.01 * halfWidth), m);
        assertEquals(-1.01 * halfWidth * NAV / SPOT, ((Action.Swap) outside.actions().get(0)).baseAmount(), 1e-6);
        // Half the assumed Sharpe at the same target means half the risk aversion: a wider region, by the
        // cube root of 2 (gamma = Sharpe / target: a target held below a good asset's Merton weight
        // reveals an investor who minds tracking errors).
        Strategy relaxed = new Strategy(fee.withRebalance(new StrategyConfig.Rebalance(0.5)));
        assertEquals(halfWidth * Math.cbrt(2), relaxed.noTradeHalfWidth(-10, 0.5, m), 1e-9);
        assertTrue(relaxed.decide(drifted(0.5 + 1.01 * halfWidth), m).holds());
        // A weight of 0 or 1 does not drift: no region.
        assertEquals(0, s.noTradeHalfWidth(-10, 1.0, m), 0);
    }

    private static PortfolioState drifted(double weight) {
        return new PortfolioState(weight * NAV / SPOT, (1 - weight) * NAV, List.of(), NOW - 86_400);
    }
}
