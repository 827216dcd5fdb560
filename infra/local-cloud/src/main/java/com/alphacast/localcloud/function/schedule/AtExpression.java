package com.alphacast.localcloud.function.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code at(2026-03-09T08:00:00)}: once, at that local time of the schedule's zone. */
public record AtExpression(String text, Instant at) implements ScheduleExpression {

    static AtExpression parse(String text, ZoneId zone) {
        String inside = text.substring("at(".length(), text.length() - 1);
        try {
            return new AtExpression(text, LocalDateTime.parse(inside).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not at(yyyy-mm-ddThh:mm:ss)");
        }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        return at.isAfter(after) ? Optional.of(at) : Optional.empty();
    }
}
