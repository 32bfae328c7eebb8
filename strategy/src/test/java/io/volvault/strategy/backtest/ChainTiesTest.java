package io.volvault.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.OptionQuote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain's tie rules and one-sided books, on options whose answers are read off their terms. */
class ChainTiesTest {

    private static final long NOW = 1_767_344_400L; // 2026-01-02T09:00:00Z
    private static final long DAY = 86_400;

    private static ChainOption option(OptionType type, double strike, long expiry, double bid, double ask) {
        return new ChainOption("BTC-T-" + (long) strike + "-" + type + "-" + expiry, type, strike, expiry, 100_000,
            bid, ask, Double.NaN, 0.012, 0.5, 0.0, 0.0, 1, 1, 100_000);
    }

    private static ChainDay day(ChainOption... options) {
        return new ChainDay("BTC", NOW, 100_000, List.of(options));
    }

    /** Expiries 7 and 13 days out are both 3 days from a wanted 10: the earlier wins, listed first or last. */
    @Test
    void equallyNearExpiriesGoToTheEarlier() {
        ChainOption week = option(OptionType.CALL, 110_000, NOW + 7 * DAY, 0.01, 0.011);
        ChainOption later = option(OptionType.CALL, 110_000, NOW + 13 * DAY, 0.01, 0.011);
        assertSame(week, day(week, later).nearest(OptionType.CALL, NOW + 10 * DAY, 110_000));
        assertSame(week, day(later, week).nearest(OptionType.CALL, NOW + 10 * DAY, 110_000));
    }

    /**
     * Strikes 99,000 and 101,000 are both 1,000 from a wanted 100,000: a call takes the higher, a put
     * the lower (further out of the money), whichever is listed first.
     */
    @Test
    void equallyNearStrikesGoFurtherOut() {
        long e = NOW + 7 * DAY;
        ChainOption lowCall = option(OptionType.CALL, 99_000, e, 0.01, 0.011);
        ChainOption highCall = option(OptionType.CALL, 101_000, e, 0.01, 0.011);
        assertSame(highCall, day(highCall, lowCall).nearest(OptionType.CALL, e, 100_000));
        assertSame(highCall, day(lowCall, highCall).nearest(OptionType.CALL, e, 100_000));
        ChainOption lowPut = option(OptionType.PUT, 99_000, e, 0.01, 0.011);
        ChainOption highPut = option(OptionType.PUT, 101_000, e, 0.01, 0.011);
        assertSame(lowPut, day(lowPut, highPut).nearest(OptionType.PUT, e, 100_000));
        assertSame(lowPut, day(highPut, lowPut).nearest(OptionType.PUT, e, 100_000));
    }

    /**
     * Two rows of one series (same type, expiry and strike; the CSV reader refuses an instrument
     * listed twice, but a snapshot built by hand may hold both): neither is nearer nor further out,
     * so the first listed stays, for a call and for a put.
     */
    @Test
    void ofTwoRowsOfOneSeriesTheFirstListedStays() {
        long e = NOW + 7 * DAY;
        for (OptionType type : OptionType.values()) {
            ChainOption first = option(type, 100_000, e, 0.01, 0.011);
            ChainOption second = option(type, 100_000, e, 0.02, 0.021);
            assertSame(first, day(first, second).nearest(type, e, 100_500));
            assertSame(second, day(second, first).nearest(type, e, 100_500));
        }
    }

    /** A zero price is no quote: both sides must be above zero. */
    @Test
    void aZeroSideIsNotAQuote() {
        long e = NOW + 7 * DAY;
        assertTrue(option(OptionType.CALL, 100_000, e, 0.01, 0.011).hasBidAndAsk());
        assertFalse(option(OptionType.CALL, 100_000, e, 0, 0.011).hasBidAndAsk());
        assertFalse(option(OptionType.CALL, 100_000, e, 0.01, 0).hasBidAndAsk());
        assertFalse(option(OptionType.CALL, 100_000, e, Double.NaN, 0.011).hasBidAndAsk());
    }

    /**
     * Coin prices times the forward are USD: 0.01, 0.011 and 0.012 BTC on a 100,000 forward are
     * 1,000, 1,100 and 1,200; 7 days are 7 / 365 years.
     */
    @Test
    void theFittingQuoteIsInUsdOnTheForward() {
        OptionQuote q = option(OptionType.CALL, 100_000, NOW + 7 * DAY, 0.01, 0.011).quote(NOW, 100_000);
        assertEquals(1_000, q.bid(), 1e-9);
        assertEquals(1_100, q.ask(), 1e-9);
        assertEquals(1_200, q.mark(), 1e-9);
        assertEquals(100_000, q.forward());
        assertEquals(7 / 365.0, q.expiryYears(), 1e-15);
    }

    /** An option expiring at the snapshot's very second has expired: the snapshot refuses it. */
    @Test
    void anOptionExpiringAtTheSnapshotIsRefused() {
        ChainOption now = option(OptionType.CALL, 100_000, NOW, 0.01, 0.011);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> day(now)).getMessage()
            .endsWith("expires at or before its snapshot 2026-01-02T09:00:00Z"));
        assertEquals(1, day(option(OptionType.CALL, 100_000, NOW + 1, 0.01, 0.011)).options().size());
    }
}
