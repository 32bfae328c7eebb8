package io.volvault.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.volvault.app.UserInputException;
import io.volvault.greeks.OptionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The option CSV files of the {@code greeks} and {@code iv} commands: a header line, then one
 * option per line. Every problem is reported with its line and column.
 */
final class OptionCsv {

    /** Pricing model of a row: the {@code model} column, bs when absent. */
    enum Model { BS, BLACK76 }

    /** Leaves the caller's stream open when done, and quotes a cell only when CSV requires it. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
        .build();

    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String[]> rows;
    private final List<Integer> lines;

    private OptionCsv(List<String> header, List<String[]> rows, List<Integer> lines) {
        this.header = header;
        this.rows = rows;
        this.lines = lines;
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
    }

    /** Reads {@code input}, a file path or "-" for {@code stdin}. */
    static OptionCsv read(String input, InputStream stdin) throws IOException {
        if (input.equals("-")) {
            return read(new InputStreamReader(stdin, StandardCharsets.UTF_8), "stdin");
        }
        try (Reader reader = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
            return read(reader, input);
        } catch (NoSuchFileException e) {
            throw new UserInputException("input file not found: " + input, e);
        }
    }

    private static OptionCsv read(Reader reader, String name) throws IOException {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class)
                .withFeatures(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.TRIM_SPACES)
                .readValues(reader)) {
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                // After a row is read, the token location is the line the row starts on.
                int line = it.getParser().currentTokenLocation().getLineNr();
                if (header == null) {
                    header = new ArrayList<>();
                    for (String cell : cells) {
                        header.add(cell.toLowerCase(Locale.ROOT));
                    }
                } else {
                    rows.add(cells);
                    lines.add(line);
                }
            }
        } catch (JsonProcessingException e) {
            throw new UserInputException(name + ": not a valid CSV file: " + e.getOriginalMessage(), e);
        }
        if (header == null) {
            throw new UserInputException(name + ": empty file, expected a header line");
        }
        return new OptionCsv(header, rows, lines);
    }

    List<String> header() {
        return header;
    }

    int size() {
        return rows.size();
    }

    /** Line number of row {@code row} in the file (the header is line 1). */
    int line(int row) {
        return lines.get(row);
    }

    /** The cells of row {@code row}, padded to the header's width. */
    List<String> cells(int row) {
        List<String> cells = new ArrayList<>(header.size());
        String[] raw = rows.get(row);
        for (int i = 0; i < header.size(); i++) {
            cells.add(i < raw.length ? raw[i] : "");
        }
        return cells;
    }

    boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    /** Fails, naming the header line, unless the file has every one of {@code required}. */
    void requireColumns(String... required) {
        for (String column : required) {
            if (!hasColumn(column)) {
                throw new UserInputException("line 1: missing column '" + column + "' (header is "
                    + String.join(",", header) + ")");
            }
        }
    }

    String text(int row, String column) {
        Integer index = columns.get(column);
        String[] raw = rows.get(row);
        String value = index == null || index >= raw.length ? "" : raw[index];
        if (value.isEmpty()) {
            throw new UserInputException(where(row, column) + ": missing value");
        }
        return value;
    }

    double number(int row, String column) {
        String value = text(row, column);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UserInputException(where(row, column) + ": not a number: '" + value + "'");
        }
    }

    /** The number in an optional column, or {@code absent} when the column or the cell is empty. */
    double number(int row, String column, double absent) {
        Integer index = columns.get(column);
        String[] raw = rows.get(row);
        boolean empty = index == null || index >= raw.length || raw[index].isEmpty();
        return empty ? absent : number(row, column);
    }

    OptionType type(int row) {
        String value = text(row, "type");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "call" -> OptionType.CALL;
            case "put" -> OptionType.PUT;
            default -> throw new UserInputException(where(row, "type") + ": expected call or put, got '" + value + "'");
        };
    }

    Model model(int row) {
        Integer index = columns.get("model");
        String[] raw = rows.get(row);
        if (index == null || index >= raw.length || raw[index].isEmpty()) {
            return Model.BS;
        }
        return switch (raw[index].toLowerCase(Locale.ROOT)) {
            case "bs" -> Model.BS;
            case "black76" -> Model.BLACK76;
            default -> throw new UserInputException(where(row, "model") + ": expected bs or black76, got '"
                + raw[index] + "'");
        };
    }

    /** The underlying price of a row: spot for bs, forward for black76. */
    double underlying(int row, Model model) {
        return number(row, model == Model.BLACK76 ? "forward" : "spot");
    }

    /** The yield of a bs row (0 when absent); black76 rows take none, as the forward includes it. */
    double yield(int row, Model model) {
        double yield = number(row, "yield", 0.0);
        if (model == Model.BLACK76 && yield != 0.0) {
            throw new UserInputException(where(row, "yield") + ": black76 rows take no yield (the forward"
                + " already includes it), got " + yield);
        }
        return yield;
    }

    /** A bad value found by the pricing code, which names the field: prefixed with its line. */
    IllegalArgumentException onLine(int row, IllegalArgumentException e) {
        String message = e.getMessage();
        return message.startsWith("line ") ? e : new UserInputException("line " + line(row) + ": " + message, e);
    }

    /** "line N, column C": where a problem is. */
    String where(int row, String column) {
        return "line " + line(row) + ", column " + column;
    }

    /** 17 significant digits: enough to round-trip any double. */
    static String format(double value) {
        return String.format(Locale.ROOT, "%.17g", value);
    }

    /** Writes a header and rows as CSV, quoting where needed. */
    static void write(Writer out, List<String> header, List<List<String>> rows) throws IOException {
        try (var writer = MAPPER.writer(CsvSchema.emptySchema()).writeValues(out)) {
            writer.write(header);
            for (List<String> row : rows) {
                writer.write(row);
            }
        }
    }
}
