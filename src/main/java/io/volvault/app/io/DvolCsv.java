package io.volvault.app.io;

import io.volvault.app.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads Deribit DVOL daily candles as {@code src/data/dvol/*.csv} hold them
 * ({@code date,symbol,open,high,low,close}, vol points, any row order) into the close per UTC day,
 * as a fraction (47.76 -> 0.4776). Errors name the file, line and column.
 */
public final class DvolCsv {

    private DvolCsv() {}

    public static NavigableMap<LocalDate, Double> closes(Path file) throws IOException {
        CsvTable table = CsvTable.read(file);
        int date = table.requireColumn("date");
        int close = table.requireColumn("close");
        NavigableMap<LocalDate, Double> out = new TreeMap<>();
        for (CsvTable.Row row : table.rows()) {
            LocalDate day;
            try {
                day = LocalDate.parse(table.text(row, date));
            } catch (DateTimeParseException e) {
                throw new UserInputException(table.where(row, date) + ": '" + row.cells().get(date)
                    + "' is not a date (2026-04-06)");
            }
            if (out.put(day, table.positive(row, close) / 100) != null) {
                throw new UserInputException(table.where(row, date) + ": " + day + " appears twice");
            }
        }
        if (out.isEmpty()) {
            throw new UserInputException(file + ": no rows after the header");
        }
        return out;
    }
}
