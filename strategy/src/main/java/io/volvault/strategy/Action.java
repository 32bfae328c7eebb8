package io.volvault.strategy;

import io.volvault.greeks.OptionType;

/** One thing the vault should do now. Plain data: the backtester and the keeper both execute it. */
public sealed interface Action {

    /** Why the strategy chose it, in words a depositor can read. */
    String reason();

    /**
     * Swap through the pool. A positive {@code baseAmount} buys base with quote, a negative one
     * sells base for quote.
     */
    record Swap(double baseAmount, String reason) implements Action {}

    /**
     * Write (sell) {@code size} options of one series, accepting no less than {@code limitPremium}
     * quote per option.
     */
    record Write(OptionType type, double strike, long expiryEpochSeconds, double size,
                 double limitPremium, String reason) implements Action {}

    /** Do nothing this bar. */
    record Hold(String reason) implements Action {}
}
