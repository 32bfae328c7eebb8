package io.volvault.app.marketdata;

import java.time.Duration;

/**
 * Retries of a request the server turned away for now (HTTP 429, or any 5xx): at most
 * {@code maxRetries} more attempts, waiting {@code firstDelay}, then twice as long each time, never
 * longer than {@code maxDelay}. No random jitter: one keeper per vault, so there is no herd to
 * spread, and the delays stay exactly testable.
 */
public record RetryPolicy(int maxRetries, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(4));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException(
                    "retry delays need 0 <= firstDelay <= maxDelay, got " + firstDelay + " and " + maxDelay);
        }
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    public Duration delayBefore(int retry) {
        Duration delay = firstDelay;
        for (int i = 0; i < retry && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    static boolean isRetryable(int httpStatus) {
        return httpStatus == 429 || httpStatus >= 500;
    }
}
