package io.volvault.strategy.backtest;

import io.volvault.greeks.OptionType;
import io.volvault.strategy.OptionMarks;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.ShortOption;
import io.volvault.strategy.cost.ConstantProductPool;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backtest holds while it runs, and how swaps, option sales and settlements change it: the
 * execution and accounting shared by {@link Backtester} (model premiums) and
 * {@link ChainBacktester} (recorded quotes). Call premium and call settlement move base, put
 * premium and settlement move quote; every swap and every sale pays the gas cost.
 */
final class Holdings {

    private final ConstantProductPool pool;
    private final double gas;
    private final List<ShortOption> shorts = new ArrayList<>(2);
    private double base;
    private double quote;
    private long lastRebalance = Long.MIN_VALUE;
    private double costs;
    private double premium;
    private double traded;

    Holdings(double initialQuote, ConstantProductPool pool, double gas) {
        this.quote = initialQuote;
        this.pool = pool;
        this.gas = gas;
    }

    PortfolioState state() {
        return new PortfolioState(base, quote, shorts, lastRebalance);
    }

    List<ShortOption> shorts() {
        return shorts;
    }

    double base() {
        return base;
    }

    double quote() {
        return quote;
    }

    double costs() {
        return costs;
    }

    double premium() {
        return premium;
    }

    double traded() {
        return traded;
    }

    /** Settles every option expired by {@code now} at {@code spot}; returns them, latest-written first. */
    List<ShortOption> settleExpired(long now, double spot) {
        List<ShortOption> settled = new ArrayList<>(1);
        for (int k = shorts.size() - 1; k >= 0; k--) {
            ShortOption o = shorts.get(k);
            if (o.expiryEpochSeconds() <= now) {
                double payoff = o.size() * OptionMarks.payoff(o.type(), o.strike(), spot);
                if (o.type() == OptionType.CALL) {
                    base -= payoff / spot;
                } else {
                    quote -= payoff;
                }
                settled.add(shorts.remove(k));
            }
        }
        return settled;
    }

    /** Swaps {@code amount} base through the pool at {@code spot} (positive buys base), with its gas. */
    void swap(double amount, double spot, long now) {
        double cost = pool.cost(amount, spot);
        if (amount > 0) {
            quote -= pool.quoteInForBaseOut(amount, spot);
        } else {
            quote += pool.quoteOutForBaseIn(-amount, spot);
        }
        base += amount;
        costs += cost + gas;
        if (lastRebalance != Long.MIN_VALUE) {
            traded += Math.abs(amount) * spot; // turnover leaves out the initial allocation
        }
        payGas(spot);
        lastRebalance = now;
    }

    /**
     * Sells {@code option} for {@code received} quote in all, giving up {@code spreadCost} against
     * its mark, with its gas.
     */
    void write(ShortOption option, double received, double spreadCost, double spot) {
        if (option.type() == OptionType.CALL) {
            base += received / spot;
        } else {
            quote += received;
        }
        premium += received;
        costs += gas + spreadCost;
        shorts.add(option);
        payGas(spot);
    }

    /** Refuses holdings gone negative (an unfunded action), then clears rounding dust below zero. */
    void requireFunded(String when) {
        if (base < -1e-9 || quote < -1e-6) {
            throw new IllegalStateException(when + ": holdings went negative (base " + base
                + ", quote " + quote + "): the strategy proposed an unfunded action");
        }
        base = Math.max(base, 0);
        quote = Math.max(quote, 0);
    }

    /** Gas comes out of the quote reserve, or out of base when the quote cannot cover it. */
    private void payGas(double spot) {
        if (quote >= gas) {
            quote -= gas;
        } else {
            base -= gas / spot;
        }
    }
}
