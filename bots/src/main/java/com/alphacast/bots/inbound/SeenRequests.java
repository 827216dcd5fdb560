package com.alphacast.bots.inbound;

import java.time.Duration;

/**
 * Remembers which inbound requests that change state were already executed, so a replayed or redelivered
 * one (a Discord interaction id, a Telegram update id, a Telegram payment charge id) runs at most once.
 * Implementations must make {@link #firstSighting} atomic: of two concurrent calls with one key, exactly one
 * sees {@code true}. {@link InMemorySeenRequests} serves one process; a store shared by several instances
 * (DynamoDB: conditional put with a TTL of {@link #retention()}) plugs in here.
 */
public interface SeenRequests {

    /**
     * Records {@code key} and says whether this is the first time it was seen within {@link #retention()}.
     *
     * @param key a request id prefixed by its source, e.g. {@code discord:interaction:1200}
     * @return true the first time; false when the key was recorded before and is still remembered
     */
    boolean firstSighting(String key);

    /** How long a key is remembered at least; it must cover the window in which a replay would be accepted. */
    Duration retention();
}
