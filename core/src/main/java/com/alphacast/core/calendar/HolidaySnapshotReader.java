package com.alphacast.core.calendar;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.text.TerminalText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a vacanza/holidays financial snapshot ({@code snapshots/financial/X*.json}): one JSON object mapping
 * {@code yyyy-MM-dd} to the entry's name. An entry is an early close when one part of its name (parts are joined by
 * {@code "; "}) ends in {@code (markets close at H:MMam|pm)} (the exchange's own zone) or
 * {@code (markets pause at H:MMam|pm CT)} (Chicago time); every other entry is a full closure. Parsing is strict:
 * a date that is not a real {@code yyyy-MM-dd} day, a repeated date, a value that is not a string, or a name whose
 * parentheses say anything else is an error naming the file and the entry, because a misread calendar would
 * publish a briefing on a closed day.
 */
public final class HolidaySnapshotReader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PLAIN = Pattern.compile("[^()]*[^() ][^()]*");
    private static final Pattern OBSERVED = Pattern.compile("([^()]+) \\(observed\\)");
    private static final Pattern TIMED = Pattern.compile(
            "([^()]+) \\(markets (close|pause) at (\\d{1,2}):(\\d{2})(am|pm)(?: (CT|ET))?\\)");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final JsonFactory json = new JsonFactory();

    /**
     * @param source   the file name, for error messages
     * @param zone     the exchange's zone, in which early-close times without a zone suffix are read and every
     *                 early close is returned
     * @param snapshot the snapshot's text
     * @return the entries in date order
     */
    public List<HolidayEntry> read(String source, ZoneId zone, Reader snapshot) {
        List<HolidayEntry> entries = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        try (JsonParser p = json.createParser(snapshot)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(source, p, "expected a JSON object mapping yyyy-MM-dd to a name");
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                LocalDate date = date(source, p, key);
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw error(source, p, "entry \"" + key + "\": the name must be a string");
                }
                if (!seen.add(date)) {
                    throw error(source, p, "entry \"" + key + "\" appears twice");
                }
                entries.add(entry(source, p, date, p.getText(), zone));
            }
            if (token != JsonToken.END_OBJECT) {
                throw error(source, p, "expected an entry or the end of the object");
            }
            if (p.nextToken() != null) {
                throw error(source, p, "content after the end of the object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputFormatException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (entries.isEmpty()) {
            throw new InputFormatException(source, 1, 1, "the snapshot has no entries");
        }
        entries.sort(Comparator.comparing(HolidayEntry::date));
        return List.copyOf(entries);
    }

    private static LocalDate date(String source, JsonParser p, String key) {
        try {
            return LocalDate.parse(key, DATE);
        } catch (DateTimeParseException e) {
            throw error(source, p, "entry \"" + TerminalText.excerpt(key, 40) + "\": not a valid yyyy-MM-dd date");
        }
    }

    private static HolidayEntry entry(String source, JsonParser p, LocalDate date, String name, ZoneId zone) {
        Optional<LocalTime> close = Optional.empty();
        for (String part : name.split("; ", -1)) {
            Matcher timed = TIMED.matcher(part);
            if (timed.matches()) {
                if (close.isPresent()) {
                    throw error(source, p, "entry \"" + date + "\": name \"" + TerminalText.excerpt(name, 120)
                            + "\" gives two closing times");
                }
                close = Optional.of(closeTime(source, p, date, name, timed, zone));
            } else if (!PLAIN.matcher(part).matches() && !OBSERVED.matcher(part).matches()) {
                throw error(source, p, "entry \"" + date + "\": name \"" + TerminalText.excerpt(name, 120)
                        + "\" has an unknown format (expected 'Name', 'Name (observed)', 'Name (markets close at"
                        + " H:MMam)' or 'Name (markets pause at H:MMpm CT)', parts joined by '; ')");
            }
        }
        return new HolidayEntry(date, name, close);
    }

    private static LocalTime closeTime(String source, JsonParser p, LocalDate date, String name, Matcher m,
                                       ZoneId zone) {
        int hour = Integer.parseInt(m.group(3));
        int minute = Integer.parseInt(m.group(4));
        if (hour < 1 || hour > 12 || minute > 59) {
            throw error(source, p, "entry \"" + date + "\": name \"" + TerminalText.excerpt(name, 120)
                    + "\" has an impossible time " + hour + ":" + m.group(4) + m.group(5));
        }
        int hour24 = hour % 12 + ("pm".equals(m.group(5)) ? 12 : 0);
        ZoneId stated = m.group(6) == null ? zone : "CT".equals(m.group(6)) ? CHICAGO : NEW_YORK;
        return ZonedDateTime.of(date, LocalTime.of(hour24, minute), stated).withZoneSameInstant(zone).toLocalTime();
    }

    private static InputFormatException error(String source, JsonParser p, String problem) {
        JsonLocation at = p.currentLocation();
        return new InputFormatException(source, at.getLineNr(), at.getColumnNr(), problem);
    }
}
