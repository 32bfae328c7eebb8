package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.SizingRule;
import org.junit.jupiter.api.Test;

/**
 * {@link Strategy#decide} under the CPPI rule: its exposure by hand.
 */
class StrategyRulesTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;

    /** Defaults without pool costs or gas, and with the given sizing rule and option rounds. */
    private static StrategyConfig config(SizingRule rule, boolean calls, boolean puts) {
        StrategyConfig d = StrategyConfig.defaults();
        return new StrategyConfig(NAV, d.sizing().withRule(rule), d.forecast(), d.rebalance(),
            d.options().with(calls, puts, d.options().callFraction(), d.options().putDeltaShare()), d.risk(),
            new StrategyConfig.Costs(0, 1e15, 0));
    }

    private static MarketState market(double forecast) {
        return new MarketState(NOW, SPOT, forecast, SkewModel.CRYPTO_DEFAULT.surface(0.6, SPOT, 7 / 365.0), 0, 0, 0, 0);
    }

    @Test
    void cppiHoldsMultiplierTimesTheCushionOverTheFloor() {
        StrategyConfig c = config(SizingRule.CPPI, false, false);
        assertSame(c, new Strategy(c).config());
        // floor 0.8 x 1,000,000, multiplier 3: exposure 3 x 200,000 = 600,000, a weight of 0.6 = 300 base at 2,000
        Decision d = new Strategy(c).decide(PortfolioState.cash(NAV), market(0.5));
        assertEquals(0.6, d.targetWeight(), 1e-12);
        Action.Swap buy = (Action.Swap) d.actions().get(0);
        assertEquals(300, buy.baseAmount(), 1e-6);
        assertEquals(1, d.actions().size());
    }
}
