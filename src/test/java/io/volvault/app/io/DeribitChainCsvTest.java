package io.volvault.app.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.UserInputException;
import io.volvault.greeks.OptionType;
import io.volvault.strategy.backtest.ChainDay;
import io.volvault.strategy.backtest.ChainOption;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped Deribit chains read back against the raw text, and every kind of bad row refused by line and column. */
public class DeribitChainCsvTest {

    public static final Path ROOT = Path.of(System.getProperty("volvault.root"));
    public static final Path BTC = ROOT.resolve("src/data/options/deribit_btc_options_daily_2025-12-30_to_2026-06-30.csv.gz");

    @TempDir
    static Path tmp;

    private static List<String> raw;
    private static List<ChainDay> days;

    /** The decompressed lines of a gzip file, header first. */
    public static List<String> lines(Path gz) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }

    @BeforeAll
    static void read() throws IOException {
        raw = lines(BTC);
        days = DeribitChainCsv.read(List.of(BTC), "BTC");
    }

    @Test
    void everyRawRowIsOneOptionOfItsSnapshot() {
        assertEquals(66_357, raw.size(), "the README's 66,356 rows and a header");
        assertEquals(raw.size() - 1, days.stream().mapToInt(d -> d.options().size()).sum());
        assertEquals(183, days.size());
        // The snapshot's index is the median of its rows' index_price (column 22), worked out from the text.
        Map<String, List<Double>> indexes = new HashMap<>();
        for (String line : raw.subList(1, raw.size())) {
            String[] f = line.split(",", -1);
            indexes.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[21]));
        }
        assertEquals(183, indexes.size());
        String first = raw.get(1).split(",")[0];
        double[] v = indexes.get(first).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        assertEquals(median, days.get(0).index());
    }

    @Test
    void theFirstRowReadsAsWritten() {
        String[] f = raw.get(1).split(",", -1);
        ChainOption o = days.get(0).options().get(0);
        assertEquals(f[1], o.instrument());
        assertEquals(Double.parseDouble(f[5]), o.strike());
        assertEquals(Double.parseDouble(f[2]), o.forward());
        assertEquals(f[4].equals("call") ? OptionType.CALL : OptionType.PUT, o.type());
        assertEquals(f[8].isEmpty() ? Double.NaN : Double.parseDouble(f[8]), o.bid());
        assertEquals(f[9].isEmpty() ? Double.NaN : Double.parseDouble(f[9]), o.ask());
        assertEquals(Double.parseDouble(f[10]), o.mark());
        assertEquals(Double.parseDouble(f[14]), o.markIv());
        assertEquals(Double.parseDouble(f[17]), o.openInterest());
        assertEquals(Double.parseDouble(f[21]), o.index());
        assertEquals(java.time.OffsetDateTime.parse(f[6]).toEpochSecond(), o.expiryEpochSeconds());
    }

    /**
     * Deribit's inverse put-call parity on the loaded marks: C - P = (F - K) / F in coin, with r = 0.
     * Rows of one snapshot were read some seconds apart, so the two legs' marks are up to about
     * 1e-3 BTC apart from it; the median pair is within 1e-4.
     */
    @Test
    void putCallParityHoldsOnTheLoadedMarks() {
        List<Double> gaps = new ArrayList<>();
        for (ChainDay d : days) {
            Map<String, ChainOption> byName = new HashMap<>();
            d.options().forEach(o -> byName.put(o.instrument(), o));
            for (ChainOption call : d.options()) {
                ChainOption put = byName.get(call.instrument().replaceAll("-C$", "-P"));
                if (call.type() == OptionType.CALL && put != null) {
                    gaps.add(Math.abs(call.mark() - put.mark() - (call.forward() - call.strike()) / call.forward()));
                }
            }
        }
        double[] g = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertTrue(g.length > 30_000, "pairs: " + g.length);
        assertTrue(g[g.length / 2] < 1e-4, "median gap " + g[g.length / 2]);
        assertTrue(g[g.length - 1] < 1e-3, "largest gap " + g[g.length - 1]);
    }

    @Test
    void aPlainCsvReadsLikeTheGzip() throws IOException {
        Path plain = tmp.resolve("first-day.csv");
        String firstTime = raw.get(1).split(",")[0];
        Files.write(plain, raw.stream().filter(l -> l.startsWith("timestamp") || l.startsWith(firstTime)).toList());
        List<ChainDay> fromPlain = DeribitChainCsv.read(List.of(plain), "BTC");
        assertEquals(1, fromPlain.size());
        assertEquals(days.get(0), fromPlain.get(0));
    }

    private static String badRow(String column, String value) {
        List<String> header = Arrays.asList(raw.get(0).split(","));
        String[] f = raw.get(1).split(",", -1);
        f[header.indexOf(column)] = value;
        return String.join(",", f);
    }

    private static String error(String... dataLines) throws IOException {
        Path file = tmp.resolve("bad.csv");
        List<String> lines = new ArrayList<>();
        lines.add(raw.get(0));
        lines.addAll(Arrays.asList(dataLines));
        Files.write(file, lines);
        return assertThrows(IllegalArgumentException.class, () -> DeribitChainCsv.read(List.of(file))).getMessage();
    }

    @Test
    void badCellsAreNamedByLineColumnAndValue() throws IOException {
        String file = tmp.resolve("bad.csv").toString();
        assertEquals(file + " line 3, column 9 (bid_price): 'abc' is not a number",
            error(raw.get(2), badRow("bid_price", "abc")));
        assertEquals(file + " line 2, column 6 (strike): '-5' must be positive", error(badRow("strike", "-5")));
        assertEquals(file + " line 2, column 5 (option_type): 'straddle' is neither call nor put",
            error(badRow("option_type", "straddle")));
        assertEquals(file + " line 2, column 22 (index_price): missing value", error(badRow("index_price", "")));
        assertEquals(file + " line 2, column 1 (timestamp): 'yesterday' is not an ISO time with an offset"
            + " (2026-01-01T09:18:35+00:00)", error(badRow("timestamp", "yesterday")));
        assertTrue(error(badRow("bid_price", "0.5")).endsWith("(bid_price): bid 0.5 is above the ask "
            + raw.get(1).split(",")[9]), "a crossed book");
        assertTrue(error(badRow("strike", "12345.0")).contains("disagrees with the row's currency"));
        assertTrue(error(raw.get(1), raw.get(1)).endsWith("is listed twice in the snapshot " + raw.get(1).split(",")[0]));
    }

    @Test
    void aHeaderWithoutAColumnAndAMissingFileAreRefused() throws IOException {
        Path file = tmp.resolve("no-index.csv");
        Files.write(file, List.of(raw.get(0).replace("index_price", "idx"), raw.get(1)));
        String e = assertThrows(IllegalArgumentException.class, () -> DeribitChainCsv.read(List.of(file))).getMessage();
        assertTrue(e.startsWith(file + " line 1: the header has no column 'index_price'"), e);
        Path missing = tmp.resolve("nope.csv.gz");
        assertEquals(missing + ": no such file",
            assertThrows(UserInputException.class, () -> DeribitChainCsv.read(List.of(missing))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DeribitChainCsv.read(List.of(BTC), "ETH"))
            .getMessage().contains("no ETH options"));
    }
}
