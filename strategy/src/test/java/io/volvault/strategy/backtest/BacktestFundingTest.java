package io.volvault.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.SizingRule;
import io.volvault.strategy.StrategyConfig.VrpRule;
import io.volvault.strategy.market.MarketHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both backtests refuse, naming the bar, a bar whose own actions leave the holdings negative, rather
 * than go on to mark a book that owes more than it holds. The path: a buy-and-hold covered-call vault
 * of 1,000 quote whose gas (300 a transaction) is large against it, one-day calls (strike about
 * 1,000 e^{0.84 x 0.6 x sqrt(1/365)} = 1,027 at delta 0.2), spot 1,000 on all three bars, so every
 * call expires worthless.
 * <ul>
 *   <li>bar 0: the first allocation keeps 3 x 300 of gas back and buys 100 / 1,000 = 0.1 base (a
 *       free, deep pool); the swap's gas leaves 600 quote, the calls on the 0.1 base 300;</li>
 *   <li>bar 1: the new calls' gas leaves 0 quote;</li>
 *   <li>bar 2: calls are written on the 0.1 base again (premiums so far about 3 x 0.1 x 3.5 quote, a
 *       thousandth of a base), but the quote cannot pay their gas, which comes out of base:
 *       0.1 - 300 / 1,000 = -0.2 base, about.</li>
 * </ul>
 */
class BacktestFundingTest {

    private static final long T0 = 1_767_254_400L; // 2026-01-01T08:00Z
    private static final long DAY = 86_400;
    private static final double[] CLOSE = {1000, 1000, 1000};

    private static StrategyConfig coveredCalls() {
        StrategyConfig d = StrategyConfig.defaults();
        return new StrategyConfig(1000, d.sizing().withRule(SizingRule.BUY_AND_HOLD), d.forecast(), d.rebalance(),
            new Options(true, false, 0.2, 0.2, 1, 1.0, 0.25, 0.05, 0, VrpRule.SKIP), StrategyConfig.Risk.UNCAPPED,
            new StrategyConfig.Costs(0, 1e15, 300));
    }

    private static MarketHistory history() {
        double[] forecast = new double[CLOSE.length];
        double[] implied = new double[CLOSE.length];
        Arrays.fill(forecast, 0.5);
        Arrays.fill(implied, 0.6);
        return DailyHistory.of(T0, CLOSE, forecast, implied, 0);
    }

    @Test
    void theModelBacktestRefusesHoldingsGoneNegative() {
        Backtester b = new Backtester(SkewModel.CRYPTO_DEFAULT, TermStructure.CRYPTO_DEFAULT);
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> b.run("covered_call", coveredCalls(), history(), 0, CLOSE.length, false));
        assertTrue(e.getMessage().startsWith("bar 2: holdings went negative (base -0.1"), e.getMessage());
    }

    /**
     * The same path on a chain that lists, each day, a one-day call struck at 1,030 (bid 0.003 coin,
     * 3 quote at 1,000): the vault sells it in place of its 1,027 and runs short the same way.
     */
    @Test
    void theChainBacktestRefusesHoldingsGoneNegative() {
        MarketHistory h = history();
        List<ChainDay> days = new ArrayList<>();
        List<VolSurface> surfaces = new ArrayList<>();
        for (int i = 0; i < CLOSE.length; i++) {
            long t = T0 + i * DAY;
            ChainOption call = new ChainOption("BTC-X-1030-C-" + i, OptionType.CALL, 1030, t + DAY, CLOSE[i], 0.003,
                0.004, Double.NaN, 0.0035, 0.6, 0.0, 0.0, 1, 1, CLOSE[i]);
            days.add(new ChainDay("BTC", t, CLOSE[i], List.of(call)));
            surfaces.add(SkewModel.CRYPTO_DEFAULT.surface(0.6, CLOSE[i], 1 / 365.0, 7 / 365.0));
        }
        ChainMarket market = new ChainMarket(h, days, surfaces);
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ChainBacktester.run("covered_call", coveredCalls(), market, 0, CLOSE.length, ChainFill.BID));
        assertTrue(e.getMessage().startsWith("snapshot 2: holdings went negative (base -0.1"), e.getMessage());
    }
}
