package com.alphacast.core.feed.cboe;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the as-of date text of a CBOE export's second line. Real exports vary
 * (docs/analytics-conventions.md, "CBOE quotedata.csv layout"):
 * {@code September 25, 2025 at 9:05 PM EDT}, {@code 12 June 2023, 4:35 PM EDT}, {@code February 5 2022, 8:26 PM EST}.
 * The text is read as tokens (month name in full or abbreviated, day, four-digit year, h:mm, AM/PM, zone
 * abbreviation) in whatever order they come; a missing time means midnight and a missing zone means New York time,
 * the zone CBOE's delayed-quotes pages print.
 */
final class CboeDateLine {

    private static final Map<String, ZoneId> ZONES = Map.of(
            "EDT", ZoneId.of("America/New_York"), "EST", ZoneId.of("America/New_York"),
            "ET", ZoneId.of("America/New_York"), "CDT", ZoneId.of("America/Chicago"),
            "CST", ZoneId.of("America/Chicago"), "CT", ZoneId.of("America/Chicago"),
            "UTC", ZoneId.of("UTC"), "GMT", ZoneId.of("UTC"));
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};

    private CboeDateLine() {
    }

    /** @return the timestamp, or empty with no way to tell what is wrong (the caller names the line and column) */
    static Optional<ZonedDateTime> parse(String text) {
        String s = text.strip();
        if (s.regionMatches(true, 0, "Date:", 0, 5)) {
            s = s.substring(5);
        }
        int month = -1;
        int day = -1;
        int year = -1;
        int hour = -1;
        int minute = 0;
        String ampm = null;
        ZoneId zone = null;
        for (String raw : s.split("[\\s,]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String token = raw.toLowerCase(Locale.ROOT);
            if (token.equals("at")) {
                continue;
            }
            if (token.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                String[] hm = token.split(":");
                hour = Integer.parseInt(hm[0]);
                minute = Integer.parseInt(hm[1]);
            } else if (token.matches("\\d{4}")) {
                year = Integer.parseInt(token);
            } else if (token.matches("\\d{1,2}(st|nd|rd|th)?")) {
                day = Integer.parseInt(token.replaceAll("\\D", ""));
            } else if (token.equals("am") || token.equals("pm") || token.equals("a.m.") || token.equals("p.m.")) {
                ampm = token.substring(0, 1);
            } else if (ZONES.containsKey(raw.toUpperCase(Locale.ROOT))) {
                zone = ZONES.get(raw.toUpperCase(Locale.ROOT));
            } else {
                int m = month(token);
                if (m < 0) {
                    return Optional.empty();
                }
                month = m;
            }
        }
        if (month < 0 || day < 0 || year < 0) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            LocalTime time = LocalTime.MIDNIGHT;
            if (hour >= 0) {
                int h = hour;
                if (ampm != null) {
                    if (hour < 1 || hour > 12) {
                        return Optional.empty();
                    }
                    h = hour % 12 + (ampm.equals("p") ? 12 : 0);
                }
                time = LocalTime.of(h, minute);
            }
            return Optional.of(ZonedDateTime.of(date, time, zone != null ? zone : ZoneId.of("America/New_York")));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int month(String token) {
        String t = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
        if (t.length() < 3) {
            return -1;
        }
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(t)) {
                return i + 1;
            }
        }
        return -1;
    }
}
