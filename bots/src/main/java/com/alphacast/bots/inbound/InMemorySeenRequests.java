package com.alphacast.bots.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link SeenRequests} for one process: keys in arrival order with the time they were seen, expired from
 * the oldest end. Memory is bounded by {@code capacity}; when that many keys are still within retention the
 * oldest is dropped, so size the capacity above the peak request rate × retention (the default 100,000 keys
 * of ~30 characters stay under 15 MB). One lock guards the map: the check and the record are one step.
 */
public final class InMemorySeenRequests implements SeenRequests {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final Duration retention;
    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public InMemorySeenRequests(Duration retention, int capacity, Clock clock) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.retention = retention;
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean firstSighting(String key) {
        Objects.requireNonNull(key, "key");
        Instant now = clock.instant();
        expire(now);
        Instant before = seen.get(key);
        if (before != null) {
            return false;
        }
        if (seen.size() >= capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(key, now);
        return true;
    }

    @Override
    public Duration retention() {
        return retention;
    }

    /** How many keys are remembered now. */
    public synchronized int size() {
        expire(clock.instant());
        return seen.size();
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(retention);
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Instant> oldest = entries.next();
            // Arrival order is time order unless the clock stepped back; stop at the first key still remembered.
            if (oldest.getValue().isAfter(cutoff)) {
                return;
            }
            entries.remove();
        }
    }
}
