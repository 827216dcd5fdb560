package com.alphacast.feeds.binance;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter between reconnection (or snapshot) attempts: attempt n waits a random time in
 * {@code [d/2, d]} with {@code d = min(max, initial × multiplier^n)}, so clients that lost the venue together do not
 * come back together, and none hammers it.
 */
public record ReconnectBackoff(Duration initial, Duration max, double multiplier) {

    public ReconnectBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + " / " + max);
        }
        if (!(multiplier >= 1) || multiplier > 100) {
            throw new IllegalArgumentException("backoff multiplier must be in [1, 100], was " + multiplier);
        }
    }

    public static ReconnectBackoff standard() {
        return new ReconnectBackoff(Duration.ofMillis(250), Duration.ofSeconds(30), 2);
    }

    public Duration delay(int attempt, RandomGenerator random) {
        double full = initial.toNanos() * Math.pow(multiplier, Math.min(Math.max(attempt, 0), 62));
        long cap = (long) Math.min(full, max.toNanos());
        long half = cap / 2;
        return Duration.ofNanos(half + (long) (random.nextDouble() * (cap - half)));
    }
}
