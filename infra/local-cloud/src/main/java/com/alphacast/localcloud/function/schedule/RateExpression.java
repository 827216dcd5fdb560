package com.alphacast.localcloud.function.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code rate(5 minutes)}: every period, counted from the schedule's start (its StartDate, else when it was created). */
public record RateExpression(String text, Duration period, Instant start) implements ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d{1,9}) (minute|minutes|hour|hours|day|days)\\)");

    static RateExpression parse(String text, Instant start) {
        Matcher matcher = RATE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not rate(<value> <minute(s)|hour(s)|day(s)>)");
        }
        long value = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        if (value < 1) {
            throw new IllegalArgumentException("'" + text + "': the value must be a positive whole number");
        }
        // EventBridge insists on the singular for 1 and the plural otherwise.
        if ((value == 1) != !unit.endsWith("s")) {
            throw new IllegalArgumentException("'" + text + "': write " + (value == 1 ? "1 " + unit.replaceAll("s$", "")
                    : value + " " + (unit.endsWith("s") ? unit : unit + "s")));
        }
        Duration period = switch (unit.replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(value);
            case "hour" -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        };
        return new RateExpression(text, period, start);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        if (after.isBefore(start)) {
            return Optional.of(start.plus(period));
        }
        long periods = Duration.between(start, after).toMillis() / period.toMillis() + 1;
        return Optional.of(start.plus(period.multipliedBy(periods)));
    }
}
