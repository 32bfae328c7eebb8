package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.SizingRule;
import org.junit.jupiter.api.Test;

/**
 * "Out of reach" means the largest book forecasts less than the target: a target the largest book
 * meets exactly is in reach.
 */
class BookSizerReachEdgeTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;
    private static final double YEARS = 7 / 365.0;
    private static final PortfolioState CASH = PortfolioState.cash(NAV);

    private static BookSizer sizer(double targetVol, MarketState m) {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig c = new StrategyConfig(NAV, new StrategyConfig.Sizing(SizingRule.VOL_TARGET, targetVol, 1.0, 0.5,
            0.8, 3.0), d.forecast(), d.rebalance(), d.options(), StrategyConfig.Risk.UNCAPPED,
            new StrategyConfig.Costs(0, 1e15, 0));
        return new BookSizer(c, CASH, PortfolioGreeks.of(CASH, m), m, null, null, YEARS, 1, 0);
    }

    /**
     * Cash only, no round, max_leverage 1: the largest book is all of the NAV in base, whose forecast
     * variance is (forecast x NAV)^2 up to rounding. The target vol is chosen (a few ulps around
     * forecast) so that (target x NAV)^2, as the sizer squares it, is that variance to the last bit.
     */
    @Test
    void aTargetTheLargestBookMeetsExactlyIsInReach() {
        for (double forecast = 0.5; forecast < 0.52; forecast += 0.001) {
            MarketState m = new MarketState(NOW, SPOT, forecast,
                SkewModel.CRYPTO_DEFAULT.surface(forecast, SPOT, YEARS, 3 / 365.0), 0, 0.6, -0.3, 2);
            double top = sizer(forecast, m).capped(NAV).variance();
            double target = Math.sqrt(top) / NAV;
            for (int ulps = -4; ulps <= 4; ulps++) {
                double t = target + ulps * Math.ulp(target);
                if (Math.pow(t * NAV, 2) == top) {
                    assertEquals(forecast, t, 1e-12, "the all-in book's vol is the forecast");
                    BookSizer.Plan plan = sizer(t, m).plan(Double.NaN);
                    assertFalse(plan.outOfReach(), "met exactly at forecast " + forecast + ": " + plan);
                    assertEquals(NAV, plan.dollarDelta(), 1e-6 * NAV);
                    return;
                }
            }
        }
        fail("no forecast in [0.5, 0.52) gave a target whose square is the variance to the bit");
    }
}
