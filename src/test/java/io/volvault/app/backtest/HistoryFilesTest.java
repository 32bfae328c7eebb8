package io.volvault.app.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.realized.PriceBars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The implied-vol index reaches a bar only once it is known: a day's close after the day ends. */
class HistoryFilesTest {

    @TempDir
    Path tmp;

    private static PriceBars bars(String... instants) {
        long[] t = new long[instants.length];
        double[] c = new double[instants.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Instant.parse(instants[i]).getEpochSecond();
            c[i] = 100;
        }
        return PriceBars.ofCloses(t, c);
    }

    @Test
    void aDailyDvolCloseReachesHourlyBarsOfTheNextDayOnly() throws Exception {
        Path dvol = tmp.resolve("btc_dvol.csv");
        // Deribit's export, newest first.
        Files.writeString(dvol, "date,symbol,open,high,low,close\n2021-03-25,BTC,80,81,79,70.5\n"
            + "2021-03-24,BTC,78,80,77,80\n");
        PriceBars hourly = bars("2021-03-24T00:00:00Z", "2021-03-24T23:00:00Z", "2021-03-25T00:00:00Z",
            "2021-03-25T23:00:00Z", "2021-03-26T00:00:00Z", "2021-03-28T00:00:00Z", "2021-03-28T01:00:00Z");
        double[] v = HistoryFiles.impliedAlignedWith(dvol, hourly);
        // Nothing on the 24th (its close is known at midnight), the 24th's close all of the 25th, the
        // 25th's from the 26th, then stale after two days.
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 0.80, 0.80, 0.705, 0.705, Double.NaN}, v, 1e-12);
        // Daily bars are stamped by their day: bar 2021-03-25 sees the 24th's close.
        double[] daily = HistoryFiles.impliedAlignedWith(dvol, bars("2021-03-24T00:00:00Z", "2021-03-25T00:00:00Z",
            "2021-03-26T00:00:00Z"));
        assertArrayEquals(new double[] {Double.NaN, 0.80, 0.705}, daily, 1e-12);
    }

    @Test
    void anInstantStampedValueIsKnownAtItsInstant() throws Exception {
        Path iv = tmp.resolve("iv.csv");
        Files.writeString(iv, "timestamp,dvol\n2021-03-24T12:00:00Z,55\n");
        double[] v = HistoryFiles.impliedAlignedWith(iv, bars("2021-03-24T11:00:00Z", "2021-03-24T12:00:00Z"));
        assertArrayEquals(new double[] {Double.NaN, 0.55}, v, 1e-12);
    }

    @Test
    void aDuplicateDayIsRefusedNamingTheLine() throws Exception {
        Path dvol = tmp.resolve("dup.csv");
        Files.writeString(dvol, "date,symbol,open,high,low,close\n2021-03-25,BTC,1,1,1,70\n2021-03-25,BTC,1,1,1,71\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> HistoryFiles.impliedAlignedWith(dvol, bars("2021-03-26T00:00:00Z", "2021-03-27T00:00:00Z")));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("duplicate day"), e.getMessage());
        assertEquals(2, e.getMessage().split("line").length - 1, e.getMessage());
    }
}
