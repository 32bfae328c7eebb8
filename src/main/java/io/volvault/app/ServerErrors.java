package io.volvault.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the HTTP servers answer an exception that is not the client's mistake: 500, and the stack trace in the log. */
public final class ServerErrors {

    private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerErrors() {}

    public static void internal(Exception e, Context ctx) {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("error", "internal error: " + e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException unexpected) {
            body = "{\"error\": \"internal error\"}";
        }
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("application/json").result(body);
    }
}
