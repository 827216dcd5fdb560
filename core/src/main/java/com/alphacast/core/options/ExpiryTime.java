package com.alphacast.core.options;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Time to expiry in trading-day years, per docs/analytics-conventions.md ("Options: time to expiry"):
 * {@code T = weekdays(as-of → expiry) / 262}, floored at {@code 1/262}. Weekdays are counted from the as-of date
 * (inclusive) to the expiry (exclusive), Monday to Friday; holidays are not removed (the convention counts weekdays).
 */
public final class ExpiryTime {

    /** Weekdays per year in the convention. */
    public static final double WEEKDAYS_PER_YEAR = 262.0;

    private ExpiryTime() {
    }

    /** Weekdays in [from, to); 0 if {@code to} is not after {@code from}. */
    public static long weekdaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(from, to);
        long weeks = days / 7;
        long count = weeks * 5;
        LocalDate d = from.plusDays(weeks * 7);
        while (d.isBefore(to)) {
            DayOfWeek w = d.getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                count++;
            }
            d = d.plusDays(1);
        }
        return count;
    }

    /** {@code max(weekdays(asOf → expiry), 1) / daysPerYear}. */
    public static double years(LocalDate asOf, LocalDate expiry, double daysPerYear) {
        return Math.max(weekdaysBetween(asOf, expiry), 1) / daysPerYear;
    }

    public static double years(LocalDate asOf, LocalDate expiry) {
        return years(asOf, expiry, WEEKDAYS_PER_YEAR);
    }
}
