package io.volvault.app.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final FakeTime time = new FakeTime();

    @Test
    void burstGoesAtOnceThenOneRequestPerInterval() throws Exception {
        RateLimiter limiter = new RateLimiter(10, 3, time::nanoTime, time);

        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }

        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(100)), time.sleeps);
    }

    @Test
    void idleTimeRefillsTheBurstButNoMore() throws Exception {
        RateLimiter limiter = new RateLimiter(10, 2, time::nanoTime, time);
        limiter.acquire();
        limiter.acquire();
        time.sleep(Duration.ofSeconds(10));
        time.sleeps.clear();

        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }

        assertEquals(List.of(Duration.ofMillis(100)), time.sleeps);
    }

    @Test
    void rejectsMeaninglessSettings() {
        assertEquals("permitsPerSecond must be a positive number, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new RateLimiter(0, 1, time::nanoTime, time)).getMessage());
        assertEquals("burst must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new RateLimiter(5, 0, time::nanoTime, time)).getMessage());
    }
}
