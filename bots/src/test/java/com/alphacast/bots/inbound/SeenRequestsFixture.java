package com.alphacast.bots.inbound;

import java.time.Clock;
import java.time.Duration;

/** A fresh in-memory seen-request store per test, on the system clock. */
public final class SeenRequestsFixture {

    private SeenRequestsFixture() {
    }

    public static InMemorySeenRequests fresh() {
        return new InMemorySeenRequests(Duration.ofMinutes(10), 10_000, Clock.systemUTC());
    }
}
