package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.dashboard.Performance.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceTest {

    private static final long DAY = 86_400;

    /** Weekly closes 1.00, 1.02, 0.969, 0.98838, 1.01: one losing round of -5 %, the peak at 1.02. */
    private static final List<Point> WEEKS = List.of(new Point(0, 1.00), new Point(7 * DAY, 1.02),
        new Point(14 * DAY, 0.969), new Point(21 * DAY, 0.98838), new Point(28 * DAY, 1.01));

    @Test
    void totalReturnIsLastOverFirst() {
        assertEquals(0.01, Performance.totalReturn(WEEKS).getAsDouble(), 1e-12); // 1.01 / 1.00 - 1
        assertTrue(Performance.totalReturn(WEEKS.subList(0, 1)).isEmpty());
    }

    @Test
    void windowReturnStartsAtTheLastPriceAtOrBeforeTheWindowStart() {
        // 14 days back from day 28 is day 14 exactly: 1.01 / 0.969 - 1 = 0.042311661506...
        assertEquals(1.01 / 0.969 - 1, Performance.windowReturn(WEEKS, 14 * DAY).getAsDouble(), 1e-12);
        assertEquals(0.04231166150670, Performance.windowReturn(WEEKS, 14 * DAY).getAsDouble(), 1e-12);
        // 10 days back is day 18, between closes: the day-14 close (0.969) is the price then
        assertEquals(1.01 / 0.969 - 1, Performance.windowReturn(WEEKS, 10 * DAY).getAsDouble(), 1e-12);
        // 20 days back is day 8: the day-7 close 1.02, a loss of 0.98 %
        assertEquals(-0.00980392156863, Performance.windowReturn(WEEKS, 20 * DAY).getAsDouble(), 1e-12);
        // 30 days reaches before the first close: no 30-day return yet
        assertTrue(Performance.windowReturn(WEEKS, 30 * DAY).isEmpty());
        assertTrue(Performance.windowReturn(List.of(), DAY).isEmpty());
    }

    @Test
    void annualizesOnlyFromAYearOn() {
        assertTrue(Performance.annualized(0.05, 364 * DAY).isEmpty());
        // a year exactly: unchanged
        assertEquals(0.05, Performance.annualized(0.05, 365 * DAY).getAsDouble(), 1e-15);
        // 21 % over two years is 10 % a year: 1.21^(1/2) = 1.1
        assertEquals(0.10, Performance.annualized(0.21, 730 * DAY).getAsDouble(), 1e-12);
        // a 19 % loss over two years is 10 % down a year: 0.81^(1/2) = 0.9
        assertEquals(-0.10, Performance.annualized(-0.19, 730 * DAY).getAsDouble(), 1e-12);
    }

    @Test
    void drawdownIsTheFallFromTheRunningPeak() {
        List<Double> dd = Performance.drawdowns(WEEKS);
        assertEquals(0, dd.get(0), 0);
        assertEquals(0, dd.get(1), 0);
        assertEquals(0.05, dd.get(2), 1e-12);                 // 1 - 0.969 / 1.02
        assertEquals(0.031, dd.get(3), 1e-12);                // 1 - 0.98838 / 1.02 = 1 - 0.969
        assertEquals(1 - 1.01 / 1.02, dd.get(4), 1e-12);      // still under the peak
        assertEquals(0.05, Performance.maxDrawdown(WEEKS), 1e-12);
        assertEquals(0, Performance.maxDrawdown(List.of()), 0);
        assertEquals(0, Performance.maxDrawdown(List.of(new Point(0, 1), new Point(DAY, 2))), 0);
    }

    @Test
    void realizedVolOfTheSharePriceUsesTheTimeSpanned() {
        // log returns ln(1.02), ln(0.95), ln(1.02), ln(1.01/0.98838) over 28 days
        double s = sq(Math.log(1.02)) + sq(Math.log(0.95)) + sq(Math.log(1.02)) + sq(Math.log(1.01 / 0.98838));
        assertEquals(Math.sqrt(s / (28 / 365.0)), Performance.realizedVol(WEEKS).getAsDouble(), 1e-12);
    }

    @Test
    void refusesANonPositivePrice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Point(5, 0));
        assertEquals("share price must be positive and finite, was 0.0 at 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Point(5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Point(5, Double.POSITIVE_INFINITY));
    }

    private static double sq(double x) {
        return x * x;
    }
}
