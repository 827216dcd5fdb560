package com.alphacast.localcloud.function.http;

import java.util.function.LongSupplier;

/** The token bucket behind one throttled route: full at start, one token per request, refilled continuously. */
final class ThrottleBucket {

    private final RouteThrottle throttle;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    ThrottleBucket(RouteThrottle throttle, LongSupplier nanoTime) {
        this.throttle = throttle;
        this.nanoTime = nanoTime;
        this.tokens = throttle.burstLimit();
        this.refilledAt = nanoTime.getAsLong();
    }

    /** True when the request may pass (a token was taken), false when it must be answered 429. */
    synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(throttle.burstLimit(), tokens + (now - refilledAt) / 1e9 * throttle.rateLimit());
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
