package io.volvault.app.keeper;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.volvault.app.ServerErrors;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.PlannedTx;
import io.volvault.app.chain.TxSender.Outcome;
import io.volvault.app.chain.TxSender.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keeper as a long-running service: ticks while it holds the journal's lease, stands by while
 * another keeper does, and serves {@code /health} and {@code /metrics} (Prometheus) on 127.0.0.1.
 *
 * <p>High availability: keepers sharing a PostgreSQL journal compete for one lease (holder, fencing
 * token, expiry), renewed every third of its length. Only the holder ticks; a transaction is
 * journaled only under the current token, in the same database transaction that checks it, and
 * broadcast only after that check, so a deposed leader cannot act. A standby that takes over
 * first settles whatever the last leader journaled ({@link Keeper#recover}), and decisions are
 * keyed by round, so nothing is done twice and nothing is left undone.
 *
 * <p>Every action and every skipped action is one {@code key=value} line on the logger
 * {@code io.volvault.keeper.events}. {@link #stop} (on SIGTERM) lets the tick in flight finish,
 * so an action is either confirmed or left journaled for the next leader, then gives the lease up.
 */
public final class KeeperService implements Keeper.Events {

    private static final Logger log = LoggerFactory.getLogger(KeeperService.class);
    private static final Logger events = LoggerFactory.getLogger("io.volvault.keeper.events");

    /**
     * @param interval time between ticks of the leader
     * @param lease    how long a lease lasts unless renewed: a standby takes over at most this long
     *                 after the leader dies
     * @param httpPort port of /health and /metrics on 127.0.0.1 (0: any free port)
     */
    public record Settings(String holder, Duration interval, Duration lease, int httpPort) {}

    private final Keeper keeper;
    private final Journal journal;
    private final Settings settings;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter rpcErrors;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keeper-lease");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean leader;
    private volatile boolean recovered;
    private volatile long lastSuccessMs;
    private volatile long lastProgressMs = System.currentTimeMillis();
    private volatile long leaseToken;
    private Javalin http;

    public KeeperService(Keeper keeper, Journal journal, Settings settings) {
        this.keeper = keeper;
        this.journal = journal;
        this.settings = settings;
        this.rpcErrors = Counter.builder("volvault.keeper.rpc.errors")
            .description("ticks cut short by a chain or market-data error").register(metrics);
        Gauge.builder("volvault.keeper.lease.held", this, s -> s.leader ? 1 : 0)
            .description("1 while this keeper holds the lease and acts, 0 on standby").register(metrics);
        Gauge.builder("volvault.keeper.lease.token", this, s -> s.leaseToken)
            .description("fencing token of the lease this keeper last held").register(metrics);
        Gauge.builder("volvault.keeper.last.success.age", this, KeeperService::lastSuccessAgeSeconds)
            .description("seconds since the last complete tick (NaN before the first)").baseUnit("seconds").register(metrics);
        keeper.observe(this);
    }

    /** Starts /health and /metrics; returns the port they listen on. */
    public int startHttp() {
        http = Javalin.create(config -> config.showJavalinBanner = false);
        http.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        http.get("/health", ctx -> health(ctx, live()));
        http.get("/health/live", ctx -> health(ctx, live()));
        http.get("/health/ready", ctx -> health(ctx, ready()));
        http.exception(Exception.class, ServerErrors::internal);
        http.start("127.0.0.1", settings.httpPort());
        return http.port();
    }

    /**
     * Live: the loop made progress (a tick attempted, or a standby's look at the lease) within three
     * intervals and three leases; a stuck keeper is not live and should be restarted.
     */
    public boolean live() {
        long limit = 3 * Math.max(settings.interval().toMillis(), settings.lease().toMillis());
        return stopped.getCount() == 1 && System.currentTimeMillis() - lastProgressMs <= limit;
    }

    /** Ready: this keeper holds the lease and its last tick completed within three intervals. */
    public boolean ready() {
        return leader && lastSuccessMs > 0
            && System.currentTimeMillis() - lastSuccessMs <= 3 * settings.interval().toMillis() + settings.lease().toMillis();
    }

    private void health(io.javalin.http.Context ctx, boolean ok) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("live", live());
        body.put("ready", ready());
        body.put("role", leader ? "leader" : "standby");
        body.put("holder", settings.holder());
        body.put("leaseToken", leaseToken);
        body.put("lastSuccessAgeSeconds", lastSuccessMs == 0 ? null : lastSuccessAgeSeconds());
        ctx.status(ok ? 200 : 503).json(body);
    }

    private double lastSuccessAgeSeconds() {
        return lastSuccessMs == 0 ? Double.NaN : (System.currentTimeMillis() - lastSuccessMs) / 1000.0;
    }

    /** Runs until {@link #stop}: leads while it holds the lease, else stands by. */
    public void run() throws InterruptedException {
        long renewMs = Math.max(1, settings.lease().toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renew, renewMs, renewMs, TimeUnit.MILLISECONDS);
        try {
            while (stopping.getCount() > 0) {
                if (!leader) {
                    tryLead();
                }
                if (leader) {
                    tick();
                }
                lastProgressMs = System.currentTimeMillis();
                stopping.await(leader ? settings.interval().toMillis() : renewMs, TimeUnit.MILLISECONDS);
            }
        } finally {
            renewer.shutdownNow();
            if (leader) {
                leader = false;
                journal.release();
                line("lease", "result", "released", "holder", settings.holder(), "token", Long.toString(leaseToken));
            }
            if (http != null) {
                http.stop();
            }
            stopped.countDown();
        }
    }

    /** Asks the loop to stop after the tick in flight, and waits up to {@code patience} for it. */
    public boolean stop(Duration patience) throws InterruptedException {
        stopping.countDown();
        return stopped.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tryLead() {
        try {
            Optional<Journal.Fence> fence = journal.acquire(settings.holder(), settings.lease().toMillis());
            if (fence.isPresent()) {
                leaseToken = fence.get().token();
                leader = true;
                recovered = false;
                line("lease", "result", "acquired", "holder", settings.holder(), "token", Long.toString(leaseToken));
            }
        } catch (IllegalStateException e) {
            log.warn("cannot reach the journal for the lease: {}", e.getMessage());
        }
    }

    private void renew() {
        if (!leader) {
            return;
        }
        try {
            if (!journal.renew(settings.lease().toMillis())) {
                deposed("renewal found another holder or an expired lease");
            }
        } catch (IllegalStateException e) {
            deposed("renewal failed: " + e.getMessage());
        }
    }

    private void deposed(String why) {
        if (leader) {
            leader = false;
            line("lease", "result", "lost", "holder", settings.holder(), "token", Long.toString(leaseToken), "detail", why);
        }
    }

    private void tick() {
        try {
            if (!recovered) {
                keeper.recover();
                recovered = true;
            }
            keeper.tick();
            lastSuccessMs = System.currentTimeMillis();
            metrics.counter("volvault.keeper.ticks", "outcome", "complete").increment();
        } catch (Journal.FencedOut e) {
            metrics.counter("volvault.keeper.ticks", "outcome", "fenced").increment();
            deposed(e.getMessage());
        } catch (IOException e) {
            rpcErrors.increment();
            metrics.counter("volvault.keeper.ticks", "outcome", "rpc-error").increment();
            line("tick", "result", "rpc-error", "detail", e.getMessage());
        } catch (RuntimeException e) {
            metrics.counter("volvault.keeper.ticks", "outcome", "failed").increment();
            log.error("tick failed", e);
        }
    }

    @Override
    public void acted(String vault, PlannedTx tx, Outcome outcome) {
        String kind = tx.action().substring(0, tx.action().indexOf(':'));
        metrics.counter("volvault.keeper.actions", "kind", kind, "result", outcome.result().name().toLowerCase()).increment();
        if (outcome.result() == Result.CONFIRMED && kind.equals("roll")) {
            metrics.counter("volvault.keeper.rounds.rolled").increment();
        }
        if (!outcome.succeeded()) {
            metrics.counter("volvault.keeper.skipped.actions", "reason", outcome.result().name().toLowerCase().replace('_', '-'))
                .increment();
        }
        line("action", "vault", vault, "action", tx.action(), "result", outcome.result().name(),
            "tx", String.valueOf(outcome.txHash()), "detail", outcome.detail());
    }

    @Override
    public void skipped(String vault, String reason, String detail) {
        metrics.counter("volvault.keeper.skipped.actions", "reason", reason).increment();
        line("skip", "vault", vault, "reason", reason, "detail", detail);
    }

    /** The Prometheus text exposition of this keeper's metrics. */
    public String scrape() {
        return metrics.scrape();
    }

    /** One structured line: {@code event=E key=value ...}, values with spaces or quotes quoted. */
    static String keyValues(String event, String... pairs) {
        StringBuilder b = new StringBuilder("event=").append(event);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String v = pairs[i + 1] == null ? "" : pairs[i + 1];
            b.append(' ').append(pairs[i]).append('=');
            if (v.isEmpty() || v.matches(".*[\\s\"=].*")) {
                b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }

    private static void line(String event, String... pairs) {
        events.info(keyValues(event, pairs));
    }
}
