package io.volvault.app.marketdata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it, recording every sleep. */
final class FakeTime implements Sleeper {

    final List<Duration> sleeps = new ArrayList<>();
    private long nanos = 1_000_000_000L;

    long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos += duration.toNanos();
    }
}
