package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.VrpRule;
import io.volvault.strategy.sizing.BookRisk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the cash cannot carry the target: covered calls give way to the delta the target needs, and
 * a target no book the cash holds can reach is reported as out of reach with the largest book.
 */
class BookSizerCashLimitTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;
    private static final double YEARS = 7 / 365.0;
    private static final String OUT_OF_REACH = " (target 0.4 out of reach: the most the cash and max_leverage ";

    private static StrategyConfig config(boolean calls, boolean puts, double maxLeverage, double feeBps) {
        return config(calls, puts, maxLeverage, feeBps, 0);
    }

    private static StrategyConfig config(boolean calls, boolean puts, double maxLeverage, double feeBps, double gas) {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig.Sizing s = d.sizing();
        return new StrategyConfig(NAV, new StrategyConfig.Sizing(s.rule(), 0.4, maxLeverage, 0.5, s.cppiFloor(),
            s.cppiMultiplier()), d.forecast(), d.rebalance(),
            new Options(calls, puts, 0.2, 0.2, 7, 1.0, 0.25, 0.05, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED,
            new StrategyConfig.Costs(feeBps, 1e15, gas));
    }

    private static MarketState market(double forecast) {
        return new MarketState(NOW, SPOT, forecast, SkewModel.CRYPTO_DEFAULT.surface(forecast * 1.1, SPOT, YEARS,
            3 / 365.0), 0, 0.6, -0.3, 2);
    }

    private static PortfolioState apply(PortfolioState p, Decision d) {
        return Executed.withoutPremium(p, d, SPOT, NOW);
    }

    /** The book's forecast risk over the NAV before the trade (the plan's units: premium left out). */
    private static double bookVol(PortfolioState p, MarketState m) {
        PortfolioGreeks g = PortfolioGreeks.of(p, m);
        BookRisk risk = new BookRisk(m.forecastVol(), m.ivVol(), m.spotIvCorrelation());
        return Math.sqrt(risk.variance(g.delta() * SPOT, g.vega(), g.horizonGamma())) / NAV;
    }

    private static double swap(Decision d) {
        return d.actions().get(0) instanceof Action.Swap s ? s.baseAmount() : 0;
    }

    private static List<Action.Write> writes(Decision d, OptionType type) {
        return d.actions().stream().filter(a -> a instanceof Action.Write w && w.type() == type)
            .map(a -> (Action.Write) a).toList();
    }

    /**
     * Forecast 0.4 / 0.9: the target needs a delta of about 0.9 of NAV, more than the 0.8 that all the
     * cash in base under calls on all of it leaves. All the cash goes into base and calls are written
     * on part of it, so that the book's delta is the target's and its forecast vol the target.
     */
    @Test
    void callsGiveWayToTheTargetsDelta() {
        MarketState m = market(0.4 / 0.9);
        Decision d = new Strategy(config(true, false, 1, 0)).decide(PortfolioState.cash(NAV), m);
        assertEquals(NAV, swap(d) * SPOT, 1e-6 * NAV);
        double calls = writes(d, OptionType.CALL).get(0).size();
        assertTrue(calls > 0.1 * swap(d) && calls < 0.9 * swap(d), calls + " calls on " + swap(d) + " base");
        PortfolioState after = apply(PortfolioState.cash(NAV), d);
        assertEquals(d.targetWeight() * NAV, PortfolioGreeks.of(after, m).delta() * SPOT, 1e-6 * NAV);
        assertEquals(0.4, bookVol(after, m), 1e-9);
        // 60 bisections of E over [0, NAV]: the target to the last digits.
        assertEquals(0.4, d.bookVol(), 1e-12);
        assertFalse(d.actions().get(0).reason().contains("out of reach"), d.actions().get(0).reason());
    }

    /**
     * The plan for each E in the region where the cash binds (0.8 to 1 of NAV with calls on all the
     * base): all the wealth in base, and calls on (wealth - E) / (dc S) of it, so the book's delta is
     * E exactly.
     */
    @Test
    void inTheCashBoundRegionThePlanIsAllBaseAndTheDeltaIsE() {
        MarketState m = market(0.4 / 0.9);
        double years = 7 * 86_400 / OptionMarks.SECONDS_PER_YEAR;
        StrategyConfig c = config(true, false, 1, 0);
        double strike = OptionMarks.strikeForDelta(OptionType.CALL, 0.2, years, m);
        Strategy.Series call = new Strategy.Series(OptionType.CALL, strike, NOW + 7 * 86_400,
            OptionMarks.greeks(OptionType.CALL, strike, years, m));
        PortfolioState cash = PortfolioState.cash(NAV);
        BookSizer sizer = new BookSizer(c, cash, PortfolioGreeks.of(cash, m), m, call, null, years, 1, 0);
        for (double e : new double[] {0.85, 0.9, 0.95, 1.0}) {
            BookSizer.Plan plan = sizer.at(e * NAV, 1);
            assertEquals(NAV, plan.base() * SPOT, 1e-9 * NAV, "E " + e);
            assertEquals((1 - e) * NAV / (0.2 * SPOT), plan.calls(), 1e-9, "E " + e);
            assertEquals(e * NAV, plan.dollarDelta(), 1e-6, "E " + e);
        }
    }

    /**
     * Forecast 0.3 under a 0.4 target: even all the cash in base, no calls, forecasts only 0.3. That
     * book is the plan, and the swap says the target is out of reach. Gas 1 (3 kept back) is not wealth.
     */
    @Test
    void anUnreachableTargetHoldsTheLargestBookAndSaysSo() {
        MarketState m = market(0.3);
        Decision d = new Strategy(config(true, true, 1, 0, 1)).decide(PortfolioState.cash(NAV), m);
        // Less the deep pool's impact, a part in 1e9.
        assertEquals(NAV - 3, swap(d) * SPOT, 0.01);
        assertEquals(1, d.actions().size(), "no calls and no puts: " + d);
        assertEquals((NAV - 3) / NAV, d.targetWeight(), 1e-12);
        assertEquals(0.3 * (NAV - 3) / NAV, d.bookVol(), 1e-12);
        assertTrue(d.actions().get(0).reason().contains(OUT_OF_REACH + "1.0 allow)"), d.actions().get(0).reason());
    }

    /**
     * Open puts lock 180,000 of quote; a call round with the target out of reach: only the free
     * 820,000 buys base, and no calls are written (each would take delta the book needs).
     */
    @Test
    void quoteLockedByOpenPutsIsNotWealth() {
        MarketState m = market(0.3);
        PortfolioState p = new PortfolioState(0, NAV, List.of(new ShortOption(OptionType.PUT, 1800,
            NOW + 3 * 86_400, 100)), NOW - 86_400);
        Decision d = new Strategy(config(true, true, 1, 0)).decide(p, m);
        assertEquals(NAV - 180_000, swap(d) * SPOT, 1e-6 * NAV);
        assertTrue(writes(d, OptionType.CALL).isEmpty(), d.toString());
        assertTrue(d.bookVol() < 0.3 && d.actions().get(0).reason().contains("out of reach"), d.toString());
    }

    /**
     * max_leverage 0.5 with a 0.3 forecast: the target is out of reach at a weight of 0.5. From 245
     * base and 510,000 quote the trade to it moves the weight by 0.01, inside the no-trade region
     * (+-0.038 for a 30 bp fee at w = 0.5): the hold says both.
     */
    @Test
    void aHoldInsideTheNoTradeRegionSaysTheTargetIsOutOfReach() {
        MarketState m = market(0.3);
        Decision d = new Strategy(config(false, false, 0.5, 30)).decide(
            new PortfolioState(245, 510_000, List.of(), NOW - 86_400), m);
        assertTrue(d.holds(), d.toString());
        assertEquals(0.5, d.targetWeight(), 1e-12);
        assertEquals(0.15, d.bookVol(), 1e-12);
        assertEquals("inside the no-trade region: a weight move of 0.01 <= +-0.038" + OUT_OF_REACH + "0.5 allow)",
            d.actions().get(0).reason());
    }
}
