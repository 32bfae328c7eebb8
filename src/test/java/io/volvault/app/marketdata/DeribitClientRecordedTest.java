package io.volvault.app.marketdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against Deribit's own recorded responses (src/test/resources/deribit, sources in its
 * README), replayed over real HTTP on loopback by MockWebServer.
 */
class DeribitClientRecordedTest {

    private final MockWebServer deribit = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private DeribitClient client;

    @BeforeEach
    void start() throws IOException {
        deribit.start();
        client = clientWith(new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(4)), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        deribit.shutdown();
    }

    private DeribitClient clientWith(RetryPolicy retry, Duration timeout) {
        return DeribitClient.builder(deribit.url("/api/v2").toString())
                .retry(retry)
                .timeout(timeout)
                .sleeper(time)
                .rateLimiter(new RateLimiter(1000, 1000, time::nanoTime, time))
                .build();
    }

    private void replay(String fixture) throws IOException {
        replay(200, fixture);
    }

    private void replay(int status, String fixture) throws IOException {
        deribit.enqueue(new MockResponse().setResponseCode(status).setBody(fixture(fixture)));
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = DeribitClientRecordedTest.class.getResourceAsStream("/deribit/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void optionTickerCarriesMarkIvAndGreeks() throws Exception {
        replay("ticker_option.json");

        Ticker ticker = client.ticker("BTC-30SEP22-60000-C").result();

        RecordedRequest request = deribit.takeRequest();
        assertEquals("/api/v2/public/ticker?instrument_name=BTC-30SEP22-60000-C", request.getPath());
        assertEquals("GET", request.getMethod());
        assertAll(
                () -> assertEquals("BTC-30SEP22-60000-C", ticker.instrumentName()),
                () -> assertEquals(1654161839367L, ticker.timestamp()),
                () -> assertEquals(67.7, ticker.markIv()),
                () -> assertEquals(67.16, ticker.bidIv()),
                () -> assertEquals(68.65, ticker.askIv()),
                () -> assertEquals(0.0084, ticker.markPrice()),
                () -> assertEquals(30220.5, ticker.underlyingPrice()),
                () -> assertEquals("BTC-30SEP22", ticker.underlyingIndex()),
                () -> assertEquals(29939.43, ticker.indexPrice()),
                () -> assertEquals(new Greeks(0.05785, 0.00001, 20.05335, -5.65962, 4.91491), ticker.greeks()));
    }

    @Test
    void futureTickerHasNoGreeksOrImpliedVol() throws Exception {
        replay("ticker_perpetual.json");

        Ticker ticker = client.ticker("BTC-PERPETUAL").result();

        assertAll(
                () -> assertEquals(36297.02, ticker.indexPrice()),
                () -> assertEquals(36288.31, ticker.markPrice()),
                () -> assertEquals(36289.5, ticker.bestBidPrice()),
                () -> assertEquals(1623059681955L, ticker.timestamp()),
                () -> assertNull(ticker.greeks()),
                () -> assertNull(ticker.markIv()));
    }

    @Test
    void bookSummaryKeepsDeribitNullsAndServerTiming() throws Exception {
        replay("get_book_summary_by_currency_option.json");

        Reply<List<BookSummary>> reply = client.getBookSummaryByCurrency("BTC", "option");

        assertEquals("/api/v2/public/get_book_summary_by_currency?currency=BTC&kind=option", deribit.takeRequest().getPath());
        List<BookSummary> rows = reply.result();
        assertEquals(2, rows.size());
        BookSummary call = rows.get(0);
        BookSummary put = rows.get(1);
        assertAll(
                () -> assertEquals("BTC-24JUN22-30000-C", call.instrumentName()),
                () -> assertEquals(0.05317014, call.markPrice()),
                () -> assertEquals(29755.49, call.underlyingPrice()),
                () -> assertEquals(0.0525, call.bidPrice()),
                () -> assertEquals(1124.7, call.openInterest()),
                () -> assertEquals(1654338604906L, call.creationTimestamp()),
                () -> assertEquals("BTC-30DEC22-90000-P", put.instrumentName()),
                () -> assertNull(put.bidPrice()),
                () -> assertNull(put.askPrice()),
                () -> assertNull(put.priceChange()),
                () -> assertEquals(1.099, put.last()),
                () -> assertEquals(OptionalLong.of(16314), reply.usDiff()),
                () -> assertTrue(reply.volvaultSource().isEmpty()),
                () -> assertFalse(reply.isSynthetic()));
    }

    @Test
    void instrumentsCarryStrikeAndExpiry() throws Exception {
        replay("get_instruments_option.json");

        List<Instrument> instruments = client.getInstruments("BTC", "option", false).result();

        assertEquals("/api/v2/public/get_instruments?currency=BTC&kind=option&expired=false", deribit.takeRequest().getPath());
        Instrument put = instruments.get(0);
        assertAll(
                () -> assertEquals(1, instruments.size()),
                () -> assertEquals("BTC-13JAN23-16000-P", put.instrumentName()),
                () -> assertTrue(put.isOption()),
                () -> assertEquals("put", put.optionType()),
                () -> assertEquals(16000.0, put.strike()),
                () -> assertEquals(1673596800000L, put.expirationTimestamp()),
                () -> assertEquals(0.0005, put.tickSize()),
                () -> assertEquals(0.1, put.minTradeAmount()),
                () -> assertEquals("btc_usd", put.priceIndex()));
    }

    @Test
    void indexPrice() throws Exception {
        replay("get_index_price.json");

        IndexPrice price = client.getIndexPrice("btc_usd").result();

        assertEquals("/api/v2/public/get_index_price?index_name=btc_usd", deribit.takeRequest().getPath());
        assertEquals(new IndexPrice(11628.81, 11628.81), price);
    }

    @Test
    void volatilityIndexCandles() throws Exception {
        replay("get_volatility_index_data.json");

        VolatilityIndexPage page = client.getVolatilityIndexData("BTC", 1599373800000L, 1599376800000L, "60").result();

        assertEquals("/api/v2/public/get_volatility_index_data?currency=BTC&start_timestamp=1599373800000"
                + "&end_timestamp=1599376800000&resolution=60", deribit.takeRequest().getPath());
        assertEquals(List.of(
                new VolatilityCandle(1598019300000L, 0.210084879, 0.212860821, 0.210084879, 0.212860821),
                new VolatilityCandle(1598019360000L, 0.212869011, 0.212987527, 0.212869011, 0.212987527),
                new VolatilityCandle(1598019420000L, 0.212987723, 0.212992597, 0.212987723, 0.212992597)),
                page.candles());
        assertTrue(page.continuation().isEmpty());
    }

    @Test
    void volatilityIndexHistoryFollowsContinuations() throws Exception {
        deribit.enqueue(new MockResponse().setBody(
                "{\"jsonrpc\":\"2.0\",\"result\":{\"data\":[[3000,3,3,3,3],[4000,4,4,4,4]],\"continuation\":2999}}"));
        deribit.enqueue(new MockResponse().setBody(
                "{\"jsonrpc\":\"2.0\",\"result\":{\"data\":[[1000,1,1,1,1],[2000,2,2,2,2]],\"continuation\":null}}"));

        List<VolatilityCandle> candles = client.volatilityIndexHistory("BTC", 0, 5000, "1D");

        assertEquals(List.of(1000L, 2000L, 3000L, 4000L), candles.stream().map(VolatilityCandle::timestamp).toList());
        assertTrue(deribit.takeRequest().getPath().contains("end_timestamp=5000"));
        assertTrue(deribit.takeRequest().getPath().contains("end_timestamp=2999"));
    }

    @Test
    void historicalVolatilityPoints() throws Exception {
        replay("get_historical_volatility.json");

        List<HistoricalVolatility> points = client.getHistoricalVolatility("BTC").result();

        assertEquals(7, points.size());
        assertEquals(new HistoricalVolatility(1549720800000L, 14.747743607344217), points.get(0));
        assertEquals(new HistoricalVolatility(1550228400000L, 46.371891307340015), points.get(6));
    }

    @Test
    void errorEnvelopeBecomesRpcExceptionWithCodeAndReason() throws Exception {
        replay(400, "error_instrument_not_found.json");

        DeribitRpcException e = assertThrows(DeribitRpcException.class, () -> client.ticker("BTC-1JAN99-1-C"));

        assertAll(
                () -> assertEquals(-32602, e.code()),
                () -> assertEquals("Invalid params", e.rpcMessage()),
                () -> assertEquals(400, e.httpStatus()),
                () -> assertEquals("public/ticker", e.method()),
                () -> assertEquals("{\"reason\":\"instrument not found\",\"param\":\"instrument_name\"}", e.data().orElseThrow()),
                () -> assertEquals("public/ticker: Deribit error -32602 Invalid params"
                        + " {\"reason\":\"instrument not found\",\"param\":\"instrument_name\"} (HTTP 400)", e.getMessage()),
                () -> assertEquals(1, deribit.getRequestCount(), "a 400 is not retried"));
    }

    @Test
    void errorEnvelopeOnHttp200IsStillAnError() throws Exception {
        replay(200, "error_invalid_token.json");

        DeribitRpcException e = assertThrows(DeribitRpcException.class, () -> client.getIndexPrice("btc_usd"));

        assertEquals(13009, e.code());
        assertEquals("invalid_token", e.rpcMessage());
    }

    @Test
    void truncatedJsonNamesTheEndpointNotJackson() throws Exception {
        String recorded = fixture("ticker_option.json");
        deribit.enqueue(new MockResponse().setBody(recorded.substring(0, recorded.indexOf("\"greeks\""))));

        IOException e = assertThrows(IOException.class, () -> client.ticker("BTC-30SEP22-60000-C"));

        assertTrue(e.getMessage().startsWith("public/ticker: the answer (HTTP 200) is not JSON: Unexpected end-of-input"),
                e.getMessage());
        assertFalse(e.getMessage().contains("com.fasterxml"), e.getMessage());
    }

    @Test
    void htmlPageIsNotAnEnvelope() throws Exception {
        deribit.enqueue(new MockResponse().setResponseCode(404).setBody("<html><body>Not Found</body></html>"));

        IOException e = assertThrows(IOException.class, () -> client.getIndexPrice("btc_usd"));

        assertTrue(e.getMessage().startsWith("public/get_index_price: the answer (HTTP 404) is not JSON"), e.getMessage());
        assertTrue(e.getMessage().endsWith("it starts with '<html><body>Not Found</body></html>'"), e.getMessage());
    }

    @Test
    void envelopeWithoutResultOrErrorIsRejected() throws Exception {
        deribit.enqueue(new MockResponse().setBody("{\"jsonrpc\":\"2.0\",\"id\":1}"));

        IOException e = assertThrows(IOException.class, () -> client.getIndexPrice("btc_usd"));

        assertEquals("public/get_index_price: HTTP 200 without a result or an error; it starts with"
                + " '{\"jsonrpc\":\"2.0\",\"id\":1}'", e.getMessage());
    }

    @Test
    void resultMissingARequiredFieldIsRejected() throws Exception {
        deribit.enqueue(new MockResponse().setBody("{\"jsonrpc\":\"2.0\",\"result\":{\"index_price\":11628.81}}"));

        IOException e = assertThrows(IOException.class, () -> client.getIndexPrice("btc_usd"));

        assertTrue(e.getMessage().startsWith("public/get_index_price: unexpected result: Missing required creator"
                + " property 'estimated_delivery_price'"), e.getMessage());
    }

    @Test
    void malformedCandleIsRejectedWithItsPosition() throws Exception {
        deribit.enqueue(new MockResponse().setBody(
                "{\"jsonrpc\":\"2.0\",\"result\":{\"data\":[[1000,1,1,1,1],[2000,1,\"x\",1,1]],\"continuation\":null}}"));

        IOException e = assertThrows(IOException.class, () -> client.getVolatilityIndexData("BTC", 0, 1, "1D"));

        assertEquals("public/get_volatility_index_data: result.data[1][2] is not a number: \"x\"", e.getMessage());
    }

    @Test
    void retriesTooManyRequestsAndServerErrorsWithDoublingDelays() throws Exception {
        deribit.enqueue(new MockResponse().setResponseCode(429).setBody(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":10028,\"message\":\"too_many_requests\"}}"));
        deribit.enqueue(new MockResponse().setResponseCode(503).setBody("Service Unavailable"));
        replay("get_index_price.json");

        IndexPrice price = client.getIndexPrice("btc_usd").result();

        assertEquals(11628.81, price.indexPrice());
        assertEquals(3, deribit.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), time.sleeps);
    }

