package io.volvault.strategy;

import java.util.List;

/**
 * What the vaults hold, plus when spot was last traded. The keeper reads it from the chain; the
 * backtester carries it from bar to bar.
 *
 * @param base base units (WETH, BTC), including the calls' collateral
 * @param quote quote units (USDC), including the puts' collateral
 * @param shorts options written and not yet settled
 * @param lastRebalanceEpochSeconds time of the last spot rebalance ({@code Long.MIN_VALUE}: never)
 */
public record PortfolioState(double base, double quote, List<ShortOption> shorts, long lastRebalanceEpochSeconds) {
    public PortfolioState {
        if (!(base >= 0) || !(quote >= 0)) {
            throw new IllegalArgumentException("holdings must be non-negative, got base=" + base + " quote=" + quote);
        }
        shorts = List.copyOf(shorts);
    }

    /** A fresh vault holding only cash. */
    public static PortfolioState cash(double quote) {
        return new PortfolioState(0, quote, List.of(), Long.MIN_VALUE);
    }
}
