package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.SizingRule;
import java.util.List;
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
        return sizer(targetVol, CASH, m);
    }

    private static BookSizer sizer(double targetVol, PortfolioState p, MarketState m) {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig c = new StrategyConfig(NAV, new StrategyConfig.Sizing(SizingRule.VOL_TARGET, targetVol, 1.0, 0.5,
            0.8, 3.0), d.forecast(), d.rebalance(), d.options(), StrategyConfig.Risk.UNCAPPED,
            new StrategyConfig.Costs(0, 1e15, 0));
        return new BookSizer(c, p, PortfolioGreeks.of(p, m), m, null, null, YEARS, 1, 0);
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

    /**
     * The smallest book (E = 0) meets a target it forecasts exactly: it is the plan, even where a
     * larger book forecasts less. 100 calls struck at 2,100 with 3 days left are open (their delta
     * about -35), so the base never falls below the 100 they lock: at E = 0 the book's delta is about
     * (100 - 35) x 2,000 = 130,000 quote. With implied vol moving with spot (correlation 1,
     * its own vol 3, i.e. 300 vol points a year) and a low forecast of about 0.05, the short vega (about
     * -100 x 62 = -6,200 per 1.00 of vol) makes the correlated term D x 0.05 + 3 x V about
     * 6,500 - 18,600 < 0: a larger delta first lowers the book's variance. The target is set (a few
     * ulps around sqrt(variance) / NAV) so that the sizer's (target x NAV)^2 is E = 0's variance to the bit.
     */
    @Test
    void aTargetTheSmallestBookMeetsExactlyIsThatBook() {
        PortfolioState calls = new PortfolioState(300, NAV - 300 * SPOT,
            List.of(new ShortOption(OptionType.CALL, 2100, NOW + 3 * 86_400, 100)), NOW - 86_400);
        for (double forecast = 0.05; forecast < 0.052; forecast += 0.0001) {
            MarketState m = new MarketState(NOW, SPOT, forecast,
                SkewModel.CRYPTO_DEFAULT.surface(0.9, SPOT, YEARS, 3 / 365.0), 0, 3, 1, 2);
            double nav = PortfolioGreeks.of(calls, m).nav();
            BookSizer.Plan bottom = sizer(0.4, calls, m).capped(0);
            assertTrue(sizer(0.4, calls, m).capped(300_000).variance() < bottom.variance(),
                "a larger delta lowers the variance here: " + bottom);
            double target = Math.sqrt(bottom.variance()) / nav;
            for (int ulps = -4; ulps <= 4; ulps++) {
                double t = target + ulps * Math.ulp(target);
                if (Math.pow(t * nav, 2) == bottom.variance()) {
                    assertEquals(bottom, sizer(t, calls, m).plan(Double.NaN), "met exactly at forecast " + forecast);
                    return;
                }
            }
        }
        fail("no forecast in [0.05, 0.052) gave a target whose square is the variance to the bit");
    }
}
