package com.alphacast.bots.command.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Realized results of one trading day.
 *
 * @param date     the trading day (exchange time zone)
 * @param realized realized P&amp;L in account currency
 * @param trades   trades closed that day
 * @param wins     of which winners
 */
public record DailyPnl(LocalDate date, double realized, int trades, int wins) {

    public DailyPnl {
        Objects.requireNonNull(date, "date");
        if (trades < 0 || wins < 0 || wins > trades) {
            throw new IllegalArgumentException("need 0 <= wins <= trades, were " + wins + " and " + trades);
        }
    }
}
