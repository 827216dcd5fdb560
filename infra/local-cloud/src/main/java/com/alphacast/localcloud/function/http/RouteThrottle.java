package com.alphacast.localcloud.function.http;

/**
 * A route's throttling as HTTP API stage settings declare it: a token bucket of {@code burstLimit} requests refilled
 * at {@code rateLimit} requests per second.
 */
public record RouteThrottle(int burstLimit, double rateLimit) {

    public RouteThrottle {
        if (burstLimit < 0) {
            throw new IllegalArgumentException("ThrottlingBurstLimit " + burstLimit + " is negative");
        }
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("ThrottlingRateLimit " + rateLimit + " is not a non-negative number");
        }
    }
}
