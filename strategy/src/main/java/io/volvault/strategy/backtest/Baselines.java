package io.volvault.strategy.backtest;

import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.StrategyConfig.SizingRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comparison strategies every backtest runs next to the configured one, derived from it so
 * they share its costs, option terms and data.
 */
public final class Baselines {

    public static final String BUY_AND_HOLD = "buy_and_hold";
    public static final String FIXED_WEIGHT = "fixed_weight";
    public static final String VOL_TARGET = "vol_target";
    public static final String COVERED_CALL = "covered_call";
    public static final String PUT_WRITE = "put_write";
    public static final String FULL = "full_strategy";

    private Baselines() {}

    /**
     * In report order: buy and hold; a fixed weight ({@code sizing.fixed_weight}, traded outside the
     * same no-trade region); volatility targeting without options; a BXM-like covered call (all the
     * base held, calls written on all of it every round, no VRP gate, no caps); a put-write whose puts
     * carry the whole vol-targeted delta (spot only where the cash cannot secure more puts; no VRP gate,
     * no caps); and the configured strategy.
     */
    public static Map<String, StrategyConfig> of(StrategyConfig full) {
        StrategyConfig noOptions = full.withOptions(full.options().with(false, false, 0, 0));
        StrategyConfig.Options plainWriting = new StrategyConfig.Options(false, false, full.options().callDelta(),
            full.options().putDelta(), full.options().tenorDays(), 1, 1, full.options().premiumSpread(), 0,
            full.options().vrpRule());
        StrategyConfig uncapped = new StrategyConfig(full.initialNav(), full.sizing(), full.forecast(),
            full.rebalance(), plainWriting, StrategyConfig.Risk.UNCAPPED, full.costs());

        Map<String, StrategyConfig> m = new LinkedHashMap<>();
        m.put(BUY_AND_HOLD, noOptions.withSizing(full.sizing().withRule(SizingRule.BUY_AND_HOLD)));
        m.put(FIXED_WEIGHT, noOptions.withSizing(full.sizing().withRule(SizingRule.FIXED_WEIGHT)));
        m.put(VOL_TARGET, noOptions.withSizing(full.sizing().withRule(SizingRule.VOL_TARGET)));
        m.put(COVERED_CALL, uncapped.withSizing(full.sizing().withRule(SizingRule.BUY_AND_HOLD))
            .withOptions(plainWriting.with(true, false, 1, 0)));
        m.put(PUT_WRITE, uncapped.withSizing(full.sizing().withRule(SizingRule.VOL_TARGET))
            .withOptions(plainWriting.with(false, true, 0, 1)));
        m.put(FULL, full);
        return m;
    }
}
