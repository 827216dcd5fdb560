package com.alphacast.core.calendar;

import java.time.ZoneId;

/**
 * The exchanges the project trades, by ISO 10383 market identifier code. The zone is the exchange's own: New York
 * for NYSE and Nasdaq, Chicago for CME (both zones change to and from daylight saving time on the same dates, so
 * "18:00 ET" and "17:00 CT" are always the same instant).
 */
public enum Exchange {
    XNYS("America/New_York"),
    XNAS("America/New_York"),
    XCME("America/Chicago");

    private final ZoneId zone;

    Exchange(String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Name of the holiday snapshot shipped for this exchange (a core resource beside this class). */
    public String snapshotResource() {
        return name() + ".json";
    }
}
