package com.alphacast.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Maps a market timestamp to the trading day it counts towards. Futures sessions open the evening
 * before (CME Globex: 18:00 New York time), so a trade at 18:05 ET on Sunday belongs to Monday.
 *
 * @param zone           the exchange's time zone
 * @param sessionOpen    local time the session for the next trading day opens; midnight for cash markets
 */
public record TradingSession(ZoneId zone, LocalTime sessionOpen) {

    public static TradingSession cmeGlobex() {
        return new TradingSession(ZoneId.of("America/New_York"), LocalTime.of(18, 0));
    }

    public LocalDate tradingDay(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!sessionOpen.equals(LocalTime.MIDNIGHT) && !local.toLocalTime().isBefore(sessionOpen)) {
            day = day.plusDays(1);
        }
        // Sessions opening on Friday or Saturday evening trade on Monday.
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }
}
