package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.SizingRule;
import org.junit.jupiter.api.Test;

/**
 * A delta the cash cannot buy, with no option round: the base is what the wealth buys, wealth /
 * spot, and there are no calls to shrink. The delta asked for is chosen so that it is exactly the
 * value of that base, (wealth / spot) x spot in doubles, one ulp above the wealth: the base then
 * covers the asked delta to the bit, and nothing is left for calls (there are none to write).
 */
class BookSizerCashTieTest {

    private static final long NOW = 1_700_000_000L;
    private static final double NAV = 1_000_000;
    private static final double YEARS = 7 / 365.0;

    @Test
    void aDeltaWorthExactlyTheBaseTheCashBuysHasNoCalls() {
        PortfolioState cash = PortfolioState.cash(NAV);
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig c = new StrategyConfig(NAV, d.sizing().withRule(SizingRule.FIXED_WEIGHT), d.forecast(),
            d.rebalance(), d.options(), StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(0, 1e15, 0));
        for (int i = 1; i < 20_000; i++) {
            double spot = 1000 + i * 0.0137;
            double exposure = NAV / spot * spot;
            if (exposure > NAV) {
                MarketState m = new MarketState(NOW, spot, 0.8,
                    SkewModel.CRYPTO_DEFAULT.surface(0.8, spot, YEARS, 3 / 365.0), 0, 0.6, -0.3, 2);
                BookSizer.Plan plan = new BookSizer(c, cash, PortfolioGreeks.of(cash, m), m, null, null, YEARS, 1, 0)
                    .capped(exposure);
                assertEquals(NAV / spot, plan.base(), 0.0, "all of the cash in base at spot " + spot);
                assertEquals(0.0, plan.calls(), 0.0);
                assertEquals(0.0, plan.puts(), 0.0);
                assertEquals(exposure, plan.dollarDelta(), 0.0);
                return;
            }
        }
        fail("no spot in the scan makes (NAV / spot) x spot round above the NAV");
    }
}
