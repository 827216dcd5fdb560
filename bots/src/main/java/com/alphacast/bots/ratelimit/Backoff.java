package com.alphacast.bots.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random wait in [0, min(cap, base·2^(attempt-1))]): retries of
 * many senders after a shared outage spread out instead of arriving together.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, were " + base + " and " + cap);
        }
    }

    /** The wait before retry number {@code attempt} (1 = first retry). */
    public Duration delay(int attempt) {
        long ceiling = base.toMillis();
        for (int i = 1; i < attempt && ceiling < cap.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap.toMillis());
        // Never zero: an immediate retry into a failing platform is wasted.
        return Duration.ofMillis(Math.max(1, Math.round(random.nextDouble() * ceiling)));
    }
}
