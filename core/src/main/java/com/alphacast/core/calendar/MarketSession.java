package com.alphacast.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One trading session of an exchange.
 *
 * @param exchange         the exchange
 * @param date             the trading day the session counts towards
 * @param opens            when trading opens (for CME Globex: 17:00 CT / 18:00 ET the evening before {@code date})
 * @param closes           when trading closes, early on an early-close day
 * @param regularClose     when trading would close on a regular day
 * @param earlyCloseReason the holiday entry that shortens the day; empty on a regular day
 */
public record MarketSession(Exchange exchange, LocalDate date, Instant opens, Instant closes, Instant regularClose,
                            Optional<String> earlyCloseReason) {

    public MarketSession {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(regularClose, "regularClose");
        Objects.requireNonNull(earlyCloseReason, "earlyCloseReason");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("session " + exchange + " " + date + " opens at " + opens
                    + ", not before its close " + closes);
        }
    }

    public boolean isEarlyClose() {
        return earlyCloseReason.isPresent();
    }

    /** Whether {@code time} is within [opens, closes). */
    public boolean contains(Instant time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    public ZonedDateTime opensIn(ZoneId zone) {
        return opens.atZone(zone);
    }

    public ZonedDateTime closesIn(ZoneId zone) {
        return closes.atZone(zone);
    }
}
