package io.volvault.app.io;

import io.volvault.app.UserInputException;
import io.volvault.greeks.surface.ChainQuote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an option chain from CSV: header {@code expiry,strike,forward,iv}, or
 * {@code expiry,strike,forward,bid_iv,ask_iv} for quotes taken at the mid. Expiry is in years,
 * implied vols are fractions (0.65 for 65%). Errors name the file, line and column.
 */
public final class ChainCsv {

    /** Vols above this are taken for percent points given by mistake (65 for 65%) and refused. */
    private static final double MAX_IV = 5.0;

    private ChainCsv() {
    }

    public static List<ChainQuote> read(Path file) throws IOException {
        CsvTable table = CsvTable.read(file);
        int expiry = table.requireColumn("expiry");
        int strike = table.requireColumn("strike");
        int forward = table.requireColumn("forward");
        int iv = table.column("iv");
        int bid = table.column("bid_iv");
        int ask = table.column("ask_iv");
        boolean single = iv >= 0 && bid < 0 && ask < 0;
        boolean mid = iv < 0 && bid >= 0 && ask >= 0;
        if (!single && !mid) {
            throw new UserInputException(file + " line 1: the header needs either an 'iv' column or both "
                + "'bid_iv' and 'ask_iv', not both kinds");
        }
        List<ChainQuote> quotes = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            double t = table.positive(row, expiry);
            double k = table.positive(row, strike);
            double f = table.positive(row, forward);
            double first = vol(table, row, mid ? bid : iv);
            double second = mid ? vol(table, row, ask) : first;
            try {
                quotes.add(mid ? ChainQuote.fromBidAsk(t, k, f, first, second) : new ChainQuote(t, k, f, first));
            } catch (IllegalArgumentException badQuote) {
                throw new UserInputException(table.where(row) + ": " + badQuote.getMessage());
            }
        }
        if (quotes.isEmpty()) {
            throw new UserInputException(file + ": no quotes after the header");
        }
        return quotes;
    }

    private static double vol(CsvTable table, CsvTable.Row row, int column) {
        double value = table.positive(row, column);
        if (value > MAX_IV) {
            throw new UserInputException(table.where(row, column) + ": " + row.cells().get(column)
                + " is above " + MAX_IV + ": give vols as fractions (0.65 for 65%)");
        }
        return value;
    }
}
