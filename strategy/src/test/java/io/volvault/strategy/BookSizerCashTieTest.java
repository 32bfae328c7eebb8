package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.volvault.greeks.OptionType;
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

    /**
     * A call round at call_fraction 1 on all cash: the calls cover all of the base as long as the
     * cash buys that base, including when the base's value, base x spot in doubles, is exactly the
     * wealth (the cash): only a base worth more than the wealth is cut to it, with the calls. Exposures
     * a few hundred ulps around wealth x (1 - call delta), where the base is worth the wealth, are
     * scanned for such exact ties (the base E / (1 - delta) / spot), over NAVs 1,000,000 + j and
     * six call deltas; at some of them
     * (wealth - E) / (call delta x spot), the cut's bound on the calls, rounds below the base, so a cut
     * there would show.
     */
    @Test
    void aBaseWorthExactlyTheWealthKeepsAllItsCalls() {
        double spot = 2000;
        MarketState m = new MarketState(NOW, spot, 0.8,
            SkewModel.CRYPTO_DEFAULT.surface(0.8, spot, YEARS, 3 / 365.0), 0, 0.6, -0.3, 2);
        StrategyConfig d = StrategyConfig.defaults();
        int ties = 0;
        int wouldCut = 0;
        for (double targetDelta : new double[] {0.2, 0.1987654321, 0.21345, 0.2000123, 0.19, 0.23}) {
            double strike = OptionMarks.strikeForDelta(OptionType.CALL, targetDelta, YEARS, m);
            Strategy.Series call = new Strategy.Series(OptionType.CALL, strike, NOW + 7 * 86_400,
                OptionMarks.greeks(OptionType.CALL, strike, YEARS, m));
            double callDelta = call.greeks().delta();
            for (int j = 0; j < 20; j++) {
                double wealth = NAV + j;
                PortfolioState cash = PortfolioState.cash(wealth);
                StrategyConfig c = new StrategyConfig(wealth, d.sizing().withRule(SizingRule.FIXED_WEIGHT), d.forecast(),
                    d.rebalance(), d.options().with(true, false, 1.0, 0.25), StrategyConfig.Risk.UNCAPPED,
                    new StrategyConfig.Costs(0, 1e15, 0));
                BookSizer sizer = new BookSizer(c, cash, PortfolioGreeks.of(cash, m), m, call, null, YEARS, 1, 0);
                double exposure = wealth * (1 - callDelta);
                for (int u = 0; u < 200; u++) {
                    exposure = Math.nextDown(exposure);
                }
                for (int u = 0; u < 400; u++, exposure = Math.nextUp(exposure)) {
                    // b S (1 - f dc) = E with f = 1: the base the exposure asks for.
                    double base = exposure / (1 - callDelta) / spot;
                    if (base * spot != wealth) {
                        continue;
                    }
                    ties++;
                    BookSizer.Plan plan = sizer.at(exposure, 1);
                    assertEquals(base, plan.base(), 0.0, "exposure " + exposure);
                    assertEquals(base, plan.calls(), 0.0, "calls on all the base at exposure " + exposure);
                    if ((wealth - exposure) / (callDelta * spot) < base) {
                        wouldCut++;
                    }
                }
            }
        }
        assertTrue(ties > 0 && wouldCut > 0, ties + " exact ties, " + wouldCut + " where a cut would show");
    }
}
