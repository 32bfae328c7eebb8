package io.volvault.app.marketdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.volvault.app.cli.VolvaultCli;
import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.realized.RealizedVol;
import io.volvault.greeks.realized.VolSeries;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.VolSurface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local server over real HTTP on an ephemeral loopback port, queried with the client, checked
 * against the shipped files in src/data read here independently (plain line splitting), against
 * {@link RealizedVol} on the same closes, and against put-call parity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketDataServerTest {

    private static final double DAY = 86_400_000.0;

    private MarketDataServer server;
    private DeribitClient client;
    private final OkHttpClient http = new OkHttpClient();
    private TreeMap<Long, Double> btcClose;
    private TreeMap<Long, Double> btcDvol;
    private TreeMap<Long, Double> ethClose;

    @BeforeAll
    void start() throws IOException {
        Path data = Path.of(System.getProperty("volvault.root"), "src", "data");
        btcClose = column(data.resolve("btc_usd_daily.csv"), 4);
        btcDvol = column(data.resolve("btc_dvol_daily.csv"), 1);
        ethClose = column(data.resolve("eth_usd_hourly.csv"), 4);
        server = MarketDataServer.start(0);
        client = DeribitClient.builder(server.apiUrl()).build();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** time (ms UTC) -> value of one column of a shipped CSV, read without the server's code. */
    private static TreeMap<Long, Double> column(Path csv, int index) throws IOException {
        TreeMap<Long, Double> values = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            long time = fields[0].length() == 10
                    ? LocalDate.parse(fields[0]).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    : Instant.parse(fields[0]).toEpochMilli();
            values.put(time, Double.parseDouble(fields[index]));
        }
        return values;
    }

    private void clock(String time) {
        server.setClock(ReplayTime.parse("clock", time));
    }

    private static long millis(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void indexPriceOnADayIsThatDaysClose() throws IOException {
        for (String day : List.of("2014-09-17", "2021-12-31", "2022-06-30", "2022-11-06", "2025-11-09")) {
            clock(day + "T12:00:00Z");
            Reply<IndexPrice> reply = client.getIndexPrice("btc_usd");
            assertEquals(btcClose.get(millis(day)), reply.result().indexPrice(), day);
            assertEquals(reply.result().indexPrice(), reply.result().estimatedDeliveryPrice());
            assertEquals("recorded: btc_usd_daily.csv, close of the row " + day + "T00:00:00Z",
                    reply.volvaultSource().orElseThrow());
        }
        clock("2021-12-31");
        assertEquals(46_306, client.getIndexPrice("btc_usd").result().indexPrice(), 0.5, "src/data/README.md");
    }

    @Test
    void ethIndexPriceIsTheCloseOfTheHour() throws IOException {
        clock("2021-05-19T13:59:59Z");

        double price = client.getIndexPrice("eth_usd").result().indexPrice();

        assertEquals(ethClose.get(Instant.parse("2021-05-19T13:00:00Z").toEpochMilli()), price);
    }

    @Test
    void dvolHistoryIsTheFileInTwoPages() throws IOException {
        clock("2025-11-12T12:00:00Z");

        VolatilityIndexPage newest = client.getVolatilityIndexData("BTC", 0, Long.MAX_VALUE, "1D").result();
        List<VolatilityCandle> all = client.volatilityIndexHistory("BTC", 0, Long.MAX_VALUE, "1D");

        assertEquals(PublicApi.MAX_CANDLES, newest.candles().size());
        assertEquals(newest.candles().get(0).timestamp() - 1, newest.continuation().orElseThrow());
        assertEquals(1102, all.size());
        assertEquals(List.copyOf(btcDvol.keySet()), all.stream().map(VolatilityCandle::timestamp).toList());
        for (VolatilityCandle candle : all) {
            double dvol = btcDvol.get(candle.timestamp());
            assertEquals(new VolatilityCandle(candle.timestamp(), dvol, dvol, dvol, dvol), candle);
        }
    }

    @Test
    void dvolAfterTheReplayTimeIsNotServed() throws IOException {
        clock("2022-11-08T05:00:00Z");

        List<VolatilityCandle> candles = client.volatilityIndexHistory("BTC", 0, Long.MAX_VALUE, "1D");

        assertEquals(List.of(56.76, 59.48, 76.66), candles.stream().map(VolatilityCandle::close).toList());
    }

    @Test
    void latestDvolIsTheReplayDaysValue() throws IOException {
        clock("2022-11-09T15:00:00Z");

        VolatilityCandle latest = client.latestVolatilityIndex("BTC", server.clock().toEpochMilli());

        assertEquals(millis("2022-11-09"), latest.timestamp());
        assertEquals(114.72, latest.close());
        assertEquals(btcDvol.get(millis("2022-11-09")), latest.close());
        IOException none = assertThrows(IOException.class, () -> client.latestVolatilityIndex("BTC", millis("2022-11-01")));
        assertEquals("public/get_volatility_index_data: no BTC DVOL in the week up to 2022-11-01T00:00:00Z", none.getMessage());
    }

    @Test
    void monthlyExpiriesSettleMonthly() throws IOException {
        clock("2022-11-06");

        Map<String, String> periods = client.getInstruments("BTC", "option", false).result().stream()
                .collect(Collectors.toMap(Instrument::instrumentName, Instrument::settlementPeriod));

        assertEquals("week", periods.get("BTC-11NOV22-20000-C"));
        assertEquals("month", periods.get("BTC-25NOV22-20000-C"));
        assertEquals("month", periods.get("BTC-31MAR23-20000-C"));
    }

    @Test
    void ethHasNoDvolAndOnlyDailyResolutionIsRecorded() {
        clock("2022-11-08");

        DeribitRpcException eth = assertThrows(DeribitRpcException.class,
                () -> client.getVolatilityIndexData("ETH", 0, Long.MAX_VALUE, "1D"));
        DeribitRpcException minute = assertThrows(DeribitRpcException.class,
                () -> client.getVolatilityIndexData("BTC", 0, Long.MAX_VALUE, "60"));

        assertEquals(-32602, eth.code());
        assertEquals("{\"reason\":\"no ETH DVOL is recorded: DVOL is served for BTC only\",\"param\":\"currency\"}",
                eth.data().orElseThrow());
        assertEquals("{\"reason\":\"only daily DVOL is recorded: use 1D (got 60)\",\"param\":\"resolution\"}",
                minute.data().orElseThrow());
    }

    @Test
    void historicalVolatilityIsRealizedVolOfTheBtcCloses() throws IOException {
        clock("2024-03-15T10:00:00Z");

        Reply<List<HistoricalVolatility>> reply = client.getHistoricalVolatility("BTC");

        Map<Long, Double> upToClock = btcClose.headMap(millis("2024-03-15"), true);
        VolSeries expected = realizedVol(upToClock, 30, 365);
        List<Long> times = List.copyOf(upToClock.keySet());
        assertEquals(15, reply.result().size());
        for (int i = 0; i < 15; i++) {
            int row = times.size() - 15 + i;
            HistoricalVolatility point = reply.result().get(i);
            assertEquals(times.get(row), point.timestamp());
            assertEquals(100 * expected.at(row), point.volatilityPercent(), 1e-10 * point.volatilityPercent());
        }
        assertTrue(reply.volvaultSource().orElseThrow().startsWith(
                "computed: 30-bar close-to-close realized vol (RealizedVol, 365.0 periods a year) of btc_usd_daily.csv"));
    }

    @Test
    void ethHistoricalVolatilityIsHourlyRealizedVol() throws IOException {
        clock("2021-05-19T13:30:00Z");

        List<HistoricalVolatility> points = client.getHistoricalVolatility("ETH").result();

        Map<Long, Double> upToClock = ethClose.headMap(Instant.parse("2021-05-19T13:00:00Z").toEpochMilli(), true);
        VolSeries expected = realizedVol(upToClock, 720, 8760);
        assertEquals(360, points.size());
        assertEquals(100 * expected.last(), points.get(359).volatilityPercent(), 1e-10 * expected.last() * 100);
    }

    private static VolSeries realizedVol(Map<Long, Double> closes, int window, double periodsPerYear) {
        long[] seconds = closes.keySet().stream().mapToLong(t -> t / 1000).toArray();
        double[] values = closes.values().stream().mapToDouble(Double::doubleValue).toArray();
        PriceBars bars = new PriceBars(seconds, values, values, values, values);
        return RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, bars, window, periodsPerYear);
    }

    @ParameterizedTest
    @CsvSource({"2022-11-06, 56.76", "2023-06-15, 46.63", "2024-03-15, 76.70", "2025-11-09, 45.32"})
    void chainFittedToASurfaceGivesBackTheDvolLevel(String day, double dvol) throws IOException {
        clock(day);

        ChainSnapshot snapshot = client.chainSnapshot("BTC");
        VolSurface surface = snapshot.surface();

        assertEquals(btcDvol.get(millis(day)), dvol, "the file's DVOL");
        String source = snapshot.source().orElseThrow();
        assertTrue(source.startsWith("synthetic: BTC options listed by volvault's"), source);
        assertTrue(source.contains("from DVOL " + dvol + " on " + day + ", forward = index"), source);
        assertEquals(8, surface.slices().size());
        assertEquals(dvol / 100, surface.atmVol(30 / 365.0), 1e-12, "DVOL is a 30-day ATM vol");
        for (SviSlice slice : surface.slices()) {
            assertEquals(dvol / 100, slice.iv(slice.forward()), 1e-12, "expiry " + slice.expiry());
            assertEquals(btcClose.get(millis(day)), slice.forward());
        }
        assertTrue(surface.skew(30 / 365.0) < 0, "puts dearer than calls");
        assertTrue(surface.arbitrage().isEmpty(), surface.arbitrage().toString());
    }

    @Test
    void optionTickerAgreesWithTheBookAndPutCallParity() throws IOException {
        clock("2022-11-06");
        String call = "BTC-25NOV22-20000-C";
        String put = "BTC-25NOV22-20000-P";

        Ticker c = client.ticker(call).result();
        Ticker p = client.ticker(put).result();
        Map<String, BookSummary> book = client.getBookSummaryByCurrency("BTC", "option").result().stream()
                .collect(Collectors.toMap(BookSummary::instrumentName, row -> row));

        double index = btcClose.get(millis("2022-11-06"));
        double years = (Instant.parse("2022-11-25T08:00:00Z").toEpochMilli() - millis("2022-11-06")) / (365 * DAY);
        double usd = BlackScholes.price(new BsOption(OptionType.CALL, index, 20_000, years, c.markIv() / 100, 0, 0));
        assertAll(
                () -> assertEquals(index, c.indexPrice()),
                () -> assertEquals(book.get(call).markIv(), c.markIv()),
                () -> assertEquals(book.get(call).markPrice(), c.markPrice()),
                () -> assertEquals(c.markIv(), p.markIv(), "one smile for calls and puts"),
                () -> assertEquals((index - 20_000) / index, c.markPrice() - p.markPrice(), 1e-12, "C - P = (F - K) / F"),
                () -> assertEquals(usd / index, c.markPrice(), 1e-12),
                () -> assertEquals(1.0, c.greeks().delta() - p.greeks().delta(), 1e-12, "delta parity"),
                () -> assertEquals(c.greeks().gamma(), p.greeks().gamma(), 1e-15),
                () -> assertTrue(c.greeks().vega() > 0 && c.greeks().theta() < 0));
    }

    @Test
    void unknownInstrumentIsDeribitsInstrumentNotFound() {
        clock("2022-11-06");

        for (String name : List.of("BTC-25NOV22-20500-C", "BTC-PERPETUAL", "BTC-4NOV22-20000-C")) {
            DeribitRpcException e = assertThrows(DeribitRpcException.class, () -> client.ticker(name), name);
            assertEquals(-32602, e.code());
            assertEquals("{\"reason\":\"instrument not found\",\"param\":\"instrument_name\"}", e.data().orElseThrow());
        }
    }

    @Test
    void replayTimeBeforeTheFilesIsNotFound() {
        clock("2013-01-01");

        DeribitRpcException e = assertThrows(DeribitRpcException.class, () -> client.getIndexPrice("btc_usd"));

        assertEquals(13020, e.code());
        assertEquals("{\"reason\":\"no btc_usd index price recorded for the replay time 2013-01-01T00:00:00Z:"
                + " btc_usd_daily.csv covers 2014-09-17T00:00:00Z .. 2025-11-09T00:00:00Z, each row for one day\"}",
                e.data().orElseThrow());
    }

    @Test
    void ethChainUsesRealizedVolAsItsStatedProxy() throws IOException {
        clock("2021-05-19T13:30:00Z");

        ChainSnapshot snapshot = client.chainSnapshot("ETH");
        List<HistoricalVolatility> realized = client.getHistoricalVolatility("ETH").result();

        assertTrue(snapshot.source().orElseThrow().contains("(proxy: no ETH DVOL is recorded)"), snapshot.source().get());
        assertEquals(realized.get(realized.size() - 1).volatilityPercent() / 100,
                snapshot.surface().atmVol(30 / 365.0), 1e-12);
    }

    @Test
    void instrumentsOfOtherKindsAreAnEmptyList() throws IOException {
        clock("2022-11-06");

        Reply<List<Instrument>> futures = client.getInstruments("BTC", "future", false);

        assertTrue(futures.result().isEmpty());
        assertEquals("synthetic: volvault lists live options only, no future instruments", futures.volvaultSource().get());
    }

    @Test
    void replayClockIsSetAndReadOverHttp() throws IOException {
        JsonNode set = post("{\"timestamp\":\"2022-11-07\"}", 200);

        assertEquals(millis("2022-11-07"), set.get("timestamp").asLong());
        assertEquals("2022-11-07T00:00:00Z", get("/replay/clock").get("time").asText());
        assertEquals(btcClose.get(millis("2022-11-07")), client.getIndexPrice("btc_usd").result().indexPrice());
        assertEquals("timestamp: 'noon' is not a date (2022-11-06), a UTC time (2022-11-06T12:00:00Z) or ms since the epoch",
                post("{\"timestamp\":\"noon\"}", 400).get("error").asText());
        assertEquals("the body is not JSON: {timestamp", post("{timestamp", 400).get("error").asText());
        assertTrue(post("{\"timestamp\":true}", 400).get("error").asText().startsWith("timestamp: expected"));
        assertEquals(millis("2022-11-07"), server.clock().toEpochMilli(), "bad requests leave the clock alone");
    }

    @Test
    void envelopeHasDeribitsTimingFields() throws IOException {
        JsonNode envelope = get("/api/v2/public/get_index_price?index_name=btc_usd");

        assertEquals("2.0", envelope.get("jsonrpc").asText());
        assertTrue(envelope.get("testnet").asBoolean());
        assertEquals(envelope.get("usOut").asLong() - envelope.get("usIn").asLong(), envelope.get("usDiff").asLong());
        assertTrue(envelope.get("usIn").asLong() > 1_600_000_000_000_000L, "microseconds since the epoch");
    }

    @Test
    void unknownAndPrivateMethodsAreMethodNotFound() {
        DeribitRpcException unknown = assertThrows(DeribitRpcException.class, () -> client.getIndexPrice(null));
        assertEquals(-32602, unknown.code(), "a missing param is invalid params");

        for (String path : List.of("/api/v2/public/get_order_book", "/api/v2/private/get_positions")) {
            JsonNode error = getError(path);
            assertEquals(-32601, error.get("code").asInt(), path);
            assertEquals("Method not found", error.get("message").asText(), path);
        }
    }

    @Test
    void serveCommandRefusesBadArgumentsWithExitCodeTwo() {
        assertEquals(2, VolvaultCli.run("marketdata", "serve", "--clock", "yesterday", "--port", "0"));
        assertEquals(2, VolvaultCli.run("marketdata", "serve", "--data", "/nonexistent/folder", "--port", "0"));
        assertEquals(2, VolvaultCli.run("marketdata", "serve", "--port", "70000"));
        assertEquals(2, VolvaultCli.run("marketdata", "serve", "--port", String.valueOf(server.port())),
                "a port in use");
    }

    private JsonNode get(String path) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(server.url() + path).build()).execute()) {
            assertEquals(200, response.code());
            return DeribitClient.JSON.readTree(response.body().string());
        }
    }

    private JsonNode getError(String path) {
        try (Response response = http.newCall(new Request.Builder().url(server.url() + path).build()).execute()) {
            assertEquals(400, response.code());
            JsonNode envelope = DeribitClient.JSON.readTree(response.body().string());
            assertFalse(envelope.has("result"));
            return envelope.get("error");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode post(String body, int status) throws IOException {
        Request request = new Request.Builder().url(server.url() + "/replay/clock")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            assertEquals(status, response.code(), body);
            return DeribitClient.JSON.readTree(response.body().string());
        }
    }
}
