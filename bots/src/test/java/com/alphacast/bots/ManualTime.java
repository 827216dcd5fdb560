package com.alphacast.bots;

import com.alphacast.bots.ratelimit.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when someone sleeps on it, so rate-limit and backoff tests run instantly. */
public final class ManualTime extends Clock implements Sleeper {

    private final AtomicReference<Instant> now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ManualTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public ManualTime() {
        this(Instant.parse("2026-11-20T14:30:00Z"));
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now.accumulateAndGet(Instant.EPOCH.plus(duration), (current, delta) -> current.plusMillis(delta.toEpochMilli()));
    }

    public void advance(Duration duration) {
        now.updateAndGet(current -> current.plus(duration));
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
