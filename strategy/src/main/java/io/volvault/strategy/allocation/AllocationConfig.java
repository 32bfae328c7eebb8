package io.volvault.strategy.allocation;

import io.volvault.strategy.StrategyConfig;

/**
 * Settings shared by every allocation run.
 *
 * @param initialNav starting NAV, in quote, all in cash before the first allocation
 * @param covarianceWindow trailing returns in the covariance estimate
 * @param calendarDays rebalance at least this often (days)
 * @param band rebalance when any asset's weight drifts more than this from its target
 * @param maxLeverage cap on the vol-target scale; at most 1 because the book does not borrow
 * @param costs pool fee, depth and gas, charged on every asset's swaps as in the single-asset backtest
 */
public record AllocationConfig(double initialNav, int covarianceWindow, int calendarDays, double band,
                               double maxLeverage, StrategyConfig.Costs costs) {

    public AllocationConfig {
        if (!(initialNav > 0)) {
            throw new IllegalArgumentException("initial NAV must be positive, got " + initialNav);
        }
        if (covarianceWindow < 2) {
            throw new IllegalArgumentException("covariance window must be at least 2 returns, got " + covarianceWindow);
        }
        if (calendarDays < 1) {
            throw new IllegalArgumentException("rebalance calendar days must be at least 1, got " + calendarDays);
        }
        if (!(band >= 0 && band <= 1)) {
            throw new IllegalArgumentException("rebalance band must be in [0, 1], got " + band);
        }
        if (!(maxLeverage > 0 && maxLeverage <= 1)) {
            throw new IllegalArgumentException("max leverage must be in (0, 1] (the book does not borrow), got "
                + maxLeverage);
        }
    }

    /** The allocation's own calendar (weekly) and band (5%), with the single-asset defaults' NAV, max leverage and costs. */
    public static AllocationConfig defaults(int covarianceWindow) {
        StrategyConfig d = StrategyConfig.defaults();
        return new AllocationConfig(d.initialNav(), covarianceWindow, 7, 0.05, d.sizing().maxLeverage(), d.costs());
    }
}
