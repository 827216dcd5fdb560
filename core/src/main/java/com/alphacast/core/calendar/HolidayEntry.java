package com.alphacast.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One date of an exchange's holiday snapshot: a full closure, or an early close when the entry names the time the
 * market closes (or pauses) that day.
 *
 * @param date       the calendar date
 * @param name       the entry's name as published (e.g. "Day after Thanksgiving Day (markets close at 1:00pm)")
 * @param earlyClose the local time, in the exchange's zone, the market closes that day; empty for a full closure
 */
public record HolidayEntry(LocalDate date, String name, Optional<LocalTime> earlyClose) {

    public HolidayEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(earlyClose, "earlyClose");
    }

    public boolean isClosure() {
        return earlyClose.isEmpty();
    }
}
