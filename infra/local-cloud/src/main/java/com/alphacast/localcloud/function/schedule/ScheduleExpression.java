package com.alphacast.localcloud.function.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An EventBridge Scheduler expression: {@code cron(...)}, {@code rate(...)} or {@code at(...)}, evaluated in the
 * schedule's time zone.
 */
public sealed interface ScheduleExpression permits CronExpression, RateExpression, AtExpression {

    /** The first occurrence strictly after {@code after}, or empty when there is none (a one-time schedule that passed). */
    Optional<Instant> nextAfter(Instant after);

    /** The expression as the template wrote it. */
    String text();

    /**
     * @param start when the schedule starts counting (a rate schedule's first period ends one period after it)
     * @throws IllegalArgumentException saying what is wrong with the expression
     */
    static ScheduleExpression parse(String text, ZoneId zone, Instant start) {
        String trimmed = text.strip();
        if (trimmed.startsWith("cron(") && trimmed.endsWith(")")) {
            return CronExpression.parse(trimmed, zone);
        }
        if (trimmed.startsWith("rate(") && trimmed.endsWith(")")) {
            return RateExpression.parse(trimmed, start);
        }
        if (trimmed.startsWith("at(") && trimmed.endsWith(")")) {
            return AtExpression.parse(trimmed, zone);
        }
        throw new IllegalArgumentException("'" + text + "' is not cron(...), rate(...) or at(...)");
    }
}
