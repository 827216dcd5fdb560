package com.alphacast.fakes;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure a fake answers with instead of serving a request. The request is not executed (no message is
 * created), which is how the platforms behave for throttled or failed requests, except for
 * {@link Kind#LOST_RESPONSE}: the platform did the work but the answer never reached the client (a timed-out
 * request that was in fact accepted), so a retry meets the platform's duplicate handling.
 *
 * @param kind              what goes wrong
 * @param retryAfterSeconds for {@link Kind#RATE_LIMITED}: seconds until the client may retry
 * @param status            for {@link Kind#SERVER_ERROR} and {@link Kind#FORBIDDEN}: the HTTP status
 * @param delay             for {@link Kind#TIMEOUT} and {@link Kind#LOST_RESPONSE}: how long the server stays silent
 *                          before dropping the exchange
 */
public record Fault(Kind kind, double retryAfterSeconds, int status, Duration delay) {

    public enum Kind { RATE_LIMITED, SERVER_ERROR, FORBIDDEN, TIMEOUT, LOST_RESPONSE }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
    }

    public static Fault rateLimited(double retryAfterSeconds) {
        return new Fault(Kind.RATE_LIMITED, retryAfterSeconds, 429, Duration.ZERO);
    }

    public static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error needs a 5xx status, was " + status);
        }
        return new Fault(Kind.SERVER_ERROR, 0, status, Duration.ZERO);
    }

    public static Fault forbidden() {
        return new Fault(Kind.FORBIDDEN, 0, 403, Duration.ZERO);
    }

    public static Fault timeout(Duration delay) {
        return new Fault(Kind.TIMEOUT, 0, 0, delay);
    }

    /** The request is executed (the post exists), then the server stays silent for {@code delay} and drops the exchange. */
    public static Fault lostResponse(Duration delay) {
        return new Fault(Kind.LOST_RESPONSE, 0, 0, delay);
    }
}
