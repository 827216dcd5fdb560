package com.alphacast.aws.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asked us to wait: OpenAI's {@code retry-after-ms} (milliseconds, the precise
 * one) first, else {@code Retry-After} in seconds or as an HTTP date (RFC 9110). Anything unreadable or
 * negative counts as not said, so our own backoff applies.
 */
final class RetryAfterHeader {

    private RetryAfterHeader() {
    }

    static Optional<Duration> parse(Optional<String> milliseconds, Optional<String> retryAfter, Clock clock) {
        Optional<Duration> precise = milliseconds.flatMap(RetryAfterHeader::number)
                .map(ms -> Duration.ofMillis(ms.longValue()));
        if (precise.isPresent()) {
            return precise;
        }
        if (retryAfter.isEmpty()) {
            return Optional.empty();
        }
        String value = retryAfter.get().trim();
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofMillis((long) (seconds.get() * 1000)));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            return parsed >= 0 && Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
