package com.alphacast.core.feed.lean;

import com.alphacast.core.feed.CsvLine;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.text.TerminalText;

import java.io.Reader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the header-less CSVs of Lean's US-equity zips (the caller opens the zip entry; {@link LeanFile} says which
 * layout it is). Lean writes equity times as milliseconds since midnight of the file's date in the exchange's zone
 * (New York) and prices × 10,000:
 * <ul>
 *   <li>tick trades: {@code ms, price, size, exchange, sale condition (hex bitmask), suspicious (0/1)};</li>
 *   <li>trade bars: {@code ms, open, high, low, close, volume};</li>
 *   <li>quote bars: {@code ms, bid open, high, low, close, last bid size, ask open, high, low, close, last ask size}
 *       (a side without quotes in the period is left empty).</li>
 * </ul>
 * The time is a wall-clock time of that date (Lean adds the milliseconds to the local midnight), converted with
 * the zone's rules of that date, so daylight saving is applied per session. Rows must be in time order, at most
 * one day long. A malformed line goes to {@code badLines} (which may rethrow to stop, or count and continue, as a
 * replay does), named by source, line and column.
 */
public final class LeanEquityReader {

    static final double SCALE = 10_000;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final double MAX_SCALED_PRICE = 1e13;
    private static final double MAX_SIZE = 1e12;

    private final ZoneId zone;

    public LeanEquityReader(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** New York, the zone of Lean's US equity data. */
    public static LeanEquityReader newYork() {
        return new LeanEquityReader(ZoneId.of("America/New_York"));
    }

    public void forEachTick(Reader reader, String source, LocalDate date, Consumer<LeanTick> ticks,
                            Consumer<InputFormatException> badLines) {
        forEachLine(reader, source, date, 5, (line, millis) -> {
            double price = price(line, 1, "price");
            long size = size(line, 2, "size");
            String exchange = line.require(3, "exchange");
            long conditions = line.size() > 4 ? conditions(line, 4) : 0;
            boolean suspicious = line.size() > 5 && suspicious(line, 5);
            ticks.accept(new LeanTick(millis, price, size, exchange, conditions, suspicious, line.lineNumber()));
        }, badLines);
    }

    public void forEachTradeBar(Reader reader, String source, LocalDate date, Consumer<LeanTradeBar> bars,
                                Consumer<InputFormatException> badLines) {
        forEachLine(reader, source, date, 6, (line, millis) -> {
            double open = price(line, 1, "open");
            double high = price(line, 2, "high");
            double low = price(line, 3, "low");
            double close = price(line, 4, "close");
            if (high < Math.max(open, close) || low > Math.min(open, close)) {
                throw line.error(2, "high/low do not contain open and close (o " + open + " h " + high + " l " + low
                        + " c " + close + ")");
            }
            long volume = line.wholeNumber(5, "volume");
            if (volume < 0 || volume > MAX_SIZE) {
                throw line.error(5, "volume must be within 0.." + (long) MAX_SIZE + ", was " + volume);
            }
            bars.accept(new LeanTradeBar(millis, open, high, low, close, volume, line.lineNumber()));
        }, badLines);
    }

    public void forEachQuoteBar(Reader reader, String source, LocalDate date, Consumer<LeanQuoteBar> bars,
                                Consumer<InputFormatException> badLines) {
        forEachLine(reader, source, date, 11, (line, millis) -> {
            double bid = optionalPrice(line, 4, "bid close");
            double bidSize = line.optionalNumber(5, "bid size", 0, MAX_SIZE);
            double ask = optionalPrice(line, 9, "ask close");
            double askSize = line.optionalNumber(10, "ask size", 0, MAX_SIZE);
            bars.accept(new LeanQuoteBar(millis, bid, bidSize, ask, askSize, line.lineNumber()));
        }, badLines);
    }

    private interface Row {
        void accept(CsvLine line, long epochMillis);
    }

    private void forEachLine(Reader reader, String source, LocalDate date, int minFields, Row rows,
                             Consumer<InputFormatException> badLines) {
        long midnight = date.atStartOfDay(zone).toInstant().toEpochMilli();
        InputLines in = new InputLines(reader, source);
        String text;
        long lastMs = Long.MIN_VALUE;
        long lastLine = 0;
        while ((text = in.next()) != null) {
            if (text.isBlank()) {
                continue;
            }
            try {
                CsvLine line = CsvLine.parse(source, in.lineNumber(), text);
                if (line.size() < minFields) {
                    throw line.error(line.size(), "expected at least " + minFields + " fields, found " + line.size());
                }
                long ms = line.wholeNumber(0, "time");
                if (ms < 0 || ms >= DAY_MILLIS) {
                    throw line.error(0, "time must be milliseconds since midnight (0..86399999), was " + ms);
                }
                if (ms < lastMs) {
                    throw line.error(0, "time goes backwards: " + ms + " ms is before " + lastMs + " ms on line "
                            + lastLine + " (rows must be in time order)");
                }
                rows.accept(line, epochMillis(date, midnight, ms));
                lastMs = ms;
                lastLine = line.lineNumber();
            } catch (InputFormatException bad) {
                badLines.accept(bad);
            }
        }
    }

    /** The local wall-clock time {@code ms} after the date's midnight, in UTC epoch milliseconds. */
    private long epochMillis(LocalDate date, long midnight, long ms) {
        long naive = midnight + ms;
        // only a day with a DST change has an offset at ms that differs from midnight's
        long offsetAtMidnight = zone.getRules().getOffset(java.time.Instant.ofEpochMilli(midnight)).getTotalSeconds();
        long offsetThen = zone.getRules().getOffset(java.time.Instant.ofEpochMilli(naive)).getTotalSeconds();
        if (offsetAtMidnight == offsetThen) {
            return naive;
        }
        return date.atStartOfDay().plusNanos(ms * 1_000_000L).atZone(zone).toInstant().toEpochMilli();
    }

    private static double price(CsvLine line, int index, String name) {
        double scaled = line.number(index, name);
        if (!(scaled > 0) || scaled > MAX_SCALED_PRICE) {
            throw line.error(index, name + " must be a positive price x 10000, was "
                    + TerminalText.excerpt(line.field(index).trim()));
        }
        return scaled / SCALE;
    }

    private static double optionalPrice(CsvLine line, int index, String name) {
        if (line.field(index).isBlank()) {
            return Double.NaN;
        }
        double scaled = line.number(index, name, 0, MAX_SCALED_PRICE);
        return scaled > 0 ? scaled / SCALE : Double.NaN;
    }

    private static long size(CsvLine line, int index, String name) {
        long size = line.wholeNumber(index, name);
        if (size <= 0 || size > MAX_SIZE) {
            throw line.error(index, name + " must be positive and at most " + (long) MAX_SIZE + ", was " + size);
        }
        return size;
    }

    private static long conditions(CsvLine line, int index) {
        String text = line.field(index).trim();
        if (text.isEmpty()) {
            return 0;
        }
        if (text.length() > 16 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw line.error(index, "sale condition must be a hexadecimal bitmask, was '" + TerminalText.excerpt(text) + "'");
        }
        return Long.parseUnsignedLong(text, 16);
    }

    private static boolean suspicious(CsvLine line, int index) {
        String text = line.field(index).trim();
        return switch (text) {
            case "0", "", "false", "False" -> false;
            case "1", "true", "True" -> true;
            default -> throw line.error(index, "suspicious flag must be 0 or 1, was '" + TerminalText.excerpt(text) + "'");
        };
    }
}
