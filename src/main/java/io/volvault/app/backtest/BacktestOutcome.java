package io.volvault.app.backtest;

import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.MarketHistory;
import io.volvault.strategy.backtest.Metrics;
import java.util.List;

/**
 * A finished backtest: the inputs it ran on, and each strategy's path and metrics, in report order.
 *
 * @param from first traded bar
 * @param to one past the last traded bar
 * @param impliedSource how the implied vol was obtained, in words (observed index and/or proxy)
 */
record BacktestOutcome(StrategyConfig config, MarketHistory history, int from, int to, String pricesFile,
                       String impliedSource, List<BacktestRun> runs, List<Metrics> metrics) {}
