package com.alphacast.core.usecase.briefing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When to ask a model again. Exponential backoff from {@code firstBackoff}, capped at {@code maxBackoff}; a
 * provider's {@code Retry-After} wins over the backoff when it is longer. Everything (requests and waits)
 * must fit in {@code deadline}, which is set well inside the function's own timeout so a slow model leaves
 * time for the template briefing.
 *
 * @param maxAttempts    requests at most (1 = no retry)
 * @param firstBackoff   wait before the second request
 * @param maxBackoff     longest wait between requests
 * @param attemptTimeout longest one request may take
 * @param deadline       longest all requests and waits may take together
 */
public record ModelRetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration attemptTimeout,
                               Duration deadline) {

    public ModelRetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(deadline, "deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= first <= max, was " + firstBackoff + " / "
                    + maxBackoff);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || deadline.compareTo(attemptTimeout) < 0) {
            throw new IllegalArgumentException("timeouts must satisfy 0 < attempt timeout <= deadline, was "
                    + attemptTimeout + " / " + deadline);
        }
    }

    /**
     * The wait before the next request after {@code attemptsDone} requests, {@code elapsed} since the first,
     * or empty when there is to be none (attempts used up, or the wait plus one more request would pass the
     * deadline — a Retry-After longer than the time left means giving up now, not sleeping into the timeout).
     */
    public Optional<Duration> waitBeforeNext(int attemptsDone, Optional<Duration> retryAfter, Duration elapsed) {
        if (attemptsDone >= maxAttempts) {
            return Optional.empty();
        }
        Duration doubled = firstBackoff.multipliedBy(1L << Math.min(attemptsDone - 1, 20));
        Duration backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        Duration wait = retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
        Duration left = deadline.minus(elapsed).minus(wait);
        // The next request needs some time of its own; one second is the least worth sending.
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    /** How long the next request may take, given {@code elapsed}. */
    public Duration timeoutFor(Duration elapsed) {
        Duration left = deadline.minus(elapsed);
        return left.compareTo(attemptTimeout) < 0 ? left : attemptTimeout;
    }
}
