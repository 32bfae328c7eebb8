package io.volvault.strategy.allocation;

import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.cost.ConstantProductPool;
import java.util.ArrayList;
import java.util.List;

/**
 * Backtests a multi-asset allocation over common bars. At each close it estimates the covariance
 * from the trailing window of returns (closes at or before that bar only), asks the rule for its
 * weights, scales them to the vol target if there is one, and trades when a trigger fires: the
 * first allocation, any asset's weight off its target by more than the band, or the calendar.
 *
 * <p>Execution: each asset trades through its own constant-product pool with the configured fee
 * and depth; sales go first, so the purchases are paid from the cash they raise. Every swap pays
 * the gas cost from cash. Cash earns nothing and never goes negative.
 */
public final class AllocationBacktester {

    private static final long SECONDS_PER_DAY = 86_400;

    private AllocationBacktester() {}

    /** The first bar with a full covariance window behind it. */
    public static int firstTradableBar(AllocationConfig config) {
        return config.covarianceWindow();
    }

    /** Runs {@code strategy} over bars {@code [from, to)} of the history. */
    public static AllocationRun run(AllocationStrategy strategy, AssetCloses h, AllocationConfig config,
                                    int from, int to) {
        if (from < firstTradableBar(config) || to > h.size() || to - from < 2) {
            throw new IllegalArgumentException("allocation bars [" + from + ", " + to + ") must lie within ["
                + firstTradableBar(config) + ", " + h.size() + ") and hold at least 2 bars (the covariance window is "
                + config.covarianceWindow() + " returns)");
        }
        if (strategy.heldAsset() >= h.assets()) {
            throw new IllegalArgumentException(strategy.name() + ": held asset " + strategy.heldAsset()
                + " is not one of the " + h.assets() + " assets");
        }
        int n = h.assets();
        ConstantProductPool pool = new ConstantProductPool(config.costs().poolFeeBps(), config.costs().poolDepthQuote());
        double gas = config.costs().gasPerTransaction();
        double[] units = new double[n];
        double cash = config.initialNav();
        double costs = 0;
        double traded = 0;
        long lastRebalance = Long.MIN_VALUE;
        int bars = to - from;
        double[] nav = new double[bars];
        double[] gross = new double[bars];
        double[][] weights = new double[bars][];
        List<AllocationRebalance> rebalances = new ArrayList<>();

        for (int b = from; b < to; b++) {
            double[] spot = new double[n];
            for (int a = 0; a < n; a++) {
                spot[a] = h.close()[a][b];
            }
            double navBefore = value(units, cash, spot);
            double[] current = weightsOf(units, spot, navBefore);
            Target target = target(strategy, h, config, b);
            double[] targetWeights = new double[n];
            for (int a = 0; a < n; a++) {
                targetWeights[a] = target.scale() * target.ruleWeights()[a];
            }
            String trigger = trigger(strategy, config, lastRebalance, h.epochSeconds()[b], targetWeights, current);
            if (trigger != null) {
                rebalances.add(new AllocationRebalance(b, trigger, target.ruleWeights(), target.forecastVol(),
                    target.scale()));
                boolean initial = lastRebalance == Long.MIN_VALUE;
                double[] delta = new double[n];
                for (int a = 0; a < n; a++) {
                    delta[a] = targetWeights[a] * navBefore / spot[a] - units[a];
                }
                for (int a = 0; a < n; a++) {
                    if (delta[a] < 0) {
                        double sold = -delta[a];
                        cash += pool.quoteOutForBaseIn(sold, spot[a]) - gas;
                        costs += pool.cost(-sold, spot[a]) + gas;
                        units[a] -= sold;
                        traded += initial ? 0 : sold * spot[a];
                    }
                }
                int buys = 0;
                double wanted = 0;
                for (int a = 0; a < n; a++) {
                    if (delta[a] > 0) {
                        buys++;
                        wanted += delta[a] * spot[a];
                    }
                }
                // Fees and gas leave a little less cash than the mid-price targets need: buy pro rata.
                double fill = buys == 0 ? 0 : Math.min(1, Math.max(0, cash - buys * gas) / wanted);
                for (int a = 0; a < n; a++) {
                    if (delta[a] > 0 && fill > 0) {
                        double spent = fill * delta[a] * spot[a];
                        double bought = pool.baseOutForQuoteIn(spent, spot[a]);
                        cash -= spent + gas;
                        costs += spent - bought * spot[a] + gas;
                        units[a] += bought;
                        traded += initial ? 0 : bought * spot[a];
                    }
                }
                lastRebalance = h.epochSeconds()[b];
            }
            int k = b - from;
            nav[k] = value(units, cash, spot);
            weights[k] = weightsOf(units, spot, nav[k]);
            for (double w : weights[k]) {
                gross[k] += w;
            }
        }
        BacktestRun portfolio = new BacktestRun(strategy.name(), from, nav, nav.clone(), gross, new double[bars],
            costs, 0, traded, List.of());
        return new AllocationRun(portfolio, weights, rebalances);
    }

    /**
     * What the strategy wants at bar {@code b}, from the trailing covariance alone: the rule's
     * weights and the vol-target scale (target / forecast, capped by max leverage), or the held asset
     * for buy and hold.
     */
    private static Target target(AllocationStrategy strategy, AssetCloses h, AllocationConfig config, int b) {
        double[][] cov = h.trailingCovariance(b, config.covarianceWindow());
        double[] w;
        if (strategy.buyAndHold()) {
            w = new double[h.assets()];
            w[strategy.heldAsset()] = 1;
        } else {
            w = strategy.rule().weights(cov);
        }
        double forecast = Math.sqrt(quadraticForm(w, cov));
        double scale = Double.isNaN(strategy.targetVol()) ? 1
            : Math.min(strategy.targetVol() / forecast, config.maxLeverage());
        return new Target(w, forecast, scale);
    }

    /** The weights, forecast vol and scale wanted at one close, traded only when a trigger fires. */
    private record Target(double[] ruleWeights, double forecastVol, double scale) {}

    private static String trigger(AllocationStrategy strategy, AllocationConfig config, long lastRebalance, long now,
                                  double[] target, double[] current) {
        if (lastRebalance == Long.MIN_VALUE) {
            return "first allocation";
        }
        if (strategy.buyAndHold()) {
            return null;
        }
        for (int a = 0; a < target.length; a++) {
            if (Math.abs(target[a] - current[a]) > config.band()) {
                return "band";
            }
        }
        if (now - lastRebalance >= config.calendarDays() * SECONDS_PER_DAY) {
            return "calendar";
        }
        return null;
    }

    private static double quadraticForm(double[] w, double[][] cov) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                sum += w[i] * cov[i][j] * w[j];
            }
        }
        return sum;
    }

    private static double value(double[] units, double cash, double[] spot) {
        double v = cash;
        for (int a = 0; a < units.length; a++) {
            v += units[a] * spot[a];
        }
        return v;
    }

    private static double[] weightsOf(double[] units, double[] spot, double nav) {
        double[] w = new double[units.length];
        for (int a = 0; a < units.length; a++) {
            w[a] = units[a] * spot[a] / nav;
        }
        return w;
    }
}
