package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.VrpRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Strategy#decide} on hand-built states: sizing through the option book, gates and caps. */
class StrategyTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;

    /** Costless pool and gas, so holdings after the actions can be worked out exactly. */
    private static StrategyConfig costless(Options options, StrategyConfig.Risk risk) {
        StrategyConfig d = StrategyConfig.defaults();
        return new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(), options, risk,
            new StrategyConfig.Costs(0, 1e15, 0));
    }

    private static Options options(boolean calls, boolean puts, double delta, double minVrp, VrpRule rule) {
        return new Options(calls, puts, delta, delta, 7, 1.0, 0.5, 0.05, minVrp, rule);
    }

    private static MarketState market(double forecast, double atm) {
        double years = 7 / 365.0;
        return new MarketState(NOW, SPOT, forecast, SkewModel.CRYPTO_DEFAULT.surface(atm, SPOT, years), 0, 365);
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
        return new PortfolioState(base, quote, shorts, NOW, 0.8);
    }

    @Test
    void theWholeBooksDeltaHitsTheTarget() {
        StrategyConfig config = costless(options(true, true, 0.2, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED);
        MarketState m = market(0.8, 0.9);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), m);
        assertEquals(3, d.actions().size(), d.toString());
        PortfolioState after = apply(PortfolioState.cash(NAV), d);
        PortfolioGreeks g = PortfolioGreeks.of(after, m);
        // Without premium the weight would be exactly the target; the premium received (in base for
        // calls, quote for puts) is all the difference there is.
        assertEquals(d.targetWeight(), g.delta() * SPOT / NAV, 0.01);
        // The short calls lower the delta and the short puts raise it: spot makes up the difference.
        assertTrue(g.optionDelta() != 0);
        // Calls covered one for one, puts secured by strike x size.
        for (ShortOption o : after.shorts()) {
            if (o.type() == OptionType.CALL) {
                assertTrue(o.size() <= after.base() + 1e-9);
                assertEquals(0.2, callDelta(o, m), 1e-9);
            } else {
                assertTrue(o.collateral() <= after.quote() + 1e-6);
            }
        }
        // Target = sqrt(target var - gamma var) / vol: a little under 0.4 / 0.8.
        assertTrue(d.targetWeight() < 0.5 && d.targetWeight() > 0.45, "target " + d.targetWeight());
    }

    private static double callDelta(ShortOption o, MarketState m) {
        double years = OptionMarks.yearsTo(o.expiryEpochSeconds(), m);
        return BlackScholes.delta(new BsOption(OptionType.CALL, SPOT, o.strike(), years,
            m.surface().iv(o.strike(), years), 0, 0));
    }

    @Test
    void thinPremiumSkipsTheRound() {
        StrategyConfig config = costless(options(true, true, 0.2, 1.1, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), market(0.8, 0.8));
        assertEquals(1.0, d.vrpRatio(), 1e-12);
        assertTrue(d.actions().stream().noneMatch(a -> a instanceof Action.Write), d.toString());
        assertTrue(d.actions().get(0).reason().startsWith("first allocation"), d.toString());
    }

    @Test
    void thinPremiumCanMoveFurtherOutOfTheMoney() {
        StrategyConfig config = costless(options(true, false, 0.2, 1.1, VrpRule.FURTHER_OTM),
            StrategyConfig.Risk.UNCAPPED);
        MarketState m = market(0.8, 0.8);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), m);
        Action.Write w = (Action.Write) d.actions().get(1);
        assertEquals(0.1, callDelta(new ShortOption(w.type(), w.strike(), w.expiryEpochSeconds(), w.size()), m), 1e-9);
        assertTrue(w.reason().contains("VRP 1.0 < 1.1: further_otm"), w.reason());
    }

    @Test
    void thinPremiumCanReduceTheSize() {
        StrategyConfig config = costless(options(true, false, 0.2, 1.25, VrpRule.REDUCE), StrategyConfig.Risk.UNCAPPED);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), market(0.8, 0.8));
        Action.Swap bought = (Action.Swap) d.actions().get(0);
        Action.Write calls = (Action.Write) d.actions().get(1);
        // Ratio 1.0 against a minimum of 1.25: calls on 80% of the base (call_fraction 1).
        assertEquals(0.8 * bought.baseAmount(), calls.size(), 1e-9);
        assertTrue(calls.reason().contains("reduce"), calls.reason());
    }

    @Test
    void shortVegaStaysUnderItsCap() {
        StrategyConfig config = costless(options(true, true, 0.3, 0, VrpRule.SKIP),
            new StrategyConfig.Risk(0.0002, 1e9, 3));
        MarketState m = market(0.8, 0.9);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), m);
        PortfolioGreeks g = PortfolioGreeks.of(apply(PortfolioState.cash(NAV), d), m);
        assertEquals(-0.0002 * NAV, g.vega() / 100, 1e-6 * NAV, "vega per point " + g.vega() / 100);
    }

    @Test
    void gammaLossStaysUnderItsCap() {
        StrategyConfig config = costless(options(true, true, 0.3, 0, VrpRule.SKIP), new StrategyConfig.Risk(1e9, 0.01, 3));
        MarketState m = market(0.8, 0.9);
        Decision d = new Strategy(config).decide(PortfolioState.cash(NAV), m);
        PortfolioGreeks g = PortfolioGreeks.of(apply(PortfolioState.cash(NAV), d), m);
        double move = SPOT * 3 * 0.8 * Math.sqrt(1 / 365.0);
        assertEquals(0.01 * NAV, -0.5 * g.gamma() * move * move, 1e-6 * NAV);
    }

    @Test
    void aBookAtTargetHoldsAndTheSameInputsGiveTheSameDecision() {
        StrategyConfig config = costless(options(false, false, 0.2, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED);
        Strategy s = new Strategy(config);
        MarketState m = market(0.8, 0.9);
        PortfolioState atTarget = new PortfolioState(0.5 * NAV / SPOT, 0.5 * NAV, List.of(), NOW - 86_400, 0.8);
        Decision d = s.decide(atTarget, m);
        assertTrue(d.holds(), d.toString());
        assertEquals(d, s.decide(atTarget, m));
        // Out of the band: trade back to the target.
        PortfolioState drifted = new PortfolioState(0.6 * NAV / SPOT, 0.4 * NAV, List.of(), NOW - 86_400, 0.8);
        Action.Swap swap = (Action.Swap) s.decide(drifted, m).actions().get(0);
        assertEquals(-0.1 * NAV / SPOT, swap.baseAmount(), 1e-6);
        assertTrue(swap.reason().startsWith("band"), swap.reason());
    }

    @Test
    void aTradeCostingMoreThanTheRiskItRemovesIsNotMade() {
        StrategyConfig d = StrategyConfig.defaults();
        Options none = options(false, false, 0.2, 0, VrpRule.SKIP);
        MarketState m = market(0.8, 0.9);
        // 6% drift, beyond the 5% band: the mis-sizing carries |0.06 NAV| x 0.8 x sqrt(7/365) x
        // sqrt(2/pi) = 5,317 of mean absolute P&L over a week.
        PortfolioState drifted = new PortfolioState(0.56 * NAV / SPOT, 0.44 * NAV, List.of(), NOW - 86_400, 0.8);
        double risk = 0.06 * NAV * 0.8 * Math.sqrt(7 / 365.0) * Math.sqrt(2 / Math.PI);
        StrategyConfig cheap = new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(), none,
            StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(0, 1e15, risk - 1));
        StrategyConfig dear = new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(), none,
            StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(0, 1e15, risk + 1));
        assertTrue(new Strategy(cheap).decide(drifted, m).actions().get(0) instanceof Action.Swap);
        Decision held = new Strategy(dear).decide(drifted, m);
        assertTrue(held.holds() && held.actions().get(0).reason().startsWith("cost-aware band"), held.toString());
    }
}
