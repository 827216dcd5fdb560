package com.alphacast.core.briefing.events;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.text.TerminalText;
import java.io.Reader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an events file in the layout of the shipped FOMC and US macro calendars: optional {@code #} comment lines,
 * then the header {@code datetime,name,tier,tz}, then one row per event, {@code yyyy-MM-dd HH:mm,NAME,big|normal,ET}.
 * Strict: comments only before the header, a date that does not exist, an unknown tier or zone, an empty or odd
 * name, a wrong number of fields or rows out of time order are errors naming the file, line and column.
 */
public final class EconomicCalendarReader {

    static final String HEADER = "datetime,name,tier,tz";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./&-]{0,63}");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public List<EconomicEvent> read(String source, Reader text) {
        InputLines lines = new InputLines(text, source);
        String line;
        boolean header = false;
        List<EconomicEvent> events = new ArrayList<>();
        while ((line = lines.next()) != null) {
            long at = lines.lineNumber();
            if (!header) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (!line.equals(HEADER)) {
                    throw new InputFormatException(source, at, 1, "expected the header '" + HEADER + "', found '"
                            + TerminalText.excerpt(line, 80) + "'");
                }
                header = true;
                continue;
            }
            if (line.startsWith("#")) {
                throw new InputFormatException(source, at, 1, "comment lines are allowed only before the header");
            }
            EconomicEvent event = row(source, at, line);
            if (!events.isEmpty() && event.time().isBefore(events.get(events.size() - 1).time())) {
                throw new InputFormatException(source, at, 1, "event at " + event.time()
                        + " is earlier than the row before it (rows must be in time order)");
            }
            events.add(event);
        }
        if (!header) {
            throw new InputFormatException(source, Math.max(1, lines.lineNumber()), 1,
                    "no header '" + HEADER + "' found");
        }
        return List.copyOf(events);
    }

    private static EconomicEvent row(String source, long line, String text) {
        String[] fields = text.split(",", -1);
        if (fields.length != 4) {
            throw new InputFormatException(source, line, 1, "expected 4 fields (" + HEADER + "), found "
                    + fields.length);
        }
        int column = 1;
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(fields[0], DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InputFormatException(source, line, column, "datetime '" + TerminalText.excerpt(fields[0], 40)
                    + "' is not a valid yyyy-MM-dd HH:mm");
        }
        column += fields[0].length() + 1;
        if (!NAME.matcher(fields[1]).matches()) {
            throw new InputFormatException(source, line, column, "name '" + TerminalText.excerpt(fields[1], 40)
                    + "' must be 1-64 letters, digits, spaces or . / & -, starting with a letter or digit");
        }
        column += fields[1].length() + 1;
        if (!fields[2].equals("big") && !fields[2].equals("normal")) {
            throw new InputFormatException(source, line, column, "tier '" + TerminalText.excerpt(fields[2], 40)
                    + "' must be big or normal");
        }
        column += fields[2].length() + 1;
        if (!fields[3].equals("ET")) {
            throw new InputFormatException(source, line, column, "tz '" + TerminalText.excerpt(fields[3], 40)
                    + "' must be ET (US Eastern)");
        }
        return new EconomicEvent(time, NEW_YORK, fields[1], fields[2]);
    }
}
