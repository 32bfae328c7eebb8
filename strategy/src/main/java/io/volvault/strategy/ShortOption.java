package io.volvault.strategy;

import io.volvault.greeks.OptionType;

/**
 * One option series the vault has written and not yet settled.
 *
 * @param type call (covered by base) or put (secured by strike x size in quote)
 * @param strike strike in quote per base
 * @param expiryEpochSeconds settlement time
 * @param size number of options, each on one unit of base
 */
public record ShortOption(OptionType type, double strike, long expiryEpochSeconds, double size) {
    public ShortOption {
        StrategyConfig.required("type", type);
        StrategyConfig.positive("strike", strike);
        StrategyConfig.positive("size", size);
    }

    /** Collateral locked: base units for a call, quote for a put. */
    public double collateral() {
        return type == OptionType.CALL ? size : strike * size;
    }
}
