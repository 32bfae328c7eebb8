package io.volvault.app.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.volvault.app.UserInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file with a header line, read by Jackson, whose rows remember their line numbers so that
 * every error can name the file, the line and the column. Blank lines are skipped.
 */
public final class CsvTable {

    /** One data row: its 1-based line number in the file and its cells. */
    public record Row(int line, List<String> cells) {
    }

    private final Path file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(Path file) throws IOException {
        List<Row> all = new ArrayList<>();
        try (CsvParser parser = (CsvParser) new CsvMapper().createParser(file.toFile())) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new UserInputException(file + ": empty file, expected a header line");
            }
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> cells = new ArrayList<>();
                int line = -1;
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    line = parser.currentTokenLocation().getLineNr();
                    cells.add(parser.getText().trim());
                }
                if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                    all.add(new Row(line, List.copyOf(cells)));
                }
            }
        } catch (NoSuchFileException | FileNotFoundException missing) {
            throw new UserInputException(file + ": no such file");
        }
        if (all.isEmpty()) {
            throw new UserInputException(file + ": empty file, expected a header line");
        }
        List<String> header = all.get(0).cells().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        return new CsvTable(file, header, List.copyOf(all.subList(1, all.size())));
    }

    public Path file() {
        return file;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The 0-based index of a header column (case-insensitive), or -1. */
    public int column(String name) {
        return header.indexOf(name.toLowerCase(Locale.ROOT));
    }

    /** The index of a column the file must have, refusing a header without it. */
    public int requireColumn(String name) {
        int index = column(name);
        if (index < 0) {
            throw new UserInputException(file + " line 1: the header " + String.join(",", header)
                + " has no column '" + name + "'");
        }
        return index;
    }

    /** The text of a cell, refusing a row too short to have it or an empty cell. */
    public String text(Row row, int column) {
        if (column >= row.cells().size() || row.cells().get(column).isEmpty()) {
            throw new UserInputException(where(row, column) + ": missing value (the row has "
                + row.cells().size() + " columns, the header " + header.size() + ")");
        }
        return row.cells().get(column);
    }

    /** A finite number in a cell. */
    public double number(Row row, int column) {
        String text = text(row, column);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            throw new UserInputException(where(row, column) + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new UserInputException(where(row, column) + ": '" + text + "' is not a finite number");
        }
        return value;
    }

    /** A positive number in a cell. */
    public double positive(Row row, int column) {
        double value = number(row, column);
        if (!(value > 0.0)) {
            throw new UserInputException(where(row, column) + ": " + row.cells().get(column)
                + " must be positive");
        }
        return value;
    }

    /** "FILE line L, column C (name)", for messages about one cell. */
    public String where(Row row, int column) {
        String name = column < header.size() ? " (" + header.get(column) + ")" : "";
        return file + " line " + row.line() + ", column " + (column + 1) + name;
    }

    /** "FILE line L", for messages about a whole row. */
    public String where(Row row) {
        return file + " line " + row.line();
    }
}
