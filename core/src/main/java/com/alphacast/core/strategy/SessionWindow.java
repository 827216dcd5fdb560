package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.SessionBounds;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strategy's trading window inside the exchange session, written {@code open+30m..close-60m}: each end is the
 * session's open or close (the calendar's actual close, so early closes move it) shifted by whole minutes. The
 * calendar gives instants, so the window follows the exchange's time zone and its DST changes.
 */
public record SessionWindow(Anchor fromAnchor, int fromMinutes, Anchor toAnchor, int toMinutes) {

    public enum Anchor { OPEN, CLOSE }

    private static final Pattern END = Pattern.compile("(open|close)([+-]\\d+)m");

    public SessionWindow {
        if (fromAnchor == null || toAnchor == null) {
            throw new IllegalArgumentException("a session window needs both anchors");
        }
    }

    /** Parses {@code open+30m..close-60m}; the error names the text that was wrong. */
    public static SessionWindow parse(String text) {
        String[] ends = text == null ? new String[0] : text.trim().split("\\.\\.");
        if (ends.length != 2) {
            throw new IllegalArgumentException("window '" + text + "' must look like open+30m..close-60m");
        }
        Matcher from = END.matcher(ends[0].trim());
        Matcher to = END.matcher(ends[1].trim());
        if (!from.matches() || !to.matches()) {
            throw new IllegalArgumentException("window '" + text + "' must look like open+30m..close-60m");
        }
        return new SessionWindow(Anchor.valueOf(from.group(1).toUpperCase(java.util.Locale.ROOT)),
                Integer.parseInt(from.group(2)), Anchor.valueOf(to.group(1).toUpperCase(java.util.Locale.ROOT)),
                Integer.parseInt(to.group(2)));
    }

    /** True when {@code time} is in a session of {@code calendar} and inside [from, to) of that session. */
    public boolean contains(MarketCalendar calendar, Instant time) {
        // the session's ends are whole milliseconds, so the time's millisecond floor compares with them as the time does
        return contains(calendar, time.toEpochMilli());
    }

    /**
     * {@link #contains(MarketCalendar, Instant)} for a time in epoch milliseconds, without allocating: strategies ask
     * on every bar close.
     */
    public boolean contains(MarketCalendar calendar, long epochMillis) {
        if (!calendar.coversTime(epochMillis)) {
            return false;
        }
        SessionBounds session = calendar.sessionBoundsAt(epochMillis);
        if (!session.exists()) {
            return false;
        }
        long from = at(session, fromAnchor, fromMinutes);
        long to = at(session, toAnchor, toMinutes);
        return from <= epochMillis && epochMillis < to;
    }

    private static long at(SessionBounds session, Anchor anchor, int minutes) {
        long base = anchor == Anchor.OPEN ? session.opensMillis() : session.closesMillis();
        return base + minutes * 60_000L;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s%+dm..%s%+dm", fromAnchor.name().toLowerCase(java.util.Locale.ROOT),
                fromMinutes, toAnchor.name().toLowerCase(java.util.Locale.ROOT), toMinutes);
    }
}
