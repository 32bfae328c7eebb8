package io.volvault.app.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainListingTest {

    @Test
    void deribitNamesRoundTrip() {
        ListedOption call = new ListedOption("BTC", LocalDate.of(2022, 9, 30), 60000, OptionType.CALL);
        ListedOption put = new ListedOption("BTC", LocalDate.of(2020, 4, 2), 7125, OptionType.PUT);

        assertEquals("BTC-30SEP22-60000-C", call.name());
        assertEquals("BTC-2APR20-7125-P", put.name());
        assertEquals(Optional.of(call), ListedOption.parse("BTC-30SEP22-60000-C"));
        assertEquals(Optional.of(put), ListedOption.parse("BTC-2APR20-7125-P"));
        assertEquals(Instant.parse("2022-09-30T08:00:00Z"), call.expiry());
        assertTrue(ListedOption.parse("BTC-PERPETUAL").isEmpty());
        assertTrue(ListedOption.parse("BTC-31FEB22-60000-C").isEmpty());
        assertTrue(ListedOption.parse("BTC-02APR20-7125-P").isEmpty());
    }

    @Test
    void expiriesOfASundayFollowDeribitsCalendar() {
        long sunday = Instant.parse("2022-11-06T00:00:00Z").toEpochMilli();

        assertEquals(List.of(
                        LocalDate.of(2022, 11, 11), LocalDate.of(2022, 11, 18), LocalDate.of(2022, 11, 25),
                        LocalDate.of(2022, 12, 2), LocalDate.of(2022, 12, 30), LocalDate.of(2023, 1, 27),
                        LocalDate.of(2023, 3, 31), LocalDate.of(2023, 6, 30)),
                ChainListing.expiries(sunday));
    }

    @Test
    void aFridayExpiryIsGoneAfterEightUtc() {
        long before = Instant.parse("2022-11-11T07:59:59Z").toEpochMilli();
        long after = Instant.parse("2022-11-11T08:00:00Z").toEpochMilli();

        assertEquals(LocalDate.of(2022, 11, 11), ChainListing.expiries(before).get(0));
        assertEquals(LocalDate.of(2022, 11, 18), ChainListing.expiries(after).get(0));
    }

    @Test
    void strikeStepsAreRoundAndAtLeastTwoAndAHalfPercent() {
        assertEquals(500, ChainListing.strikeStep(20_000));
        assertEquals(1000, ChainListing.strikeStep(20_905.58));
        assertEquals(2000, ChainListing.strikeStep(70_000));
        assertEquals(100, ChainListing.strikeStep(2_520.99));
        assertEquals(1, ChainListing.strikeStep(12));
    }

    @Test
    void strikesCoverThreeStandardDeviationsAndAtLeastTenPercent() {
        List<Long> week = ChainListing.strikes(20_000, 0.5, 7 / 365.0);
        List<Long> halfYear = ChainListing.strikes(20_000, 0.5, 0.5);

        // 3 sd of a week at 50%: exp(-+0.2077) = 0.8124 .. 1.2309 of 20,000, on a 500 step
        assertEquals(16_500, week.get(0));
        assertEquals(24_500, week.get(week.size() - 1));
        assertEquals(17, week.size());
        // half a year: exp(-+1.0607) = 0.3462 .. 2.8884
        assertEquals(7_000, halfYear.get(0));
        assertEquals(57_500, halfYear.get(halfYear.size() - 1));
    }
}
