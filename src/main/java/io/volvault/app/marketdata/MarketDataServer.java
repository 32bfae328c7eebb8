package io.volvault.app.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.volvault.app.ServerErrors;
import io.volvault.app.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Deribit-compatible market-data server (API v2, public methods over HTTP GET) that answers
 * from recorded history as of a settable replay time. The wire format is Deribit's: a JSON-RPC
 * envelope with {@code usIn}, {@code usOut}, {@code usDiff} and {@code testnet} ({@code true}:
 * this is not the production exchange), errors as JSON-RPC error objects with HTTP 400. Every
 * answer also says where its data came from in {@code volvault_source} ({@code recorded: ...},
 * {@code computed: ...} or {@code synthetic: ...}); option chains are the recorded Deribit
 * snapshots on their days ({@link RecordedChains}) and synthetic elsewhere ({@link SyntheticChain}).
 *
 * <p>The replay time is not Deribit's: {@code POST /replay/clock} with
 * {@code {"timestamp": <ms, date or UTC time>}} sets it, {@code GET /replay/clock} reads it.
 */
public final class MarketDataServer implements AutoCloseable {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8089;

    private static final Logger LOG = LoggerFactory.getLogger(MarketDataServer.class);

    private final Javalin app;
    private final PublicApi api;
    private final AtomicLong clockMillis;
    private final String url;

    private MarketDataServer(RecordedMarketData data, String host, int port, Instant clock) {
        this.api = new PublicApi(data);
        this.clockMillis = new AtomicLong(clock.toEpochMilli());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
        });
        app.get("/api/v2/public/{method}", this::publicMethod);
        app.get("/api/v2/{scope}/{method}", ctx -> reply(ctx, System.nanoTime(), micros(),
                RpcError.methodNotFound(ctx.pathParam("scope") + "/" + ctx.pathParam("method")
                        + " is not served here: public methods only")));
        app.get("/replay/clock", this::readClock);
        app.post("/replay/clock", this::postClock);
        app.exception(Exception.class, ServerErrors::internal);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new UserInputException("market-data server: cannot listen on " + host + ":" + port
                    + ": " + rootMessage(e), e);
        }
        this.url = "http://" + host + ":" + app.port();
        LOG.info("market-data server listening on {} (replay time {})", url, clock);
    }

    /**
     * Starts a server on {@code host:port} (port 0: any free port) answering from {@code data},
     * with the replay clock at {@code clock}.
     */
    public static MarketDataServer start(RecordedMarketData data, String host, int port, Instant clock) {
        if (port < 0 || port > 65535) {
            throw new UserInputException("port: must be 0..65535, got " + port);
        }
        return new MarketDataServer(data, host, port, clock);
    }

    /**
     * Starts a server on loopback at {@code port} (0: any free port) with the data shipped in
     * {@code <volvault.root>/src/data}, the clock at {@link #defaultClock}.
     */
    public static MarketDataServer start(int port) throws IOException {
        String root = System.getProperty("volvault.root");
        if (root == null || root.isBlank()) {
            throw new IOException("market data: the system property volvault.root (the repository root) is not set");
        }
        RecordedMarketData data = RecordedMarketData.shipped(Path.of(root));
        return start(data, DEFAULT_HOST, port, defaultClock(data));
    }

    /** The last day of BTC prices when they are loaded, else the end of whichever file is: the latest time with data. */
    public static Instant defaultClock(RecordedMarketData data) {
        RecordedSeries series = data.btcPrice().or(data::btcDvol).or(data::ethPrice).orElseThrow();
        return Instant.ofEpochMilli(series.time(series.size() - 1));
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:8089}. */
    public String url() {
        return url;
    }

    /** The API base to give {@link DeribitClient#builder}, e.g. {@code http://127.0.0.1:8089/api/v2}. */
    public String apiUrl() {
        return url + "/api/v2";
    }

    public int port() {
        return app.port();
    }

    public Instant clock() {
        return Instant.ofEpochMilli(clockMillis.get());
    }

    /** Moves the replay time; the next answers are as of {@code time}. */
    public void setClock(Instant time) {
        clockMillis.set(time.toEpochMilli());
    }

    @Override
    public void close() {
        app.stop();
    }

    private void publicMethod(Context ctx) {
        long startNanos = System.nanoTime();
        long usIn = micros();
        Object answer;
        try {
            answer = api.answer(ctx.pathParam("method"), ctx.queryParamMap(), clockMillis.get());
        } catch (RpcError e) {
            answer = e;
        }
        reply(ctx, startNanos, usIn, answer);
    }

    private static void reply(Context ctx, long startNanos, long usIn, Object answer) {
        ObjectNode envelope = DeribitClient.JSON.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        if (answer instanceof PublicApi.Answer ok) {
            envelope.set("result", ok.result());
            envelope.put("volvault_source", ok.source());
            ctx.status(200);
        } else {
            RpcError error = (RpcError) answer;
            ObjectNode body = envelope.putObject("error");
            body.put("code", error.code());
            body.put("message", error.rpcMessage());
            ObjectNode data = body.putObject("data");
            data.put("reason", error.reason());
            error.param().ifPresent(param -> data.put("param", param));
            ctx.status(400);
        }
        long usDiff = Math.max(0, (System.nanoTime() - startNanos) / 1000);
        envelope.put("usIn", usIn);
        envelope.put("usOut", usIn + usDiff);
        envelope.put("usDiff", usDiff);
        envelope.put("testnet", true);
        ctx.contentType("application/json").result(envelope.toString());
    }

    private void readClock(Context ctx) {
        ctx.contentType("application/json").result(clockJson().toString());
    }

    private void postClock(Context ctx) {
        Optional<String> problem;
        try {
            JsonNode body = DeribitClient.JSON.readTree(ctx.body());
            JsonNode timestamp = body == null ? null : body.get("timestamp");
            if (timestamp == null || !(timestamp.isIntegralNumber() || timestamp.isTextual())) {
                problem = Optional.of("timestamp: expected {\"timestamp\": <ms since the epoch, 2022-11-06 or"
                        + " 2022-11-06T12:00:00Z>}, got " + ctx.body());
            } else {
                setClock(ReplayTime.parse("timestamp", timestamp.asText()));
                problem = Optional.empty();
            }
        } catch (IOException e) {
            problem = Optional.of("the body is not JSON: " + ctx.body());
        } catch (UserInputException e) {
            problem = Optional.of(e.getMessage());
        }
        if (problem.isPresent()) {
            ObjectNode error = DeribitClient.JSON.createObjectNode();
            error.put("error", problem.get());
            ctx.status(400).contentType("application/json").result(error.toString());
        } else {
            ctx.contentType("application/json").result(clockJson().toString());
        }
    }

    private ObjectNode clockJson() {
        ObjectNode clock = DeribitClient.JSON.createObjectNode();
        clock.put("timestamp", clockMillis.get());
        clock.put("time", clock().toString());
        return clock;
    }

    private static long micros() {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
