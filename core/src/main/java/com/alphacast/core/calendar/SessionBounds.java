package com.alphacast.core.calendar;

/**
 * A session's open and close as epoch milliseconds, for hot paths that ask on every bar and must not allocate
 * ({@link MarketCalendar#sessionBoundsAt}); {@link MarketSession} is the same session as a value to keep or show.
 *
 * @param epochDay     the trading day the session counts towards ({@link java.time.LocalDate#toEpochDay()})
 * @param opensMillis  when trading opens
 * @param closesMillis when trading closes (early on an early-close day); equal to {@code opensMillis} on a day
 *                     without a session, so nothing is inside it
 */
public record SessionBounds(long epochDay, long opensMillis, long closesMillis) {

    /** No session: what a lookup returns in the CME daily break, at night for cash equities, on holidays. */
    public static final SessionBounds NONE = new SessionBounds(Long.MIN_VALUE, 0, 0);

    public SessionBounds {
        if (closesMillis < opensMillis) {
            throw new IllegalArgumentException("session of epoch day " + epochDay + " closes at " + closesMillis
                    + " ms, before it opens at " + opensMillis + " ms");
        }
    }

    /** Whether there is a session (a day without one has no time inside it). */
    public boolean exists() {
        return opensMillis < closesMillis;
    }

    /** Whether {@code epochMillis} is within [opens, closes). */
    public boolean contains(long epochMillis) {
        return opensMillis <= epochMillis && epochMillis < closesMillis;
    }
}
