package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.SizingRule;
import io.volvault.strategy.StrategyConfig.VrpRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision's two "at most" thresholds hit exactly: a trade worth exactly 1e-9 of the NAV is
 * dust, and a weight move exactly the no-trade half-width stays inside the region. Spot and NAV are
 * powers of two, so weights, trades and moves below are exact in binary and worked by hand.
 */
class StrategyTiesTest {

    private static final long NOW = 1_700_000_000L;
    /** 2^10 and 2^30: multiplying or dividing by them is exact. */
    private static final double SPOT = 1024;
    private static final double NAV = 1L << 30;
    private static final double YEARS = 7 / 365.0;
    /** A pool this deep has no price impact a double can show on these sizes (quote / depth < 1e-290). */
    private static final double DEEP = 1e300;
    private static final MarketState MARKET = new MarketState(NOW, SPOT, 0.8,
        SkewModel.CRYPTO_DEFAULT.surface(0.8, SPOT, YEARS, 3 / 365.0), 0, 0.6, -0.3, 2);

    private static Strategy fixedWeight(double w, double gas) {
        StrategyConfig d = StrategyConfig.defaults();
        return new Strategy(new StrategyConfig(NAV, d.sizing().withRule(SizingRule.FIXED_WEIGHT).withFixedWeight(w),
            d.forecast(), d.rebalance(), new Options(false, false, 0.2, 0.2, 7, 1.0, 0.25, 0.05, 0, VrpRule.SKIP),
            StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(0, DEEP, gas)));
    }

    private static List<Action.Swap> swaps(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Swap).map(a -> (Action.Swap) a).toList();
    }

    /**
     * All cash (2^30), first allocation, fixed weight w: the target is w x 2^30 / 2^10 = w x 2^20 base,
     * all of it to buy, worth w x 2^30 quote, exactly. At w = 1e-9 that is 1e-9 x NAV to the bit: dust,
     * not traded. One ulp more of weight is traded in full (the first allocation has no no-trade region).
     */
    @Test
    void aTradeWorthExactlyTheDustThresholdIsNotMade() {
        PortfolioState cash = PortfolioState.cash(NAV);
        Decision atDust = fixedWeight(1e-9, 0).decide(cash, MARKET);
        assertTrue(atDust.holds(), atDust.toString());

        double w = Math.nextUp(1e-9);
        Decision above = fixedWeight(w, 0).decide(cash, MARKET);
        assertEquals(1, swaps(above).size(), above.toString());
        assertEquals(w * (1 << 20), swaps(above).get(0).baseAmount(), 0.0);
    }

    /**
     * Half of the NAV in base (2^19 base at 2^10 = 2^29 quote) and half in quote, rebalanced before;
     * target weight 0.5 - 2^-10: the target base is (0.5 - 2^-10) x 2^20 = 2^19 - 1,024, a sale of
     * 1,024 base, a weight move of 1,024 x 2^10 / 2^30 = 2^-10 exactly. The half-width
     * (3 eps w^2 (1 - w)^2 / (4 gamma))^(1/3) grows with the gas in eps; the gas is searched (around
     * the value that solves half-width = 2^-10) for one whose half-width is 2^-10 to the bit. There
     * the move is inside the region ("at most the half-width") and nothing trades; at the next
     * smaller gas whose half-width falls below the move, the sale is made.
     */
    @Test
    void aMoveExactlyTheNoTradeHalfWidthIsNotMade() {
        double w = 0.5 - 0x1p-10;
        double move = 0x1p-10;
        double wanted = -1024;
        PortfolioState p = new PortfolioState(1 << 19, NAV / 2, List.of(), NOW - 86_400);
        StrategyConfig d = StrategyConfig.defaults();
        double gamma = d.rebalance().assumedSharpe() / d.sizing().targetVol();
        double notional = 1024 * SPOT;
        // half-width = move  <=>  eps = 4 gamma move^3 / (3 w^2 (1 - w)^2), gas = eps x notional (no pool cost).
        double gas0 = 4 * gamma * Math.pow(move, 3) / (3 * Math.pow(w * (1 - w), 2)) * notional;
        double tie = Double.NaN;
        double g = gas0;
        for (int i = 0; i < 64; i++) {
            g = Math.nextDown(g);
        }
        for (int i = 0; i < 128 && Double.isNaN(tie); i++, g = Math.nextUp(g)) {
            if (fixedWeight(w, g).noTradeHalfWidth(wanted, w, MARKET) == move) {
                tie = g;
            }
        }
        if (Double.isNaN(tie)) {
            fail("no gas within 64 ulps of " + gas0 + " gives a half-width of exactly 2^-10");
        }
        Decision atTie = fixedWeight(w, tie).decide(p, MARKET);
        assertEquals(w, atTie.targetWeight(), 0.0);
        assertTrue(atTie.holds(), atTie.toString());
        assertTrue(atTie.actions().get(0).toString().contains("inside the no-trade region"), atTie.toString());

        double below = tie;
        while (fixedWeight(w, below).noTradeHalfWidth(wanted, w, MARKET) >= move) {
            below = Math.nextDown(below);
        }
        Decision outside = fixedWeight(w, below).decide(p, MARKET);
        assertEquals(1, swaps(outside).size(), outside.toString());
        assertEquals(wanted, swaps(outside).get(0).baseAmount(), 0.0);
    }
}
