package io.volvault.app.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class RetryingRpcTest {

    private static Response post(OkHttpClient http, MockWebServer server) throws IOException {
        return http.newCall(new Request.Builder().url(server.url("/"))
            .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build()).execute();
    }

    @Test
    void aDroppedConnectionAnd5xxAreTriedAgainUntilAnAnswerComes() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(new MockResponse().setResponseCode(503));
            server.enqueue(new MockResponse().setResponseCode(429));
            server.enqueue(new MockResponse().setBody("{\"result\":\"0x7a69\"}"));
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new RetryingRpc(4, Duration.ofMillis(1))).build();
            try (Response r = post(http, server)) {
                assertEquals(200, r.code());
                assertEquals("{\"result\":\"0x7a69\"}", r.body().string());
            }
            assertEquals(4, server.getRequestCount());
        }
    }

    @Test
    void givesUpAfterItsTriesWithTheLastAnswerOrError() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse().setResponseCode(502));
            }
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new RetryingRpc(3, Duration.ofMillis(1))).build();
            try (Response r = post(http, server)) {
                assertEquals(502, r.code());
            }
            assertEquals(3, server.getRequestCount());
            for (int i = 0; i < 2; i++) {
                server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            }
            OkHttpClient twice = new OkHttpClient.Builder().addInterceptor(new RetryingRpc(2, Duration.ofMillis(1))).build();
            assertThrows(IOException.class, () -> post(twice, server));
            assertEquals(5, server.getRequestCount());
        }
    }

    @Test
    void aClientErrorIsNotTriedAgain() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(400));
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new RetryingRpc(5, Duration.ofMillis(1))).build();
            try (Response r = post(http, server)) {
                assertEquals(400, r.code());
            }
            assertEquals(1, server.getRequestCount());
        }
    }
}
