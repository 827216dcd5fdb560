package com.alphacast.localcloud.function.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * EventBridge's six-field cron: {@code cron(minutes hours day-of-month month day-of-week year)}, evaluated on the
 * wall clock of the schedule's zone, so {@code cron(0 8 ? * MON-FRI *)} in America/New_York is 08:00 in New York
 * in winter and in summer. Fields take {@code *}, lists, ranges and {@code /} steps; day-of-month also {@code ?},
 * {@code L}, {@code LW} and {@code 15W}; day-of-week (1 = SUN … 7 = SAT, or SUN-SAT) also {@code ?}, {@code L},
 * {@code 6L} (last Friday) and {@code 3#2} (second Tuesday). One of day-of-month and day-of-week must be {@code ?}.
 * A local time that a daylight-saving jump skips fires at the same offset after the jump; one that happens twice
 * fires once, at the first.
 */
public final class CronExpression implements ScheduleExpression {

    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2199;
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final Predicate<LocalDate> day;

    private CronExpression(String text, ZoneId zone, BitSet minutes, BitSet hours, BitSet months, BitSet years,
                           Predicate<LocalDate> day) {
        this.text = text;
        this.zone = zone;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.day = day;
    }

    @Override
    public String text() {
        return text;
    }

    /** @throws IllegalArgumentException naming the field and what is wrong with it */
    static CronExpression parse(String text, ZoneId zone) {
        String inside = text.substring("cron(".length(), text.length() - 1).strip();
        String[] fields = inside.split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException("'" + text + "' has " + fields.length + " fields; EventBridge cron has 6"
                    + " (minutes hours day-of-month month day-of-week year)");
        }
        String dayOfMonth = fields[2];
        String dayOfWeek = fields[4];
        if (dayOfMonth.equals("?") == dayOfWeek.equals("?")) {
            throw new IllegalArgumentException("'" + text + "': exactly one of day-of-month ('" + dayOfMonth
                    + "') and day-of-week ('" + dayOfWeek + "') must be '?'");
        }
        try {
            BitSet minutes = values("minutes", fields[0], 0, 59, List.of());
            BitSet hours = values("hours", fields[1], 0, 23, List.of());
            BitSet months = values("month", fields[3], 1, 12, MONTHS);
            BitSet years = values("year", fields[5], FIRST_YEAR, LAST_YEAR, List.of());
            Predicate<LocalDate> day = dayOfMonth.equals("?") ? dayOfWeek(dayOfWeek) : dayOfMonth(dayOfMonth);
            return new CronExpression(text, zone, minutes, hours, months, years, day);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        while (true) {
            Optional<LocalDateTime> candidate = nextLocal(local);
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            Instant instant = candidate.get().atZone(zone).toInstant();
            if (instant.isAfter(after)) {
                return Optional.of(instant);
            }
            // The second pass through a repeated hour: that local time already fired in the first.
            local = candidate.get();
        }
    }

    /** The first matching local minute strictly after {@code after}. */
    private Optional<LocalDateTime> nextLocal(LocalDateTime after) {
        LocalDateTime from = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = from.toLocalDate();
        LocalTime earliest = from.toLocalTime();
        while (date.getYear() <= LAST_YEAR) {
            if (!years.get(date.getYear())) {
                date = LocalDate.of(date.getYear() + 1, 1, 1);
                earliest = LocalTime.MIDNIGHT;
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                date = date.with(TemporalAdjusters.firstDayOfNextMonth());
                earliest = LocalTime.MIDNIGHT;
                continue;
            }
            if (day.test(date)) {
                for (int hour = hours.nextSetBit(earliest.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                    int fromMinute = hour == earliest.getHour() ? earliest.getMinute() : 0;
                    int minute = minutes.nextSetBit(fromMinute);
                    if (minute >= 0) {
                        return Optional.of(date.atTime(hour, minute));
                    }
                }
            }
            date = date.plusDays(1);
            earliest = LocalTime.MIDNIGHT;
        }
        return Optional.empty();
    }

    /** A numeric field: {@code *}, {@code 5}, {@code 1-5}, {@code 0/15}, {@code 8-17/2}, lists of these. */
    private static BitSet values(String field, String text, int min, int max, List<String> names) {
        BitSet set = new BitSet();
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(field, part.substring(slash + 1), 1, max, List.of());
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", -1);
                if (bounds.length != 2) {
                    throw new IllegalArgumentException(field + " '" + part + "' is not a range");
                }
                from = number(field, bounds[0], min, max, names);
                to = number(field, bounds[1], min, max, names);
                if (from > to) {
                    throw new IllegalArgumentException(field + " range '" + part + "' runs backwards");
                }
            } else {
                from = number(field, range, min, max, names);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private static int number(String field, String text, int min, int max, List<String> names) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + min;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a number"
                    + (names.isEmpty() ? "" : " or one of " + names));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    private static Predicate<LocalDate> dayOfMonth(String text) {
        if (text.equals("L")) {
            return date -> date.getDayOfMonth() == date.lengthOfMonth();
        }
        if (text.equals("LW")) {
            return date -> date.equals(weekdayNearest(date.with(TemporalAdjusters.lastDayOfMonth())));
        }
        if (text.endsWith("W")) {
            int target = number("day-of-month", text.substring(0, text.length() - 1), 1, 31, List.of());
            return date -> target <= date.lengthOfMonth() && date.equals(weekdayNearest(date.withDayOfMonth(target)));
        }
        if (text.contains("L") || text.contains("#")) {
            throw new IllegalArgumentException("day-of-month '" + text + "' is not *, a list, range or step, L, LW or <n>W");
        }
        BitSet days = values("day-of-month", text, 1, 31, List.of());
        return date -> days.get(date.getDayOfMonth());
    }

    /** The weekday nearest to {@code date} within its month (Saturday → Friday, Sunday → Monday, not across months). */
    private static LocalDate weekdayNearest(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return date.getDayOfMonth() == 1 ? date.plusDays(2) : date.minusDays(1);
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return date.getDayOfMonth() == date.lengthOfMonth() ? date.minusDays(2) : date.plusDays(1);
        }
        return date;
    }

    private static Predicate<LocalDate> dayOfWeek(String text) {
        if (text.equals("L")) {
            return date -> cronDay(date) == 7;
        }
        if (text.endsWith("L")) {
            int target = number("day-of-week", text.substring(0, text.length() - 1), 1, 7, DAYS);
            return date -> cronDay(date) == target && date.plusWeeks(1).getMonthValue() != date.getMonthValue();
        }
        if (text.contains("#")) {
            String[] parts = text.split("#", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("day-of-week '" + text + "' is not <day>#<n>");
            }
            int target = number("day-of-week", parts[0], 1, 7, DAYS);
            int nth = number("day-of-week", parts[1], 1, 5, List.of());
            return date -> cronDay(date) == target && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        BitSet days = values("day-of-week", text, 1, 7, DAYS);
        return date -> days.get(cronDay(date));
    }

    /** EventBridge numbers days 1 = Sunday … 7 = Saturday. */
    private static int cronDay(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }
}
