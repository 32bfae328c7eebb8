package io.volvault.app.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.volvault.greeks.surface.ChainQuote;
import io.volvault.strategy.backtest.ChainDay;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Client of the Deribit API v2 public endpoints the strategy needs, over HTTP GET
 * ({@code <base>/public/<method>?params}), for the real exchange or the local
 * {@link MarketDataServer}. Every call goes through the client-side {@link RateLimiter}, is
 * retried with backoff on HTTP 429 and 5xx ({@link RetryPolicy}), and fails with an
 * {@link IOException} naming the endpoint: a {@link DeribitRpcException} for a JSON-RPC error
 * object, a plain one for timeouts, unreachable hosts and answers that are not JSON-RPC.
 */
public final class DeribitClient {

    /** Deribit's production API. */
    public static final String DERIBIT_API = "https://www.deribit.com/api/v2";

    private static final Duration LATEST_DVOL_LOOKBACK = Duration.ofDays(7);

    /** Raw SVI has five parameters: an expiry with fewer strikes cannot be fitted. */
    static final int MIN_STRIKES_PER_EXPIRY = 5;

    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final HttpUrl base;
    private final OkHttpClient http;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final RateLimiter rateLimiter;
    private final Sleeper sleeper;

    private DeribitClient(Builder builder) {
        this.base = builder.base;
        this.timeout = builder.timeout;
        this.retry = builder.retry;
        this.rateLimiter = builder.rateLimiter;
        this.sleeper = builder.sleeper;
        this.http = new OkHttpClient.Builder().callTimeout(timeout).retryOnConnectionFailure(false).build();
    }

    /** A client of the API at {@code apiUrl}, e.g. {@value #DERIBIT_API} or {@link MarketDataServer#apiUrl()}. */
    public static Builder builder(String apiUrl) {
        return new Builder(apiUrl);
    }

    /** {@code public/get_instruments}: the instruments of a currency, of one kind (option, future...). */
    public Reply<List<Instrument>> getInstruments(String currency, String kind, boolean expired) throws IOException {
        return call("get_instruments", params("currency", currency, "kind", kind, "expired", Boolean.toString(expired)),
                (method, result) -> listOf(method, result, Instrument.class));
    }

    /** {@code public/get_book_summary_by_currency}: mark price, mark IV and volumes of every instrument of a kind. */
    public Reply<List<BookSummary>> getBookSummaryByCurrency(String currency, String kind) throws IOException {
        return call("get_book_summary_by_currency", params("currency", currency, "kind", kind),
                (method, result) -> listOf(method, result, BookSummary.class));
    }

    /** {@code public/ticker}: one instrument's prices, and for an option its implied vols and greeks. */
    public Reply<Ticker> ticker(String instrumentName) throws IOException {
        return call("ticker", params("instrument_name", instrumentName),
                (method, result) -> valueOf(method, result, Ticker.class));
    }

    /** {@code public/get_index_price}, e.g. of {@code btc_usd}. */
    public Reply<IndexPrice> getIndexPrice(String indexName) throws IOException {
        return call("get_index_price", params("index_name", indexName),
                (method, result) -> valueOf(method, result, IndexPrice.class));
    }

    /**
     * {@code public/get_volatility_index_data}: DVOL candles between two times (ms UTC, both
     * inclusive) at a resolution ({@code 1}, {@code 60}, {@code 3600}, {@code 43200} seconds or
     * {@code 1D}). One page; {@link #volatilityIndexHistory} follows the continuations.
     */
    public Reply<VolatilityIndexPage> getVolatilityIndexData(
            String currency, long startTimestamp, long endTimestamp, String resolution) throws IOException {
        return call("get_volatility_index_data",
                params("currency", currency, "start_timestamp", Long.toString(startTimestamp),
                        "end_timestamp", Long.toString(endTimestamp), "resolution", resolution),
                DeribitClient::volatilityIndexPage);
    }

    /** Every DVOL candle between two times, oldest first, asking page after page while the server says there are more. */
    public List<VolatilityCandle> volatilityIndexHistory(
            String currency, long startTimestamp, long endTimestamp, String resolution) throws IOException {
        List<VolatilityCandle> candles = new ArrayList<>();
        long end = endTimestamp;
        while (true) {
            VolatilityIndexPage page = getVolatilityIndexData(currency, startTimestamp, end, resolution).result();
            candles.addAll(page.candles());
            if (page.continuation().isEmpty() || page.candles().isEmpty()) {
                break;
            }
            long next = page.continuation().getAsLong();
            if (next >= end || next < startTimestamp) {
                break;
            }
            end = next;
        }
        candles.sort(Comparator.comparingLong(VolatilityCandle::timestamp));
        return candles;
    }

