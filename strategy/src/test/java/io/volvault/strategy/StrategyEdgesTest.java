package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.SizingRule;
import io.volvault.strategy.StrategyConfig.VrpRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision's edges: the VRP gate at its minimum, the dust threshold, buy-and-hold against
 * collateral that open options lock, and the market's and the decision's own checks. Expected values
 * are worked by hand in the comments.
 */
class StrategyEdgesTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;
    private static final double YEARS = 7 / 365.0;
    /** A pool this deep has no price impact a double can show on these sizes (quote / depth < 1e-290). */
    private static final double DEEP = 1e300;

    private static StrategyConfig config(SizingRule rule, Options o, double gas) {
        StrategyConfig d = StrategyConfig.defaults();
        return new StrategyConfig(NAV, d.sizing().withRule(rule), d.forecast(), d.rebalance(), o,
            StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(0, DEEP, gas));
    }

    private static Options options(boolean calls, boolean puts, double minVrp) {
        return new Options(calls, puts, 0.2, 0.2, 7, 1.0, 0.25, 0.05, minVrp, VrpRule.SKIP);
    }

    private static VolSurface surface(double atm) {
        return SkewModel.CRYPTO_DEFAULT.surface(atm, SPOT, YEARS, 3 / 365.0);
    }

    private static MarketState market(double forecast, VolSurface surface) {
        return new MarketState(NOW, SPOT, forecast, surface, 0, 0.6, -0.3, 2);
    }

    private static List<Action.Swap> swaps(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Swap).map(a -> (Action.Swap) a).toList();
    }

    private static long writes(Decision d, OptionType type) {
        return d.actions().stream().filter(a -> a instanceof Action.Write w && w.type() == type).count();
    }

    /**
     * The gate skips a round only when the VRP ratio is below the minimum. With the forecast set to
     * the surface's own ATM vol at the round's tenor, the ratio is x / x = 1 exactly, and a minimum
     * of 1 must let both options through.
     */
    @Test
    void aVrpRatioExactlyAtTheMinimumPassesTheGate() {
        VolSurface s = surface(0.8);
        double tenorYears = 7 * 86_400.0 / OptionMarks.SECONDS_PER_YEAR;
        MarketState m = market(s.iv(SPOT, tenorYears), s);
        Decision d = new Strategy(config(SizingRule.VOL_TARGET, options(true, true, 1.0), 0))
            .decide(PortfolioState.cash(NAV), m);
        assertEquals(1.0, d.vrpRatio());
        assertEquals(1, writes(d, OptionType.CALL), d.toString());
        assertEquals(1, writes(d, OptionType.PUT), d.toString());
    }

    /**
     * A fixed weight of 0.5 held already, but for 1e-9 base too many: the trade it asks for is
     * about 5e-10 base = 1e-6 quote, a thousand times below the 1e-9 x NAV = 1e-3 quote below which
     * nothing is traded. Even at the first allocation (no no-trade region) the decision holds.
     */
    @Test
    void aDustTradeIsNotMade() {
        PortfolioState p = new PortfolioState(250 + 1e-9, 500_000, List.of(), Long.MIN_VALUE);
        Decision d = new Strategy(config(SizingRule.FIXED_WEIGHT, options(false, false, 0), 0))
            .decide(p, market(0.8, surface(0.8)));
        assertTrue(d.holds(), d.toString());
        assertEquals(0.5, d.targetWeight(), 1e-12);
    }

    /**
     * Ten calls struck at 1,000 with spot at 2,000 and three days left: by put-call parity at rate 0
     * each is worth S - K + P = 1,000 + P, P the 1,000-strike put, half the spot away with three days
     * left (ln 2 is several of the wing's sigma sqrt T): P is a few thousandths at most.
     */
    private static final ShortOption DEEP_CALLS = new ShortOption(OptionType.CALL, 1000, NOW + 3 * 86_400, 10);

    /**
     * Buy-and-hold's first allocation puts the NAV in base: 1e6 quote + 10 base x 2,000 - 10 x 1,000
     * for the calls = 1,010,000 (less 10 P), so 505 base, a purchase of 495 (the pool is deep and
     * free); 10 P / 2,000 is below 1e-4 base.
     */
    @Test
    void buyAndHoldPutsTheNavInBase() {
        PortfolioState p = new PortfolioState(10, 1_000_000, List.of(DEEP_CALLS), Long.MIN_VALUE);
        Decision d = new Strategy(config(SizingRule.BUY_AND_HOLD, options(false, false, 0), 0))
            .decide(p, market(0.8, surface(0.8)));
        assertEquals(1, swaps(d).size(), d.toString());
        assertEquals(495, swaps(d).get(0).baseAmount(), 1e-4);
    }

    /**
     * Buy-and-hold with no quote: the NAV is 10 x 2,000 - 10 x 1,000 = 10,000, i.e. 5 base, below the
     * 10 base the calls lock (10 P less, as above). The locked base is never sold, so nothing trades.
     */
    @Test
    void buyAndHoldNeverSellsBaseTheCallsLock() {
        PortfolioState p = new PortfolioState(10, 0, List.of(DEEP_CALLS), Long.MIN_VALUE);
        Decision d = new Strategy(config(SizingRule.BUY_AND_HOLD, options(false, false, 0), 0))
            .decide(p, market(0.8, surface(0.8)));
        assertTrue(swaps(d).isEmpty(), d.toString());
        assertTrue(d.holds(), d.toString());
    }

    /**
     * Buy-and-hold with 400 puts struck at 1,500 open: they lock 600,000 of the 1,000,000 quote, and
     * three transactions' gas (3 x 1) is kept back, so of the ~500 base the NAV would buy only
     * (1,000,000 - 600,000 - 3) / 2,000 = 199.9985 base can be bought.
     */
    @Test
    void buyAndHoldSpendsNeitherLockedQuoteNorGas() {
        ShortOption puts = new ShortOption(OptionType.PUT, 1500, NOW + 3 * 86_400, 400);
        PortfolioState p = new PortfolioState(0, 1_000_000, List.of(puts), Long.MIN_VALUE);
        Decision d = new Strategy(config(SizingRule.BUY_AND_HOLD, options(false, true, 0), 1))
            .decide(p, market(0.8, surface(0.8)));
        assertEquals(1, swaps(d).size(), d.toString());
        assertEquals(399_997 / SPOT, swaps(d).get(0).baseAmount(), 1e-9);
        assertEquals(0, writes(d, OptionType.PUT), "a put is open: no put round");
    }

    /**
     * A pool whose fee is 10,000 bps takes the whole input: buying with any quote yields no base, so
     * nothing is swapped, and the puts are written on the cash as it stands (quote spent on no swap
     * is 0, not the 0 / (1 - fee) = 0 / 0 a purchase of nothing would cost at that fee).
     */
    @Test
    void aPoolThatTakesEverythingSwapsNothingAndThePutsStillUseTheCash() {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig all = new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(), options(false, true, 0),
            StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(10_000, DEEP, 0));
        Decision dec = new Strategy(all).decide(PortfolioState.cash(NAV), market(0.8, surface(0.8)));
        assertTrue(swaps(dec).isEmpty(), dec.toString());
        List<Action.Write> puts = dec.actions().stream().filter(a -> a instanceof Action.Write)
            .map(a -> (Action.Write) a).toList();
        assertEquals(1, puts.size(), dec.toString());
        assertTrue(puts.get(0).size() > 0 && puts.get(0).size() * puts.get(0).strike() <= NAV, dec.toString());
    }

    @Test
    void theMarketsRiskInputsAreChecked() {
        VolSurface s = surface(0.8);
        assertEquals("iv_vol must be in [0.0, 1.7976931348623157E308], got -0.1",
            assertThrows(IllegalArgumentException.class,
                () -> new MarketState(NOW, SPOT, 0.8, s, 0, -0.1, 0, 0)).getMessage());
        assertEquals("spot_iv_correlation must be in [-1.0, 1.0], got 1.5",
            assertThrows(IllegalArgumentException.class,
                () -> new MarketState(NOW, SPOT, 0.8, s, 0, 0.6, 1.5, 0)).getMessage());
        assertEquals("daily_excess_kurtosis must be in [0.0, 1.7976931348623157E308], got -1.0",
            assertThrows(IllegalArgumentException.class,
                () -> new MarketState(NOW, SPOT, 0.8, s, 0, 0.6, 0, -1)).getMessage());
    }

    /** Only a lone Hold holds: a swap, or a hold beside a write, is action. */
    @Test
    void onlyALoneHoldHolds() {
        assertTrue(new Decision(List.of(new Action.Hold("x")), 0, 0, 0, 1).holds());
        assertFalse(new Decision(List.of(new Action.Swap(1, "x")), 0, 0, 0, 1).holds());
        assertFalse(new Decision(List.of(), 0, 0, 0, 1).holds());
    }
}
