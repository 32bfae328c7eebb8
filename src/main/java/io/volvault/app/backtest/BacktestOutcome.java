package io.volvault.app.backtest;

import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.market.MarketHistory;
import java.util.List;
import java.util.Map;

/**
 * A finished backtest: the inputs it ran on, and each strategy's path and metrics, in report order.
 *
 * @param from first traded bar
 * @param to one past the last traded bar
 * @param impliedSource how the implied vol was obtained, in words (observed index and/or proxy)
 * @param proxyShare the fraction of traded bars whose implied vol is the proxy
 * @param matchedWeights for each strategy a constant weight was level-matched to, that weight
 */
record BacktestOutcome(StrategyConfig config, MarketHistory history, int from, int to, String pricesFile,
                       String impliedSource, double proxyShare, List<BacktestRun> runs, List<Metrics> metrics,
                       Map<String, Double> matchedWeights) {}