    /**
     * The last daily DVOL candle at or before {@code atMillis} (looking back at most a week): the
     * current 30-day ATM implied vol level, in vol points, of a replay or of the live market.
     */
    public VolatilityCandle latestVolatilityIndex(String currency, long atMillis) throws IOException {
        List<VolatilityCandle> candles =
                getVolatilityIndexData(currency, atMillis - LATEST_DVOL_LOOKBACK.toMillis(), atMillis, "1D").result().candles();
        if (candles.isEmpty()) {
            throw new IOException("public/get_volatility_index_data: no " + currency + " DVOL in the week up to "
                    + Instant.ofEpochMilli(atMillis));
        }
        return candles.stream().max(Comparator.comparingLong(VolatilityCandle::timestamp)).orElseThrow();
    }

    /** {@code public/get_historical_volatility}: realized vol of a currency, in percent, oldest first. */
    public Reply<List<HistoricalVolatility>> getHistoricalVolatility(String currency) throws IOException {
        return call("get_historical_volatility", params("currency", currency), DeribitClient::historicalVolatility);
    }

    /**
     * The option chain of {@code currency} now: {@code get_instruments} (strikes, expiries) joined
     * with {@code get_book_summary_by_currency} (mark IV, underlying price) by instrument name. Only
     * out-of-the-money options with a mark IV are kept, and only expiries with at least
     * {@value #MIN_STRIKES_PER_EXPIRY} strikes, enough for an SVI slice; each expiry's forward is
     * the median of its rows' underlying prices.
     */
    public ChainSnapshot chainSnapshot(String currency) throws IOException {
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        for (Instrument instrument : getInstruments(currency, "option", false).result()) {
            instruments.put(instrument.instrumentName(), instrument);
        }
        Reply<List<BookSummary>> book = getBookSummaryByCurrency(currency, "option");
        long asOf = book.result().stream().mapToLong(BookSummary::creationTimestamp).max()
                .orElseThrow(() -> new IOException("public/get_book_summary_by_currency: no " + currency + " options listed"));
        Map<Long, List<ChainQuote>> byExpiry = new TreeMap<>();
        for (BookSummary summary : book.result()) {
            Instrument instrument = instruments.get(summary.instrumentName());
            if (instrument == null || summary.markIv() == null || summary.underlyingPrice() == null
                    || instrument.strike() == null || instrument.expirationTimestamp() <= asOf) {
                continue;
            }
            double forward = summary.underlyingPrice();
            boolean outOfTheMoney = instrument.strike() < forward
                    ? "put".equals(instrument.optionType()) : "call".equals(instrument.optionType());
            if (outOfTheMoney && summary.markIv() > 0) {
                double years = ChainListing.yearsBetween(asOf, instrument.expirationTimestamp());
                byExpiry.computeIfAbsent(instrument.expirationTimestamp(), expiry -> new ArrayList<>())
                        .add(new ChainQuote(years, instrument.strike(), forward, summary.markIv() / 100));
            }
        }
        List<ChainQuote> quotes = new ArrayList<>();
        for (List<ChainQuote> slice : byExpiry.values()) {
            if (slice.size() >= MIN_STRIKES_PER_EXPIRY) {
                // One slice, one forward: rows read some seconds apart quote slightly different
                // underlying prices, so the slice takes their median.
                double forward = ChainDay.median(slice.stream().map(ChainQuote::forward).toList());
                slice.forEach(q -> quotes.add(new ChainQuote(q.expiry(), q.strike(), forward, q.iv())));
            }
        }
        return new ChainSnapshot(currency, asOf, quotes, book.volvaultSource());
    }

    @FunctionalInterface
    private interface ResultReader<T> {
        T read(String method, JsonNode result) throws IOException;
    }

    private <T> Reply<T> call(String method, Map<String, String> params, ResultReader<T> reader) throws IOException {
        String endpoint = "public/" + method;
        HttpUrl.Builder url = base.newBuilder().addPathSegment("public").addPathSegment(method);
        params.forEach(url::addQueryParameter);
        Request request = new Request.Builder().url(url.build()).get().build();
        for (int attempt = 1; ; attempt++) {
            rateLimiter.acquire();
            int status;
            String body;
            try (Response response = http.newCall(request).execute()) {
                status = response.code();
                ResponseBody responseBody = response.body();
                body = responseBody == null ? "" : responseBody.string();
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                throw new IOException(endpoint + ": no answer within " + timeout + " from " + request.url(), e);
            } catch (IOException e) {
                throw new IOException(endpoint + ": cannot reach " + request.url() + ": " + e.getMessage(), e);
            }
            int retriesDone = attempt - 1;
            if (RetryPolicy.isRetryable(status) && retriesDone < retry.maxRetries()) {
                pause(retry.delayBefore(retriesDone));
                continue;
            }
            String after = retriesDone == 0 ? "" : " after " + retriesDone + (retriesDone == 1 ? " retry" : " retries");
            return parse(endpoint, status, body, after, reader);
        }
    }

