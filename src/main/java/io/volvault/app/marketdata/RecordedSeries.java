package io.volvault.app.marketdata;

import io.volvault.app.UserInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * One recorded series of the server, oldest first: a value per row and the time (ms UTC) the row
 * starts at. A row answers for every time in {@code [time, time + step)}: the daily close dated D
 * is the price on day D, the hourly close stamped H the price during hour H. Validated when built:
 * times strictly increase, values are positive and finite.
 */
record RecordedSeries(String file, String column, Duration step, long[] times, double[] values) {

    RecordedSeries {
        if (times.length != values.length || times.length == 0) {
            throw new UserInputException(file + ": needs at least one row, and as many times as values");
        }
        times = times.clone();
        values = values.clone();
    }

    int size() {
        return times.length;
    }

    long time(int row) {
        return times[row];
    }

    double value(int row) {
        return values[row];
    }

    /** The row that answers for time {@code t}, if the file covers it. */
    OptionalInt rowAt(long t) {
        int found = Arrays.binarySearch(times, t);
        int row = found >= 0 ? found : -found - 2;
        if (row < 0 || t >= times[row] + step.toMillis()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(row);
    }

    /** The last row that starts at or before {@code t}, or -1 when {@code t} is before the file. */
    int lastRowAtOrBefore(long t) {
        int found = Arrays.binarySearch(times, t);
        return found >= 0 ? found : -found - 2;
    }

    /** The file's span for error messages, e.g. {@code 2022-11-06T00:00:00Z .. 2025-11-12T00:00:00Z}. */
    String span() {
        return Instant.ofEpochMilli(times[0]) + " .. " + Instant.ofEpochMilli(times[times.length - 1]);
    }
}
