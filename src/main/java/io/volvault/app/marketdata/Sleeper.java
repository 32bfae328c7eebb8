package io.volvault.app.marketdata;

import java.time.Duration;

/** Waits. Injected so that tests can record retry and rate-limit delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
