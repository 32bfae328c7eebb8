package io.volvault.app.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.volvault.app.ServerErrors;
import io.volvault.app.UserInputException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard over HTTP on 127.0.0.1: the page ({@code src/main/resources/dashboard}) and the
 * JSON API behind it. A malformed address is a 400, an unknown one a 404, a chain that does not
 * answer a 502, anything else a 500 with its stack trace in the log; each with {@code {"error": "..."}}.
 */
public final class DashboardServer implements AutoCloseable {

    private final Javalin app;

    private DashboardServer(Javalin app) {
        this.app = app;
    }

    /** Serves {@code facts} on 127.0.0.1:{@code port} (0: any free port). */
    public static DashboardServer start(VaultFacts facts, int port) {
        if (port < 0 || port > 65_535) {
            throw new UserInputException("port must be 0..65535, was " + port);
        }
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(DashboardJson.MAPPER, false));
            config.staticFiles.add("/dashboard", Location.CLASSPATH);
        });
        app.get("/api/vaults", ctx -> ctx.json(facts.vaults()));
        app.get("/api/vaults/{address}", ctx -> found(ctx,
            facts.vault(Addresses.parse("vault address", ctx.pathParam("address"))), "no vault of this deployment at "));
        app.get("/api/accounts/{address}", ctx -> found(ctx,
            facts.account(Addresses.parse("account address", ctx.pathParam("address"))), "no position and no history for "));
        app.get("/api/accounts/{address}/history.csv", ctx -> {
            String address = Addresses.parse("account address", ctx.pathParam("address"));
            Optional<AccountView> account = facts.account(address);
            if (account.isEmpty()) {
                error(ctx, HttpStatus.NOT_FOUND, "no position and no history for " + ctx.pathParam("address"));
                return;
            }
            ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"volvault-history-" + address + ".csv\"")
                .result(AccountCsv.of(account.get()));
        });
        app.exception(UserInputException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(IOException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_GATEWAY, e.getMessage()));
        app.exception(Exception.class, ServerErrors::internal);
        app.start("127.0.0.1", port);
        return new DashboardServer(app);
    }

    public String url() {
        return "http://127.0.0.1:" + app.port() + "/";
    }

    private static void found(Context ctx, Optional<?> answer, String missing) {
        if (answer.isPresent()) {
            ctx.json(answer.get());
        } else {
            error(ctx, HttpStatus.NOT_FOUND, missing + ctx.pathParam("address"));
        }
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    @Override
    public void close() {
        app.stop();
    }
}
