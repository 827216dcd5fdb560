package com.alphacast.bots.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code permits} sends in any window of length {@code window} (a sliding window, which is how
 * the platforms count: Telegram's 30 per second, Discord's 5 per 2 seconds per webhook).
 */
public record RateLimit(int permits, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be positive, was " + permits);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }

    public static RateLimit perSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }

    public static RateLimit perMinute(int permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }

    /** The same permits over a window stretched by {@code margin}, to absorb network jitter between us and the platform. */
    public RateLimit withMargin(Duration margin) {
        return new RateLimit(permits, window.plus(margin));
    }

    /** Parses {@code 30/1s}, {@code 20/60s}, {@code 5/2s}, {@code 100/24h}. */
    public static RateLimit parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("rate limit must look like 30/1s, was '" + text + "'");
        }
        try {
            int permits = Integer.parseInt(parts[0].strip());
            String span = parts[1].strip().toLowerCase();
            long amount = Long.parseLong(span.substring(0, span.length() - (span.endsWith("ms") ? 2 : 1)));
            Duration window = span.endsWith("ms") ? Duration.ofMillis(amount)
                    : span.endsWith("s") ? Duration.ofSeconds(amount)
                    : span.endsWith("m") ? Duration.ofMinutes(amount)
                    : span.endsWith("h") ? Duration.ofHours(amount) : null;
            if (window == null) {
                throw new IllegalArgumentException("unknown unit in '" + text + "' (use ms, s, m or h)");
            }
            return new RateLimit(permits, window);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("rate limit must look like 30/1s, was '" + text + "'", e);
        }
    }
}
