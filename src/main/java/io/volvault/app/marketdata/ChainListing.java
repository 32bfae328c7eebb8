package io.volvault.app.marketdata;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which options the local server lists at a time, after Deribit's calendar: expiries on Fridays at
 * 08:00 UTC (the next {@value #WEEKLIES} Fridays, the last Friday of the next
 * {@value #MONTHLIES} months, the last Friday of the next {@value #QUARTERLIES} quarter-end
 * months), and strikes on a round step of at least 2.5% of the forward, covering
 * {@value #STANDARD_DEVIATIONS} standard deviations of the expiry each side, and at least 10%.
 */
final class ChainListing {

    static final int WEEKLIES = 4;
    static final int MONTHLIES = 3;
    static final int QUARTERLIES = 2;
    static final double STANDARD_DEVIATIONS = 3.0;
    static final double MILLIS_PER_YEAR = 365.0 * 24 * 3600 * 1000;

    private ChainListing() {
    }

    /** Expiry dates still ahead of {@code asOfMillis}, soonest first. */
    static List<LocalDate> expiries(long asOfMillis) {
        LocalDate today = Instant.ofEpochMilli(asOfMillis).atZone(ZoneOffset.UTC).toLocalDate();
        TreeSet<LocalDate> dates = new TreeSet<>();
        LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        while (dates.size() < WEEKLIES) {
            if (isAhead(friday, asOfMillis)) {
                dates.add(friday);
            }
            friday = friday.plusWeeks(1);
        }
        YearMonth month = YearMonth.from(today);
        for (int added = 0; added < MONTHLIES; month = month.plusMonths(1)) {
            LocalDate last = lastFriday(month);
            if (isAhead(last, asOfMillis)) {
                dates.add(last);
                added++;
            }
        }
        for (int added = 0; added < QUARTERLIES; month = month.plusMonths(1)) {
            LocalDate last = lastFriday(month);
            if (month.getMonthValue() % 3 == 0 && isAhead(last, asOfMillis)) {
                dates.add(last);
                added++;
            }
        }
        return new ArrayList<>(dates);
    }

    /** Strikes of one expiry, lowest first. */
    static List<Long> strikes(double forward, double atmVol, double years) {
        long step = strikeStep(forward);
        double spread = STANDARD_DEVIATIONS * atmVol * Math.sqrt(years);
        double low = forward * Math.min(0.9, Math.exp(-spread));
        double high = forward * Math.max(1.1, Math.exp(spread));
        List<Long> strikes = new ArrayList<>();
        for (long k = Math.max(1, (long) Math.ceil(low / step)); k * step <= high; k++) {
            strikes.add(k * step);
        }
        return strikes;
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least 2.5% of the forward. */
    static long strikeStep(double forward) {
        double target = forward * 0.025;
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(target, 1))));
        for (double multiple : new double[] {1, 2, 2.5, 5, 10}) {
            if (multiple * power >= target) {
                return Math.max(1, Math.round(multiple * power));
            }
        }
        throw new AssertionError("10 times the power of ten below the target is above it");
    }

    /** True for the last Friday of a month, Deribit's monthly (and quarterly) expiry. */
    static boolean isMonthly(LocalDate expiryDate) {
        return expiryDate.equals(lastFriday(YearMonth.from(expiryDate)));
    }

    static double yearsBetween(long fromMillis, long toMillis) {
        return (toMillis - fromMillis) / MILLIS_PER_YEAR;
    }

    private static LocalDate lastFriday(YearMonth month) {
        return month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
    }

    private static boolean isAhead(LocalDate expiryDate, long asOfMillis) {
        long expiry = expiryDate.atTime(ListedOption.EXPIRY_HOUR_UTC, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        return expiry > asOfMillis;
    }
}
