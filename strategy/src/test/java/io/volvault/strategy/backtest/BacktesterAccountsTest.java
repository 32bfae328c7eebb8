package io.volvault.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.Action;
import io.volvault.strategy.Decision;
import io.volvault.strategy.MarketState;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.cost.ConstantProductPool;
import io.volvault.strategy.market.MarketHistory;
import io.volvault.strategy.market.MarketStates;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Backtester} on a ten-day synthetic history: the window checks, the first decision taken
 * on the surface {@link MarketStates} builds, and the costs and vega it reports recomputed from its own recorded
 * actions.
 */
class BacktesterAccountsTest {

    private static final long T0 = 1_767_254_400L; // 2026-01-01T08:00Z
    private static final double RATE = 0.05;
    private static final double[] CLOSE = {50_000, 50_500, 49_800, 51_000, 52_000, 51_500, 50_000, 49_000, 49_500, 50_200};
    private static final Backtester BACKTESTER = new Backtester(SkewModel.CRYPTO_DEFAULT, TermStructure.CRYPTO_DEFAULT);

    private static MarketHistory history(int zeroForecastBar, int zeroImpliedBar) {
        double[] forecast = new double[CLOSE.length];
        double[] implied = new double[CLOSE.length];
        Arrays.fill(forecast, 0.5);
        Arrays.fill(implied, 0.6);
        if (zeroForecastBar >= 0) {
            forecast[zeroForecastBar] = 0;
        }
        if (zeroImpliedBar >= 0) {
            implied[zeroImpliedBar] = 0;
        }
        return DailyHistory.of(T0, CLOSE, forecast, implied, RATE);
    }

    @Test
    void refusesWindowsShorterThanTwoBarsAndBarsWithoutAForecastOrAnImpliedVol() {
        StrategyConfig c = StrategyConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> BACKTESTER.run("x", c, history(-1, -1), 5, 6, false));
        assertEquals(2, BACKTESTER.run("x", c, history(-1, -1), 5, 7, false).nav().length);
        IllegalArgumentException forecast = assertThrows(IllegalArgumentException.class,
            () -> BACKTESTER.run("x", c, history(3, -1), 0, 6, false));
        assertTrue(forecast.getMessage().startsWith("bar 3 (2026-01-04T08:00:00Z): forecast vol 0.0 or implied vol 0.6"),
            forecast.getMessage());
        IllegalArgumentException implied = assertThrows(IllegalArgumentException.class,
            () -> BACKTESTER.run("x", c, history(-1, 4), 0, 6, false));
        assertTrue(implied.getMessage().startsWith("bar 4 (2026-01-05T08:00:00Z): forecast vol 0.5 or implied vol 0.0"),
            implied.getMessage());
    }

    @Test
    void theFirstDecisionIsTheStrategysOnTheTenorSurfaceAndTheCostsAreWhatItsActionsCost() {
        StrategyConfig c = StrategyConfig.defaults();
        MarketHistory h = history(-1, -1);
        BacktestRun run = BACKTESTER.run("x", c, h, 0, CLOSE.length, true);

        double tenor = c.options().tenorDays() / 365.0;
        MarketState first = new MarketState(T0, CLOSE[0], 0.5,
            new MarketStates(SkewModel.CRYPTO_DEFAULT, TermStructure.CRYPTO_DEFAULT).surface(0.6, CLOSE[0], RATE, tenor, List.of(), T0), RATE, 0, 0, 0);
        assertEquals(new Strategy(c).decide(PortfolioState.cash(c.initialNav()), first), run.decisions().get(0));

        // Costs: each swap's pool cost against mid plus gas, each write's gas plus the spread given up
        // against the mark, size x mark x spread = received x spread / (1 - spread).
        ConstantProductPool pool = new ConstantProductPool(c.costs().poolFeeBps(), c.costs().poolDepthQuote());
        double gas = c.costs().gasPerTransaction();
        double spread = c.options().premiumSpread();
        double costs = 0;
        double premium = 0;
        int writes = 0;
        for (int i = 0; i < CLOSE.length; i++) {
            for (Action a : run.decisions().get(i).actions()) {
                if (a instanceof Action.Swap s) {
                    costs += pool.cost(s.baseAmount(), CLOSE[i]) + gas;
                } else if (a instanceof Action.Write w) {
                    double received = w.size() * w.limitPremium();
                    premium += received;
                    costs += gas + received * spread / (1 - spread);
                    writes++;
                }
            }
        }
        assertTrue(writes >= 2, "the defaults write calls and puts: " + writes);
        assertEquals(premium, run.premium(), 1e-9 * premium);
        assertEquals(costs, run.costs(), 1e-9 * costs);

        // Short vega per vol point over NAV, bar 0: the book sold options, so it is negative, and a
        // week's options on at most about twice the NAV in notional have |vega| <= 2 x n(0) sqrt(7/365) / 100
        // = 0.0011 of NAV.
        Decision d0 = run.decisions().get(0);
        assertTrue(d0.actions().stream().anyMatch(a -> a instanceof Action.Write));
        double v0 = run.shortVega()[0];
        assertTrue(v0 < -1e-5 && v0 > -0.0011, "short vega per vol point / NAV " + v0);
    }
}
