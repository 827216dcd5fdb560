package com.alphacast.bots.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hands out send slots so that no key (a platform account, a chat, a webhook) exceeds its sliding-window
 * limit, and holds keys paused after a 429 until the platform's reset. A slot is reserved for all keys of
 * a send at once, at the earliest instant every one of them allows.
 *
 * <p>One instance per sender; thread-safe. Reservation is O(1) per key: each key keeps only its last
 * {@code permits} slots.
 */
public final class SendScheduler {

    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, Instant> pausedUntil = new HashMap<>();

    public SendScheduler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A key and its limit; a null limit means the key can only be paused. */
    public record Key(String name, RateLimit limit) {
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    private static final class Window {
        final RateLimit limit;
        final Deque<Instant> slots = new ArrayDeque<>();

        Window(RateLimit limit) {
            this.limit = limit;
        }

        Instant earliest(Instant from) {
            Instant earliest = from;
            if (!slots.isEmpty() && slots.peekLast().isAfter(earliest)) {
                earliest = slots.peekLast();
            }
            if (slots.size() >= limit.permits()) {
                Instant freed = slots.peekFirst().plus(limit.window());
                if (freed.isAfter(earliest)) {
                    earliest = freed;
                }
            }
            return earliest;
        }

        void take(Instant slot) {
            slots.addLast(slot);
            while (slots.size() > limit.permits()) {
                slots.pollFirst();
            }
        }

        /** Moves a reserved slot to when the send really happened, keeping the slots in time order. */
        void settle(Instant reserved, Instant actual) {
            if (!actual.isAfter(reserved) || !slots.remove(reserved)) {
                return;
            }
            java.util.List<Instant> ordered = new java.util.ArrayList<>(slots);
            ordered.add(actual);
            java.util.Collections.sort(ordered);
            slots.clear();
            slots.addAll(ordered);
        }
    }

    /** A reserved send slot: when it is, and how long to wait for it from the moment it was reserved. */
    public record Reservation(Instant slot, Duration delay) {
    }

    /** Reserves the earliest slot all keys allow; {@link Reservation#delay()} is how long to wait for it (zero: send now). */
    public synchronized Reservation reserve(List<Key> keys) {
        Instant now = clock.instant();
        Instant slot = earliestSlot(keys, now);
        for (Key key : keys) {
            if (key.limit() != null) {
                window(key).take(slot);
            }
        }
        return new Reservation(slot, Duration.between(now, slot));
    }

    /**
     * Records that the send reserved for {@code reservation} really finished at {@code finished}. A late
     * wake-up or a slow request then pushes later sends back instead of letting them bunch up: the platform
     * counts a request when it arrives, which is never after the response came back.
     */
    public synchronized void settle(List<Key> keys, Reservation reservation, Instant finished) {
        for (Key key : keys) {
            Window window = windows.get(key.name());
            if (window != null) {
                window.settle(reservation.slot(), finished);
            }
        }
    }

    /** How long a send on these keys would wait now, without reserving. */
    public synchronized Duration wouldWait(List<Key> keys) {
        Instant now = clock.instant();
        return Duration.between(now, earliestSlot(keys, now));
    }

    /** The first instant from {@code now} that no key's pause or window forbids; reserves nothing. */
    private Instant earliestSlot(List<Key> keys, Instant now) {
        Instant slot = now;
        for (Key key : keys) {
            Instant paused = pausedUntil.get(key.name());
            if (paused != null && paused.isAfter(slot)) {
                slot = paused;
            }
            if (key.limit() != null) {
                slot = window(key).earliest(slot);
            }
        }
        return slot;
    }

    /** Nothing is sent on {@code key} before {@code until} (a 429's retry_after or reset). */
    public synchronized void pause(String key, Instant until) {
        pausedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    public synchronized Instant pausedUntil(String key) {
        return pausedUntil.getOrDefault(key, Instant.MIN);
    }

    private Window window(Key key) {
        Window window = windows.get(key.name());
        if (window == null || !window.limit.equals(key.limit())) {
            window = new Window(key.limit());
            windows.put(key.name(), window);
        }
        return window;
    }
}
