package io.volvault.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The servers' rule, as the dashboard wires it: the client's mistake is a 400, anything else a 500. */
class ServerErrorsTest {

    @Test
    void aUserMistakeIs400AndAnInternalIllegalArgumentIs500() throws IOException {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get("/user", ctx -> {
            throw new UserInputException("vault address must be 0x followed by 40 hex digits, was 'xyz'");
        });
        app.get("/internal", ctx -> {
            throw new IllegalArgumentException("index -1 out of bounds");
        });
        app.exception(UserInputException.class,
            (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, ServerErrors::internal);
        app.start("127.0.0.1", 0);
        try {
            OkHttpClient http = new OkHttpClient();
            try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + app.port() + "/user").build()).execute()) {
                assertEquals(400, r.code());
                assertTrue(r.body().string().contains("was 'xyz'"));
            }
            try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + app.port() + "/internal").build()).execute()) {
                assertEquals(500, r.code());
                assertEquals("{\"error\":\"internal error: java.lang.IllegalArgumentException: index -1 out of bounds\"}",
                    r.body().string());
            }
        } finally {
            app.stop();
        }
    }
}
