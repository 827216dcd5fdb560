package com.alphacast.core.briefing.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Scheduled events and the last day the calendar lists them for. A day after {@code coveredThrough} has events
 * nobody wrote down yet, not none: a briefing must say so rather than report zero events on a CPI morning.
 *
 * @param events         every event listed, any order
 * @param coveredThrough the last day every source of the calendar covers
 */
public record EventCalendar(List<EconomicEvent> events, LocalDate coveredThrough) {

    public EventCalendar {
        events = List.copyOf(events);
        Objects.requireNonNull(coveredThrough, "coveredThrough");
    }

    /** Whether the calendar lists the events of {@code day}. */
    public boolean covers(LocalDate day) {
        return !day.isAfter(coveredThrough);
    }
}