    private <T> Reply<T> parse(String endpoint, int status, String body, String after, ResultReader<T> reader)
            throws IOException {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException(endpoint + ": the answer (HTTP " + status + after + ") is not JSON: "
                    + e.getOriginalMessage() + "; it starts with " + head(body));
        }
        if (envelope == null || !envelope.isObject() || !"2.0".equals(envelope.path("jsonrpc").asText())) {
            throw new IOException(endpoint + ": the answer (HTTP " + status + after
                    + ") is not a JSON-RPC 2.0 envelope; it starts with " + head(body));
        }
        JsonNode error = envelope.get("error");
        if (error != null && !error.isNull()) {
            JsonNode data = error.get("data");
            throw new DeribitRpcException(endpoint + after, status, error.path("code").asInt(),
                    error.path("message").asText("(no message)"),
                    data == null || data.isNull() ? Optional.empty() : Optional.of(data.toString()));
        }
        JsonNode result = envelope.get("result");
        if (status != 200 || result == null) {
            throw new IOException(endpoint + ": HTTP " + status + after + " without "
                    + (result == null ? "a result or an error" : "an error object") + "; it starts with " + head(body));
        }
        JsonNode usDiff = envelope.get("usDiff");
        JsonNode source = envelope.get("volvault_source");
        return new Reply<>(reader.read(endpoint, result),
                usDiff != null && usDiff.canConvertToLong() ? OptionalLong.of(usDiff.asLong()) : OptionalLong.empty(),
                source != null && source.isTextual() ? Optional.of(source.asText()) : Optional.empty());
    }

    private void pause(Duration delay) throws InterruptedIOException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private static <T> T valueOf(String endpoint, JsonNode node, Class<T> type) throws IOException {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IOException(endpoint + ": unexpected result: " + e.getOriginalMessage());
        }
    }

    private static <T> List<T> listOf(String endpoint, JsonNode node, Class<T> type) throws IOException {
        if (!node.isArray()) {
            throw new IOException(endpoint + ": expected a list as result, got " + head(node.toString()));
        }
        List<T> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            values.add(valueOf(endpoint, element, type));
        }
        return List.copyOf(values);
    }

    private static VolatilityIndexPage volatilityIndexPage(String endpoint, JsonNode result) throws IOException {
        JsonNode data = result.get("data");
        if (data == null || !data.isArray()) {
            throw new IOException(endpoint + ": expected result.data to be a list of candles, got " + head(result.toString()));
        }
        List<VolatilityCandle> candles = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            double[] v = numbers(endpoint, "result.data[" + i + "]", data.get(i), 5);
            candles.add(new VolatilityCandle((long) v[0], v[1], v[2], v[3], v[4]));
        }
        JsonNode continuation = result.get("continuation");
        return new VolatilityIndexPage(candles,
                continuation == null || continuation.isNull() ? OptionalLong.empty() : OptionalLong.of(continuation.asLong()));
    }

    private static List<HistoricalVolatility> historicalVolatility(String endpoint, JsonNode result) throws IOException {
        if (!result.isArray()) {
            throw new IOException(endpoint + ": expected a list of [timestamp, volatility] as result, got "
                    + head(result.toString()));
        }
        List<HistoricalVolatility> points = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            double[] v = numbers(endpoint, "result[" + i + "]", result.get(i), 2);
            points.add(new HistoricalVolatility((long) v[0], v[1]));
        }
        return List.copyOf(points);
    }

    private static double[] numbers(String endpoint, String where, JsonNode row, int count) throws IOException {
        if (row == null || !row.isArray() || row.size() != count) {
            throw new IOException(endpoint + ": " + where + " should be a list of " + count + " numbers, got "
                    + (row == null ? "nothing" : head(row.toString())));
        }
        double[] values = new double[count];
        for (int j = 0; j < count; j++) {
            if (!row.get(j).isNumber()) {
                throw new IOException(endpoint + ": " + where + "[" + j + "] is not a number: " + row.get(j));
            }
            values[j] = row.get(j).asDouble();
        }
        return values;
    }

    private static Map<String, String> params(String... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                params.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return params;
    }

    private static String head(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return "'" + (oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine) + "'";
    }

    /** Settings of a {@link DeribitClient}; defaults: 10 s timeout, {@link RetryPolicy#DEFAULT}, 20 requests a second. */
    public static final class Builder {

        private final HttpUrl base;
        private Duration timeout = Duration.ofSeconds(10);
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private RateLimiter rateLimiter = RateLimiter.deribitPublicDefault();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(String apiUrl) {
            HttpUrl parsed = HttpUrl.parse(apiUrl);
            if (parsed == null) {
                throw new IllegalArgumentException("market-data url: '" + apiUrl + "' is not an http(s) URL");
            }
            this.base = parsed;
        }

        /** The longest a whole call may take, connecting included. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = rateLimiter;
            return this;
        }

        /** How the client waits between retries. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public DeribitClient build() {
            return new DeribitClient(this);
        }
    }
}
