package io.volvault.app.marketdata;

import io.volvault.app.UserInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Replay times as people and scripts write them: a date (00:00 UTC), a UTC instant, or ms since the epoch. */
public final class ReplayTime {

    private ReplayTime() {
    }

    /**
     * Parses {@code 2022-11-06}, {@code 2022-11-06T12:00:00Z} or {@code 1667692800000}.
     *
     * @param field what the text was given as, for the error message
     */
    public static Instant parse(String field, String text) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.matches("-?\\d+")) {
                return Instant.ofEpochMilli(Long.parseLong(value));
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UserInputException(field + ": '" + text
                    + "' is not a date (2022-11-06), a UTC time (2022-11-06T12:00:00Z) or ms since the epoch");
        }
    }
}
