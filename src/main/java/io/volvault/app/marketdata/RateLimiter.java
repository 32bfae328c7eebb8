package io.volvault.app.marketdata;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Client-side request pacing: on average {@code permitsPerSecond}, with bursts of up to
 * {@code burst} back-to-back requests (the generic cell rate algorithm: each request pushes a
 * theoretical arrival time one interval on; a request waits while that time is more than
 * {@code burst - 1} intervals ahead of now). Deribit counts credits per second; staying under
 * its public limit avoids the 429s in the first place.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final long burstToleranceNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long theoreticalArrivalNanos;

    public RateLimiter(double permitsPerSecond, int burst, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be a positive number, got " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1, got " + burst);
        }
        this.intervalNanos = Math.round(1e9 / permitsPerSecond);
        this.burstToleranceNanos = (burst - 1) * intervalNanos;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.theoreticalArrivalNanos = nanoClock.getAsLong();
    }

    /** 20 requests a second with bursts of 20: the pace ccxt keeps for Deribit's non-matching-engine (public) methods. */
    public static RateLimiter deribitPublicDefault() {
        return new RateLimiter(20, 20, System::nanoTime, Sleeper.SYSTEM);
    }

    /** Blocks until the next request may go. */
    public synchronized void acquire() throws InterruptedIOException {
        long now = nanoClock.getAsLong();
        theoreticalArrivalNanos = Math.max(theoreticalArrivalNanos, now);
        long wait = theoreticalArrivalNanos - burstToleranceNanos - now;
        if (wait > 0) {
            try {
                sleeper.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the rate limit");
            }
        }
        theoreticalArrivalNanos += intervalNanos;
    }
}
