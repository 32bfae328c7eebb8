package io.volvault.app.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.volvault.app.io.DeribitChainCsvTest;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shipped server over real HTTP on a recorded day: instruments, book summaries and tickers
 * are the rows of the shipped BTC chain file, read here by plain line splitting; outside the
 * recorded days the answer is the synthetic chain, labelled so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedChainServerTest {

    /** 2026-01-05, the demo's first day in the README. */
    private static final String DAY = "2026-01-05";

    private MarketDataServer server;
    private final OkHttpClient http = new OkHttpClient();
    private final Map<String, String[]> rows = new HashMap<>();
    private long snapshotMillis;

    @BeforeAll
    void start() throws IOException {
        List<String> raw = DeribitChainCsvTest.lines(DeribitChainCsvTest.BTC);
        for (String line : raw.subList(1, raw.size())) {
            if (line.startsWith(DAY)) {
                String[] f = line.split(",", -1);
                rows.put(f[1], f);
                snapshotMillis = OffsetDateTime.parse(f[0]).toEpochSecond() * 1000;
            }
        }
        server = MarketDataServer.start(0);
        server.setClock(Instant.ofEpochMilli(snapshotMillis + 3_600_000));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode get(String path) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(server.url() + path).build()).execute()) {
            assertEquals(200, response.code());
            return DeribitClient.JSON.readTree(response.body().string());
        }
    }

    private static double num(String text) {
        return Double.parseDouble(text);
    }

    @Test
    void bookSummariesAreTheRecordedRows() throws IOException {
        JsonNode reply = get("/api/v2/public/get_book_summary_by_currency?currency=BTC&kind=option");
        assertTrue(reply.get("volvault_source").asText().startsWith("recorded: Deribit BTC chain snapshot "
            + Instant.ofEpochMilli(snapshotMillis)), reply.get("volvault_source").asText());
        JsonNode result = reply.get("result");
        assertEquals(rows.size(), result.size());
        for (JsonNode r : result) {
            String[] f = rows.get(r.get("instrument_name").asText());
            assertEquals(num(f[10]), r.get("mark_price").asDouble());
            assertEquals(100 * num(f[14]), r.get("mark_iv").asDouble(), 1e-12);
            assertEquals(f[8].isEmpty(), r.get("bid_price").isNull(), f[1]);
            if (!f[8].isEmpty()) {
                assertEquals(num(f[8]), r.get("bid_price").asDouble());
            }
            assertEquals(f[9].isEmpty(), r.get("ask_price").isNull(), f[1]);
            if (!f[9].isEmpty()) {
                assertEquals(num(f[9]), r.get("ask_price").asDouble());
            }
            assertEquals(num(f[17]), r.get("open_interest").asDouble());
            assertEquals(num(f[18]), r.get("volume").asDouble());
            assertEquals(num(f[2]), r.get("underlying_price").asDouble());
        }
    }

    @Test
    void instrumentsAndTickersAreTheRecordedOnes() throws IOException {
        JsonNode instruments = get("/api/v2/public/get_instruments?currency=BTC&kind=option").get("result");
        assertEquals(rows.size(), instruments.size());
        for (JsonNode i : instruments) {
            String[] f = rows.get(i.get("instrument_name").asText());
            assertEquals(num(f[5]), i.get("strike").asDouble());
            assertEquals(OffsetDateTime.parse(f[6]).toEpochSecond() * 1000, i.get("expiration_timestamp").asLong());
            assertEquals(f[4], i.get("option_type").asText());
        }
        String[] f = rows.values().stream().filter(r -> !r[8].isEmpty()).findFirst().orElseThrow();
        JsonNode ticker = get("/api/v2/public/ticker?instrument_name=" + f[1]);
        assertTrue(ticker.get("volvault_source").asText().startsWith("recorded: "));
        JsonNode t = ticker.get("result");
        assertEquals(num(f[8]), t.get("best_bid_price").asDouble());
        assertEquals(num(f[10]), t.get("mark_price").asDouble());
        assertEquals(num(f[21]), t.get("index_price").asDouble());
        assertEquals(num(f[15]), t.get("delta").asDouble());
        assertEquals(snapshotMillis, t.get("timestamp").asLong());
    }

    @Test
    void outsideTheRecordedDaysTheChainIsSyntheticAndSaysSo() throws IOException {
        server.setClock(Instant.parse("2025-06-01T08:00:00Z"));
        try {
            JsonNode reply = get("/api/v2/public/get_book_summary_by_currency?currency=BTC&kind=option");
            assertTrue(reply.get("volvault_source").asText().startsWith("synthetic: "));
        } finally {
            server.setClock(Instant.ofEpochMilli(snapshotMillis + 3_600_000));
        }
    }
}
