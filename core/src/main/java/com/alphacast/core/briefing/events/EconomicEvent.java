package com.alphacast.core.briefing.events;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A scheduled economic release or decision (FOMC, CPI, NFP, ...).
 *
 * @param time   when it is published, local time in {@code zone}
 * @param zone   the zone of {@code time} (New York for the shipped calendars)
 * @param name   short name as in the calendar, e.g. "CPI"
 * @param tier   the calendar's importance, "big" or "normal"
 */
public record EconomicEvent(LocalDateTime time, ZoneId zone, String name, String tier) {

    public EconomicEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
    }

    public ZonedDateTime at() {
        return time.atZone(zone);
    }
}
