package io.volvault.strategy.backtest;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.OptionQuote;
import io.volvault.strategy.OptionMarks;

/**
 * One listed option in a recorded Deribit snapshot, as recorded. Deribit's options are inverse:
 * {@code bid}, {@code ask}, {@code mid} and {@code mark} are in coin per option (0.01 on a BTC
 * option is 0.01 BTC), NaN where the book has no quote on that side.
 *
 * @param instrument Deribit's name, e.g. {@code BTC-27MAR26-90000-C}
 * @param expiryEpochSeconds expiry, 08:00 UTC of the expiry day
 * @param forward the expiry's forward in USD (the {@code underlying} column)
 * @param markIv Deribit's mark implied vol, a fraction
 * @param delta Deribit's delta
 * @param vega Deribit's vega, USD per vol point
 * @param openInterest open interest, in contracts
 * @param volume 24-hour volume, in contracts
 * @param index the index price recorded with this row (rows of one snapshot were read over some
 *              seconds, so it differs between rows by up to about 0.5%)
 */
public record ChainOption(String instrument, OptionType type, double strike, long expiryEpochSeconds,
                          double forward, double bid, double ask, double mid, double mark, double markIv,
                          double delta, double vega, double openInterest, double volume,
                          double index) {

    /** True when the book has a bid: only then can the vault sell. */
    public boolean hasBid() {
        return bid > 0;
    }

    /** True when both sides are quoted. */
    public boolean hasBidAndAsk() {
        return bid > 0 && ask > 0;
    }

    /** Years from {@code epochSeconds} to expiry, on the strategy's 365-day year. */
    public double years(long epochSeconds) {
        return (expiryEpochSeconds - epochSeconds) / OptionMarks.SECONDS_PER_YEAR;
    }

    /**
     * The quote for surface fitting on the expiry's forward {@code f}: prices times the forward, which
     * is the undiscounted Black-76 price in USD on that forward (r = 0: Deribit's put-call parity is
     * C - P = (F - K) / F in coin).
     */
    public OptionQuote quote(long epochSeconds, double f) {
        return new OptionQuote(years(epochSeconds), strike, f, type, bid * f, ask * f, mark * f, markIv);
    }
}
