package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.SizingRule;
import io.volvault.strategy.StrategyConfig.VrpRule;
import io.volvault.strategy.sizing.BookRisk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole book sized at once: open options, calls and puts together, the cash bound, the rules. */
class BookSizerTest {

    private static final long NOW = 1_700_000_000L;
    private static final long WEEK = 7 * 86_400L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;
    private static final double YEARS = 7 / 365.0;

    private static StrategyConfig config(Options o, StrategyConfig.Risk risk, double gas) {
        StrategyConfig d = StrategyConfig.defaults();
        return new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(), o, risk,
            new StrategyConfig.Costs(0, 1e15, gas));
    }

    private static Options options(boolean calls, boolean puts, double putShare, double minVrp, VrpRule rule) {
        return new Options(calls, puts, 0.2, 0.2, 7, 1.0, putShare, 0.05, minVrp, rule);
    }

    /** Smile with slices at the round's tenor and at 3 days (for options already open). */
    private static MarketState market(double forecast, double atm) {
        return new MarketState(NOW, SPOT, forecast,
            SkewModel.CRYPTO_DEFAULT.surface(atm, SPOT, YEARS, 3 / 365.0), 0, 0.6, -0.3, 2);
    }

    private static PortfolioState apply(PortfolioState p, Decision d) {
        return Executed.withoutPremium(p, d, SPOT, NOW);
    }

    private static BookRisk risk(MarketState m) {
        return new BookRisk(m.forecastVol(), m.ivVol(), m.spotIvCorrelation());
    }

    private static double bookVol(PortfolioState p, MarketState m) {
        PortfolioGreeks g = PortfolioGreeks.of(p, m);
        return Math.sqrt(risk(m).variance(g.delta() * SPOT, g.vega(), g.horizonGamma())) / g.nav();
    }

    private static Action.Write write(Decision d, OptionType type) {
        return d.actions().stream().filter(a -> a instanceof Action.Write w && w.type() == type)
            .map(a -> (Action.Write) a).findFirst().orElseThrow(() -> new AssertionError("no " + type + ": " + d));
    }

    private static double swap(Decision d) {
        return d.actions().get(0) instanceof Action.Swap s ? s.baseAmount() : 0;
    }

    /** 100 calls struck at 2,100 expiring in 3 days, on 300 base; the rest in quote. */
    private static PortfolioState withOpenCall() {
        return new PortfolioState(300, NAV - 300 * SPOT, List.of(new ShortOption(OptionType.CALL, 2100,
            NOW + 3 * 86_400, 100)), NOW - 86_400);
    }

    /**
     * Mid-round, calls open: spot makes the whole book's delta (open calls included) the target,
     * and the book's forecast vol, open calls' gamma and vega included, is the target exactly.
     */
    @Test
    void spotOffsetsTheOpenOptionsDelta() {
        MarketState m = market(0.8, 0.9);
        Decision d = new Strategy(config(options(true, false, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0))
            .decide(withOpenCall(), m);
        assertEquals(1, d.actions().size(), "no new calls while calls are open: " + d);
        PortfolioState after = apply(withOpenCall(), d);
        PortfolioGreeks g = PortfolioGreeks.of(after, m);
        assertEquals(d.targetWeight(), g.weight(SPOT), 1e-9);
        assertEquals(0.4, bookVol(after, m), 1e-9);
        assertTrue(g.optionDelta() < -10, "the open calls' delta counts: " + g.optionDelta());
    }

    /**
     * A put round next to open calls, the gamma cap binding: the cap holds on the whole book, the
     * open calls' gamma included (it leaves less room for the puts).
     */
    @Test
    void theGammaCapCountsTheOpenOptions() {
        MarketState m = market(0.8, 0.9);
        StrategyConfig capped = config(options(true, true, 0.5, 0, VrpRule.SKIP), new StrategyConfig.Risk(1e9, 0.1), 0);
        Decision d = new Strategy(capped).decide(withOpenCall(), m);
        Action.Write puts = write(d, OptionType.PUT);
        assertTrue(puts.reason().contains("by the gamma cap"), puts.reason());
        PortfolioGreeks g = PortfolioGreeks.of(apply(withOpenCall(), d), m);
        assertEquals(0.1 * 0.4 * g.nav(), risk(m).gammaVol(g.horizonGamma()), 1e-6 * NAV);
    }

    /** Calls and puts together, cash to spare: the puts carry their share of the whole book's delta. */
    @Test
    void withCallsThePutsStillCarryTheirShare() {
        MarketState m = market(1.6, 1.8);
        Decision d = new Strategy(config(options(true, true, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0))
            .decide(PortfolioState.cash(NAV), m);
        Action.Write puts = write(d, OptionType.PUT);
        Action.Write calls = write(d, OptionType.CALL);
        assertEquals(0.5 * d.targetWeight() * NAV, puts.size() * 0.2 * SPOT, 1e-6 * NAV);
        // call_fraction 1: calls on all the base bought.
        assertEquals(swap(d), calls.size(), 1e-9);
        // Spot less the calls' delta carries the other half.
        assertEquals(0.5 * d.targetWeight() * NAV, (swap(d) - 0.2 * calls.size()) * SPOT, 1e-6 * NAV);
    }

    /** Calls and puts at 80%: the puts' share needs more cash than there is, so spot and strikes use it all. */
    @Test
    void theCashBoundHoldsWithCallsToo() {
        MarketState m = market(0.8, 0.9);
        Decision d = new Strategy(config(options(true, true, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0))
            .decide(PortfolioState.cash(NAV), m);
        Action.Write puts = write(d, OptionType.PUT);
        assertEquals(NAV, swap(d) * SPOT + puts.size() * puts.strike(), 1e-6 * NAV);
        // From a book already holding base the bound counts it: 100 base + 800,000 quote, gas 1 (3 kept back).
        PortfolioState held = new PortfolioState(100, NAV - 100 * SPOT, List.of(), NOW - 86_400);
        Decision next = new Strategy(config(options(false, true, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 1))
            .decide(held, m);
        Action.Write p = write(next, OptionType.PUT);
        assertEquals(NAV - 3, (100 + swap(next)) * SPOT + p.size() * p.strike(), 1e-6 * NAV);
    }

    @Test
    void buyAndHoldBuysOnceAndWritesOnAllOfIt() {
        StrategyConfig d = config(options(true, false, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0);
        StrategyConfig hold = d.withSizing(d.sizing().withRule(SizingRule.BUY_AND_HOLD));
        MarketState m = market(0.8, 0.9);
        Decision first = new Strategy(hold).decide(PortfolioState.cash(NAV), m);
        // All the cash, less the deep pool's impact (a few parts in 1e9).
        assertEquals(NAV / SPOT, swap(first), 1e-6);
        assertEquals(swap(first), write(first, OptionType.CALL).size(), 1e-9);
        // Later, however far from any target: no swap, calls on all the base again.
        PortfolioState later = new PortfolioState(400, 200_000, List.of(), NOW - WEEK);
        Decision next = new Strategy(hold).decide(later, m);
        assertEquals(0, swap(next), 0, next.toString());
        assertEquals(400, write(next, OptionType.CALL).size(), 1e-9);
    }

    @Test
    void anEmptyBookHolds() {
        Decision d = new Strategy(StrategyConfig.defaults()).decide(new PortfolioState(0, 0, List.of(), NOW), market(0.8, 0.9));
        assertTrue(d.holds() && d.actions().get(0).reason().equals("NAV 0.0 is not positive"), d.toString());
    }

    /** The VRP gate applies below the minimum only; puts go further out of the money too. */
    @Test
    void theVrpGateIsStrictAndMovesPutsToo() {
        MarketState m = market(0.8, 0.8);
        Decision at = new Strategy(config(options(false, true, 0.5, 1.0, VrpRule.FURTHER_OTM), StrategyConfig.Risk.UNCAPPED,
            0)).decide(PortfolioState.cash(NAV), m);
        assertEquals(1.0, at.vrpRatio(), 1e-12);
        Action.Write normal = write(at, OptionType.PUT);
        assertEquals(-0.2, putDelta(normal, m), 1e-9);
        assertTrue(!normal.reason().contains("VRP"), normal.reason());
        Decision below = new Strategy(config(options(false, true, 0.5, 1.01, VrpRule.FURTHER_OTM),
            StrategyConfig.Risk.UNCAPPED, 0)).decide(PortfolioState.cash(NAV), m);
        assertEquals(-0.1, putDelta(write(below, OptionType.PUT), m), 1e-9);
        assertTrue(write(below, OptionType.PUT).reason().startsWith("cash-secured-put round, delta 0.1;"),
            write(below, OptionType.PUT).reason());
        // Reduce: the puts' share scaled by 1.0 / 1.25.
        Decision reduced = new Strategy(config(options(false, true, 0.5, 1.25, VrpRule.REDUCE),
            StrategyConfig.Risk.UNCAPPED, 0)).decide(PortfolioState.cash(NAV), market(1.6, 1.6));
        assertEquals(0.5 * 0.8 * reduced.targetWeight() * NAV, write(reduced, OptionType.PUT).size() * 0.2 * SPOT,
            1e-6 * NAV);
        // No round, no gate: a quiet hold says nothing about the VRP.
        PortfolioState atTarget = new PortfolioState(0.5 * NAV / SPOT, 0.5 * NAV, List.of(), NOW - 86_400);
        Decision quiet = new Strategy(config(options(false, false, 0.5, 1.1, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED,
            0)).decide(atTarget, m);
        assertEquals("nothing to trade: holdings already at target or locked as collateral",
            quiet.actions().get(0).reason());
    }

    private static double putDelta(Action.Write w, MarketState m) {
        return BlackScholes.delta(new BsOption(OptionType.PUT, SPOT, w.strike(), YEARS, m.surface().iv(w.strike(), YEARS),
            0, 0));
    }

    @Test
    void thePremiumIsTheMarkLessTheSpread() {
        MarketState m = market(0.8, 0.9);
        Decision d = new Strategy(config(options(false, true, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0))
            .decide(PortfolioState.cash(NAV), m);
        Action.Write w = write(d, OptionType.PUT);
        double mark = BlackScholes.greeks(new BsOption(OptionType.PUT, SPOT, w.strike(), YEARS,
            m.surface().iv(w.strike(), YEARS), 0, 0)).price();
        assertEquals(0.95 * mark, w.limitPremium(), 1e-9 * mark);
        assertEquals(NOW + WEEK, w.expiryEpochSeconds());
    }

    /** Gas counts in the trade's cost: eps = 0.003 + 300 / 60,000 = 0.008 for 30 base at 2,000. */
    @Test
    void gasWidensTheNoTradeRegion() {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig withGas = new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(),
            options(false, false, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(30, 1e15, 300));
        double expected = Math.cbrt(3 * 0.008 * 0.0625 / (4 * 2.5));
        assertEquals(expected, new Strategy(withGas).noTradeHalfWidth(-30, 0.5, market(0.8, 0.9)), 1e-9);
    }

    /** A fixed weight is the whole book's delta: open calls and new options included. */
    @Test
    void aFixedWeightCountsEveryOptionsDelta() {
        StrategyConfig d = config(options(true, true, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0);
        StrategyConfig fixed = d.withSizing(d.sizing().withRule(SizingRule.FIXED_WEIGHT));
        MarketState m = market(1.6, 1.8);
        // Delta x spot against half the NAV before the round (the premium, left out here, is not delta).
        Decision fromCash = new Strategy(fixed).decide(PortfolioState.cash(NAV), m);
        assertEquals(3, fromCash.actions().size(), fromCash.toString());
        assertEquals(0.5 * NAV, PortfolioGreeks.of(apply(PortfolioState.cash(NAV), fromCash), m).delta() * SPOT, 1e-3);
        Decision mid = new Strategy(fixed).decide(withOpenCall(), m);
        double navBefore = PortfolioGreeks.of(withOpenCall(), m).nav();
        assertEquals(0.5 * navBefore, PortfolioGreeks.of(apply(withOpenCall(), mid), m).delta() * SPOT, 1e-3,
            mid.toString());
    }

    /**
     * With fees the swap costs more than the plan assumed: the options are trimmed to what is held
     * after it. Buying: puts on the quote left less the gas reserve. Selling to fund puts: the
     * proceeds net of the fee.
     */
    @Test
    void optionsAreTrimmedToTheCollateralHeldAfterTheSwap() {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig fees = new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(),
            options(true, true, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(30, 1e15, 1));
        Strategy s = new Strategy(fees);
        MarketState m = market(0.8, 0.9);
        Decision first = s.decide(PortfolioState.cash(NAV), m);
        Action.Write puts = write(first, OptionType.PUT);
        double quoteLeft = NAV - s.pool().quoteInForBaseOut(swap(first), SPOT);
        assertEquals(quoteLeft - 3, puts.size() * puts.strike(), 1e-6);
        assertEquals(swap(first), write(first, OptionType.CALL).size(), 1e-9);
        // Holding only base: selling some to secure the puts.
        PortfolioState allBase = new PortfolioState(NAV / SPOT, 0, List.of(), NOW - 86_400);
        Decision sell = s.decide(allBase, m);
        assertTrue(swap(sell) < 0, sell.toString());
        Action.Write p = write(sell, OptionType.PUT);
        assertEquals(s.pool().quoteOutForBaseIn(-swap(sell), SPOT) - 3, p.size() * p.strike(), 1e-6);
    }

    /** Base locked by open calls cannot be sold; quote locked by open puts cannot buy. */
    @Test
    void lockedCollateralIsNotTraded() {
        Strategy s = new Strategy(config(options(true, true, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0));
        MarketState m = market(3.2, 3.4);
        // All 500 base covers open calls: the target (far below) would sell, but nothing is free.
        PortfolioState locked = new PortfolioState(500, 0, List.of(new ShortOption(OptionType.CALL, 2400,
            NOW + 3 * 86_400, 500), new ShortOption(OptionType.PUT, 1500, NOW + 3 * 86_400, 1)), NOW - 86_400);
        Decision d = s.decide(locked, m);
        assertTrue(d.holds() && d.actions().get(0).reason().startsWith("nothing to trade"), d.toString());
        // All the quote secures open puts: the target (far above) would buy, but nothing is free.
        PortfolioState cashLocked = new PortfolioState(0, NAV, List.of(new ShortOption(OptionType.PUT, 2000,
            NOW + 3 * 86_400, NAV / 2000), new ShortOption(OptionType.CALL, 2400, NOW + 3 * 86_400, 1e-9)), NOW - 86_400);
        Decision b = new Strategy(config(options(true, true, 0.5, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0))
            .decide(cashLocked, market(0.3, 0.35));
        assertTrue(b.holds(), b.toString());
    }

    /** Rounds skipped by the VRP gate say so even when nothing else is done. */
    @Test
    void aSkippedRoundSaysWhy() {
        PortfolioState atTarget = new PortfolioState(0.5 * NAV / SPOT, 0.5 * NAV, List.of(), NOW - 86_400);
        Decision d = new Strategy(config(options(false, true, 0.5, 1.1, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED, 0))
            .decide(atTarget, new MarketState(NOW, SPOT, 0.8, SkewModel.CRYPTO_DEFAULT.surface(0.8, SPOT, YEARS), 0, 0, 0, 0));
        assertEquals("nothing to trade: holdings already at target or locked as collateral; VRP 1.0 < 1.1: skip",
            d.actions().get(0).reason());
    }
}
