package io.volvault.app.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A JSON-RPC proxy between the keeper and a Hardhat node that injects the network's faults. Each
 * request draws from one {@link Random} seeded once, so the same seed and the same sequence of
 * requests give the same faults. Of the requests it picks (a share {@code rate}):
 * <ul>
 * <li>{@code DROP}: the connection closes with no answer (a broadcast is forwarded first: sent, but
 *     its answer lost);</li>
 * <li>{@code DELAY}: forwarded after 20 to 200 ms;</li>
 * <li>{@code HTTP_5XX}: 502 or 503, not forwarded;</li>
 * <li>{@code NONCE_TOO_LOW}: a broadcast forwarded (mined), answered with the node error "nonce too low";</li>
 * <li>{@code UNDERPRICED}: a broadcast not forwarded, answered "replacement transaction underpriced";</li>
 * <li>{@code REVERT}: a gas estimate answered "execution reverted";</li>
 * <li>{@code REORG}: a broadcast forwarded and mined, then its block taken back ({@code evm_snapshot}
 *     before, {@code evm_revert} after), answered with its hash; the transaction comes back (as from
 *     a mempool after a reorg) three requests later unless the keeper re-broadcast it first.</li>
 * </ul>
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault { DROP, DELAY, HTTP_5XX, NONCE_TOO_LOW, UNDERPRICED, REVERT, REORG }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Fault[] ON_BROADCAST = {Fault.DROP, Fault.HTTP_5XX, Fault.NONCE_TOO_LOW, Fault.UNDERPRICED, Fault.REORG};
    private static final Fault[] ON_ESTIMATE = {Fault.DROP, Fault.DELAY, Fault.HTTP_5XX, Fault.REVERT};
    private static final Fault[] ON_READ = {Fault.DROP, Fault.DELAY, Fault.HTTP_5XX};

    private final URI upstream;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpServer server;
    private final Random random;
    private final double rate;
    private final long broadcastDelayMs;
    private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    private final List<String> reorged = new ArrayList<>();
    private int requests;
    private int sinceReorg;

    public FaultProxy(String upstreamUrl, long seed, double rate) throws IOException {
        this(upstreamUrl, seed, rate, 0);
    }

    /** With every broadcast held {@code broadcastDelayMs} before it is forwarded (a slow network to the node). */
    public FaultProxy(String upstreamUrl, long seed, double rate, long broadcastDelayMs) throws IOException {
        this.upstream = URI.create(upstreamUrl);
        this.random = new Random(seed);
        this.rate = rate;
        this.broadcastDelayMs = broadcastDelayMs;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Faults injected so far, by kind. */
    public synchronized Map<Fault, Integer> injected() {
        return new EnumMap<>(injected);
    }

    public synchronized int total() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized int requests() {
        return requests;
    }

    /** Handles one request at a time: the faults' order is the requests' order. */
    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests++;
            reinclude();
            JsonNode request = JSON.readTree(body);
            String method = request.path("method").asText();
            if (broadcastDelayMs > 0 && method.equals("eth_sendRawTransaction")) {
                sleep(broadcastDelayMs);
            }
            Fault fault = null;
            if (random.nextDouble() < rate) {
                Fault[] kinds = method.equals("eth_sendRawTransaction") ? ON_BROADCAST
                    : method.equals("eth_estimateGas") ? ON_ESTIMATE : ON_READ;
                fault = kinds[random.nextInt(kinds.length)];
                injected.merge(fault, 1, Integer::sum);
            }
            if (fault == null) {
                reply(exchange, 200, forward(body));
                return;
            }
            switch (fault) {
                case DROP -> {
                    if (method.equals("eth_sendRawTransaction")) {
                        forward(body);
                    }
                    // closing the exchange without a status line: the client sees the stream end
                }
                case DELAY -> {
                    sleep(20 + random.nextInt(181));
                    reply(exchange, 200, forward(body));
                }
                case HTTP_5XX -> reply(exchange, random.nextBoolean() ? 502 : 503, "bad gateway".getBytes(StandardCharsets.UTF_8));
                case NONCE_TOO_LOW -> {
                    forward(body);
                    reply(exchange, 200, error(request, -32000, "nonce too low"));
                }
                case UNDERPRICED -> reply(exchange, 200, error(request, -32000, "replacement transaction underpriced"));
                case REVERT -> reply(exchange, 200, error(request, 3, "execution reverted"));
                case REORG -> {
                    String snapshot = call("evm_snapshot").path("result").asText();
                    byte[] answer = forward(body);
                    call("evm_revert", snapshot);
                    reorged.add(request.path("params").get(0).asText());
                    sinceReorg = 0;
                    reply(exchange, 200, answer);
                }
                default -> throw new IllegalStateException("unhandled fault " + fault);
            }
        }
    }

    /** Transactions taken back by a reorg come back to the chain three requests later. */
    private void reinclude() throws IOException {
        if (reorged.isEmpty() || ++sinceReorg < 3) {
            return;
        }
        for (String raw : reorged) {
            call("eth_sendRawTransaction", raw); // "already known" or "nonce too low" if the keeper was first
        }
        reorged.clear();
    }

    private JsonNode call(String method, Object... params) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        request.set("params", JSON.valueToTree(params));
        return JSON.readTree(forward(JSON.writeValueAsBytes(request)));
    }

    private byte[] forward(byte[] body) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] error(JsonNode request, int code, String message) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", request.path("id"));
        answer.putObject("error").put("code", code).put("message", message);
        return JSON.writeValueAsBytes(answer);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