    @Test
    void givesUpAfterTheLastRetryWithTheServersError() throws Exception {
        for (int i = 0; i < 4; i++) {
            deribit.enqueue(new MockResponse().setResponseCode(429).setBody(
                    "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":10028,\"message\":\"too_many_requests\"}}"));
        }

        DeribitRpcException e = assertThrows(DeribitRpcException.class, () -> client.getIndexPrice("btc_usd"));

        assertEquals(4, deribit.getRequestCount());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)), time.sleeps);
        assertEquals(10028, e.code());
        assertEquals("public/get_index_price after 3 retries: Deribit error 10028 too_many_requests (HTTP 429)", e.getMessage());
    }

    @Test
    void retryDelaysStopGrowingAtTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(250), Duration.ofSeconds(1));

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1)),
                List.of(policy.delayBefore(0), policy.delayBefore(1), policy.delayBefore(2), policy.delayBefore(9)));
    }

    @Test
    void silentServerTimesOutNamingTheEndpoint() throws Exception {
        deribit.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        DeribitClient impatient = clientWith(RetryPolicy.DEFAULT, Duration.ofMillis(300));

        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> impatient.getIndexPrice("btc_usd"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(e.getMessage().startsWith("public/get_index_price: no answer within PT0.3S from http://"), e.getMessage());
        assertTrue(tookMillis < 5_000, "gave up after " + tookMillis + " ms");
        assertEquals(1, deribit.getRequestCount(), "a timeout is not retried");
    }

    @Test
    void unreachableServerNamesTheEndpoint() throws Exception {
        String url = deribit.url("/api/v2").toString();
        deribit.shutdown();
        DeribitClient orphan = DeribitClient.builder(url).retry(RetryPolicy.DEFAULT).sleeper(time).build();

        IOException e = assertThrows(IOException.class, () -> orphan.getIndexPrice("btc_usd"));

        assertTrue(e.getMessage().startsWith("public/get_index_price: cannot reach " + url), e.getMessage());
    }

    @Test
    void requestsArePacedByTheRateLimiter() throws Exception {
        for (int i = 0; i < 4; i++) {
            replay("get_index_price.json");
        }
        DeribitClient paced = DeribitClient.builder(deribit.url("/api/v2").toString())
                .sleeper(time)
                .rateLimiter(new RateLimiter(2, 1, time::nanoTime, time))
                .build();

        for (int i = 0; i < 4; i++) {
            paced.getIndexPrice("btc_usd");
        }

        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500)), time.sleeps);
    }

    @Test
    void badUrlIsRejectedUpFront() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeribitClient.builder("deribit"));
        assertEquals("market-data url: 'deribit' is not an http(s) URL", e.getMessage());
    }
}
