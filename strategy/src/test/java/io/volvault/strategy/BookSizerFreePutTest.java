package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.strategy.StrategyConfig.VrpRule;
import org.junit.jupiter.api.Test;

/**
 * A put whose collateral K equals the spot its delta stands in for (|delta| x S) needs no cash beyond
 * the base it replaces: cash per put K - |delta| S = 0, so the cash bound does not apply and the puts
 * carry their delta share even of a book the cash could not hold in spot.
 */
class BookSizerFreePutTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;
    private static final double YEARS = 7 / 365.0;

    /**
     * Put delta -0.5 struck at 1,000 = 0.5 x 2,000 (a made-up series: only its delta, strike and zero
     * gamma and vega matter here). Target delta E = 1.5 x NAV, more than the 1,000,000 of cash:
     * puts = put_delta_share x E / (|delta| S) = 0.25 x 1,500,000 / 1,000 = 375.
     */
    @Test
    void aPutNeedingNoNetCashIsNotCashBound() {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig c = new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(),
            new StrategyConfig.Options(false, true, 0.2, 0.2, 7, 1.0, 0.25, 0.05, 0, VrpRule.SKIP),
            StrategyConfig.Risk.UNCAPPED, new StrategyConfig.Costs(0, 1e15, 0));
        MarketState m = new MarketState(NOW, SPOT, 0.8, SkewModel.CRYPTO_DEFAULT.surface(0.8, SPOT, YEARS, 3 / 365.0),
            0, 0.6, -0.3, 2);
        PortfolioState cash = PortfolioState.cash(NAV);
        Strategy.Series put = new Strategy.Series(OptionType.PUT, 1000, NOW + 7 * 86_400,
            new Greeks(10, -0.5, 0, 0, 0, 0, 0, 0, 0));
        BookSizer sizer = new BookSizer(c, cash, PortfolioGreeks.of(cash, m), m, null, put, YEARS, 1, 0);
        BookSizer.Plan plan = sizer.plan(1.5 * NAV);
        assertEquals(375, plan.puts(), 1e-9);
    }
}
