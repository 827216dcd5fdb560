package com.alphacast.bots.discord;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The freshness rule for a signed Discord request: its {@code X-Signature-Timestamp} (epoch seconds) must be within
 * {@code maxAge} of now, either way, or a captured request could be replayed later. One rule for the interactions
 * endpoint and for {@code ./alphacast bots verify-discord}, so the CLI never calls valid what the endpoint refuses.
 */
public record DiscordTimestampWindow(Duration maxAge) {

    /** The window the endpoint is deployed with. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    public DiscordTimestampWindow {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
    }

    public static DiscordTimestampWindow standard() {
        return new DiscordTimestampWindow(DEFAULT_MAX_AGE);
    }

    /** @return why the request must be refused, or empty when {@code timestamp} is fresh at {@code now} */
    public Optional<String> refusal(String timestamp, Instant now) {
        try {
            long signedAt = Long.parseLong(timestamp.strip());
            if (Duration.between(Instant.ofEpochSecond(signedAt), now).abs().compareTo(maxAge) > 0) {
                return Optional.of("stale request timestamp " + shortened(timestamp) + " (more than "
                        + maxAge.toSeconds() + " s from now)");
            }
            return Optional.empty();
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            return Optional.of("request timestamp is not epoch seconds within range: " + shortened(timestamp));
        }
    }

    private static String shortened(String text) {
        String s = text.strip();
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}
