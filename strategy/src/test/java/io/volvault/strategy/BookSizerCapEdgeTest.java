package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The caps are "at most": a book whose risk sits exactly on a cap is within it. The book here is
 * only open options (no round, so no new option to scale), and each cap is set so that
 * share x target vol x NAV is, to the last bit, the book's own risk of that kind.
 */
class BookSizerCapEdgeTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 2000;
    private static final double NAV = 1_000_000;
    private static final double YEARS = 7 / 365.0;
    /** 100 calls struck at 2,100 expiring in 3 days, on 300 base; the rest in quote. */
    private static final PortfolioState BOOK = new PortfolioState(300, NAV - 300 * SPOT,
        List.of(new ShortOption(OptionType.CALL, 2100, NOW + 3 * 86_400, 100)), NOW - 86_400);
    private static final MarketState MARKET = new MarketState(NOW, SPOT, 0.8,
        SkewModel.CRYPTO_DEFAULT.surface(0.9, SPOT, YEARS, 3 / 365.0), 0, 0.6, -0.3, 2);
    private static final PortfolioGreeks GREEKS = PortfolioGreeks.of(BOOK, MARKET);
    private static final double EXPOSURE = 0.5 * GREEKS.nav();

    private static BookSizer sizer(double vegaShare, double gammaShare) {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig c = new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(), d.options(),
            new StrategyConfig.Risk(vegaShare, gammaShare), new StrategyConfig.Costs(0, 1e15, 0));
        return new BookSizer(c, BOOK, GREEKS, MARKET, null, null, YEARS, 1, 0);
    }

    /**
     * The share whose product with target vol x NAV (the sizer's own arithmetic) is exactly the
     * book's risk of one kind: risk / (target x NAV), nudged by an ulp where the division rounds.
     */
    private static double exactShare(ToDoubleFunction<BookSizer> riskOf) {
        BookSizer uncapped = sizer(Double.MAX_VALUE, Double.MAX_VALUE);
        double risk = riskOf.applyAsDouble(uncapped);
        double targetRisk = StrategyConfig.defaults().sizing().targetVol() * GREEKS.nav();
        double share = risk / targetRisk;
        for (int i = 0; i < 4 && share * targetRisk != risk; i++) {
            share = share * targetRisk < risk ? Math.nextUp(share) : Math.nextDown(share);
        }
        assertTrue(risk > 0, "the open calls carry risk: " + risk);
        assertEquals(risk, share * targetRisk, 0.0, "the cap sits exactly on the book's risk");
        return share;
    }

    private static double gamma(BookSizer s) {
        return s.gammaRisk(s.at(EXPOSURE, 1));
    }

    private static double vega(BookSizer s) {
        return s.vegaRisk(s.at(EXPOSURE, 1));
    }

    @Test
    void gammaExactlyAtItsCapIsWithinIt() {
        BookSizer.Plan plan = sizer(Double.MAX_VALUE, exactShare(BookSizerCapEdgeTest::gamma)).capped(EXPOSURE);
        assertEquals(1.0, plan.capScale());
        assertEquals("", plan.bindingCap());
    }

    @Test
    void vegaExactlyAtItsCapIsWithinIt() {
        BookSizer.Plan plan = sizer(exactShare(BookSizerCapEdgeTest::vega), Double.MAX_VALUE).capped(EXPOSURE);
        assertEquals(1.0, plan.capScale());
        assertEquals("", plan.bindingCap());
    }

    /** Vega over its cap (half the book's vega risk) and gamma exactly at its own: vega binds, not gamma. */
    @Test
    void theCapOverItsLimitIsTheOneNamed() {
        BookSizer.Plan plan = sizer(exactShare(BookSizerCapEdgeTest::vega) / 2, exactShare(BookSizerCapEdgeTest::gamma))
            .capped(EXPOSURE);
        assertEquals("vega", plan.bindingCap());
    }
}
