package io.volvault.strategy.allocation;

import io.volvault.strategy.backtest.BacktestRun;
import java.util.List;

/**
 * One allocation strategy's path: the portfolio as a {@link BacktestRun} (its weight is the gross
 * exposure, sum of asset weights; no options, so no short vega and intrinsic NAV = NAV), each
 * asset's weight per bar, and every rebalance.
 *
 * @param weights weights[bar - from][asset]: asset value / NAV after the bar's trades
 */
public record AllocationRun(BacktestRun portfolio, double[][] weights, List<AllocationRebalance> rebalances) {
}
