package io.volvault.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.OptionQuote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which listed option stands for the strategy's series, and the quotes a snapshot gives the fitter. */
class ChainDayTest {

    static final long NOW = 1_767_344_400L; // 2026-01-02T09:00:00Z
    static final long DAY = 86_400;
    /** 08:00 UTC expiries: in 2, 7 and 14 days less one hour. */
    static final long E2 = NOW + 2 * DAY - 3_600;
    static final long E7 = NOW + 7 * DAY - 3_600;
    static final long E14 = NOW + 14 * DAY - 3_600;

    static ChainOption option(OptionType type, double strike, long expiry, double forward, double bid, double ask,
                              double index) {
        String name = "BTC-X-" + (long) strike + (type == OptionType.CALL ? "-C" : "-P") + "-" + expiry;
        return new ChainOption(name, type, strike, expiry, forward, bid, ask, Double.NaN, 0.5 * (bid + ask), 0.5,
            0.0, 0.0, 1, 1, index);
    }

    private static ChainOption put(double strike, long expiry) {
        return option(OptionType.PUT, strike, expiry, 100_000, 0.01, 0.011, 100_000);
    }

    private static ChainOption call(double strike, long expiry) {
        return option(OptionType.CALL, strike, expiry, 100_000, 0.01, 0.011, 100_000);
    }

    @Test
    void theExpiryNearestTheTenorThenTheStrikeNearestTheWantedOne() {
        ChainDay day = new ChainDay("BTC", NOW, 100_000, List.of(put(90_000, E2), put(94_000, E7), put(96_000, E7),
            put(94_000, E14), call(110_000, E7)));
        // now + 7 days is an hour after E7, five days before E14, five after E2.
        ChainOption o = day.nearest(OptionType.PUT, NOW + 7 * DAY, 94_900);
        assertEquals(94_000, o.strike());
        assertEquals(E7, o.expiryEpochSeconds());
        assertEquals(96_000, day.nearest(OptionType.PUT, NOW + 7 * DAY, 95_100).strike());
        assertEquals(E14, day.nearest(OptionType.PUT, NOW + 12 * DAY, 94_000).expiryEpochSeconds());
        assertEquals(110_000, day.nearest(OptionType.CALL, NOW + 14 * DAY, 1).strike(),
            "only E7 lists a call, so it is the nearest call expiry");
    }

    @Test
    void tiesGoToTheEarlierExpiryAndTheStrikeFurtherOutOfTheMoney() {
        ChainDay day = new ChainDay("BTC", NOW, 100_000, List.of(put(94_000, E2), put(96_000, E2),
            put(94_000, E14), call(104_000, E2), call(106_000, E2)));
        long midway = (E2 + E14) / 2;
        assertEquals(E2, day.nearest(OptionType.PUT, midway, 95_000).expiryEpochSeconds());
        assertEquals(94_000, day.nearest(OptionType.PUT, E2, 95_000).strike(), "a put: the lower strike");
        assertEquals(106_000, day.nearest(OptionType.CALL, E2, 105_000).strike(), "a call: the higher strike");
    }

    @Test
    void nothingOfTheTypeListedIsNull() {
        ChainDay day = new ChainDay("BTC", NOW, 100_000, List.of(call(104_000, E7)));
        assertNull(day.nearest(OptionType.PUT, E7, 95_000));
    }

    @Test
    void quotesAreCoinPricesTimesTheMedianForwardOfTheirExpiry() {
        // Three rows of E7 recorded at forwards 100,000, 100,030 and 99,990: the median is 100,000.
        ChainDay day = new ChainDay("BTC", NOW, 100_000, List.of(
            option(OptionType.PUT, 95_000, E7, 100_030, 0.010, 0.012, 100_000),
            option(OptionType.CALL, 105_000, E7, 99_990, 0.004, Double.NaN, 100_000),
            option(OptionType.CALL, 110_000, E7, 100_000, 0.002, 0.003, 100_000)));
        OptionQuote q = day.quotes().get(0);
        assertEquals(100_000, q.forward());
        assertEquals(0.010 * 100_000, q.bid(), 1e-9);
        assertEquals(0.012 * 100_000, q.ask(), 1e-9);
        assertEquals((7 * DAY - 3_600) / (365.0 * DAY), q.expiryYears(), 1e-15);
        assertEquals(Double.NaN, day.quotes().get(1).ask());
        assertEquals(2.5, ChainDay.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void anOptionExpiredBeforeItsSnapshotIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new ChainDay("BTC", E7, 100_000, List.of(put(94_000, E7))));
        assertEquals(true, e.getMessage().contains("expires at or before its snapshot"), e.getMessage());
    }
}
