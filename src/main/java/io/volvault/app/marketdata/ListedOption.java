package io.volvault.app.marketdata;

import io.volvault.greeks.OptionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An option as Deribit names it: {@code BTC-30SEP22-60000-C} is the BTC call struck at 60,000
 * expiring on 30 September 2022 at 08:00 UTC, Deribit's expiry time.
 */
record ListedOption(String currency, LocalDate expiryDate, long strike, OptionType type) {

    static final int EXPIRY_HOUR_UTC = 8;

    private static final Pattern NAME = Pattern.compile("([A-Z]+)-(\\d{1,2}[A-Z]{3}\\d{2})-(\\d+)-([CP])");
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d")
            .appendPattern("MMM")
            .appendPattern("yy")
            .toFormatter(Locale.ENGLISH);

    String name() {
        return currency + "-" + DATE.format(expiryDate).toUpperCase(Locale.ROOT) + "-" + strike + "-"
                + (type == OptionType.CALL ? "C" : "P");
    }

    /** Expiry time, ms UTC. */
    long expiryMillis() {
        return expiryDate.atTime(EXPIRY_HOUR_UTC, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    Instant expiry() {
        return Instant.ofEpochMilli(expiryMillis());
    }

    /** Parses a Deribit option name; empty when it is not one (a future, a typo, a date that does not exist). */
    static Optional<ListedOption> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(m.group(2), DATE);
            ListedOption option = new ListedOption(m.group(1), date, Long.parseLong(m.group(3)),
                    m.group(4).equals("C") ? OptionType.CALL : OptionType.PUT);
            // Deribit's own spelling only: no 31FEB rounded to 28FEB, no leading zeros.
            return option.name().equals(name) ? Optional.of(option) : Optional.empty();
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
