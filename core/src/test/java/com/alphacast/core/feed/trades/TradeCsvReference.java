package com.alphacast.core.feed.trades;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.CsvLine;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.market.Quote;
import com.alphacast.core.market.Trade;

import com.alphacast.core.text.TerminalText;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The String-based trades CSV reader that {@link TradeCsvDecoder} replaced (CsvLine, StrictDecimal and java.time per
 * row), kept unchanged as the reference the decoder must agree with on every input: {@code TradeCsvDecoderTest}
 * compares both over every trades file in the repository and over mutated ones. Original description follows.
 * <p>
 * Reads trade prints from CSV with a header row. Two layouts are accepted:
 * <ul>
 *   <li>mlfinlab's tick-data layout (as in {@code data/demo/es_trades_2011-07-31.csv}):
 *       {@code Date and Time,Price,Volume} with times like {@code 2011/07/31 22:00:00.120};</li>
 *   <li>a generic layout whose header names the columns in any order, case-insensitively:
 *       {@code time} (aliases {@code timestamp}, {@code datetime}, {@code date and time}), {@code price}
 *       ({@code px}), {@code size} ({@code volume}, {@code qty}, {@code quantity}) and optionally {@code symbol},
 *       {@code side} ({@code aggressor}; values {@code buy/sell/b/s/1/-1}) and {@code bid}, {@code ask}
 *       ({@code bid_size}, {@code ask_size} optional).</li>
 * </ul>
 * Times may be epoch milliseconds (an integer of 11+ digits), epoch seconds (up to 10 digits, optionally with a
 * fraction), an ISO-8601 instant ({@code 2011-07-31T22:00:00.120Z}) or a local
 * date-time ({@code yyyy-MM-dd HH:mm:ss[.fff]}, {@code yyyy/MM/dd HH:mm:ss[.fff]}, or with a {@code T}), which is
 * interpreted in the reader's zone (UTC by default: the ES file's 22:00 is the 18:00 New York Globex open).
 * Dates are strictly valid ({@code 2011/02/30} is an error, not 28 February). Prices and sizes are finite, positive
 * and at most {@value #MAX_PRICE} and {@value #MAX_SIZE}. Rows must be in time order: a row earlier than the last
 * accepted one is a bad line naming both times (the models assume monotonic time).
 * Blank lines are skipped. Any other problem stops the read with an {@link InputFormatException} naming source, line
 * and column.
 */
public final class TradeCsvReference {

    static final double MAX_PRICE = 1e9;
    static final double MAX_SIZE = 1e12;
    /** Epoch milliseconds of 2200-01-01: a later trade time is a unit mix-up, not a trade. */
    private static final long LATEST_MILLIS = 7_258_118_400_000L;

    private static final Pattern FRACTIONAL_SECONDS = Pattern.compile("\\d{1,10}\\.\\d{1,9}");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d\\d:\\d\\d$");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu")
            .optionalStart().appendLiteral('-').optionalEnd()
            .optionalStart().appendLiteral('/').optionalEnd()
            .appendPattern("MM")
            .optionalStart().appendLiteral('-').optionalEnd()
            .optionalStart().appendLiteral('/').optionalEnd()
            .appendPattern("dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;
    private final String defaultSymbol;

    public TradeCsvReference(String defaultSymbol, ZoneId zone) {
        this.defaultSymbol = Objects.requireNonNull(defaultSymbol, "defaultSymbol");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public TradeCsvReference(String defaultSymbol) {
        this(defaultSymbol, ZoneId.of("UTC"));
    }

    /** Reads every row; the first malformed line stops the read. The caller opens and closes the reader. */
    public List<TradeRow> read(Reader reader, String source) {
        List<TradeRow> rows = new ArrayList<>();
        forEachRow(reader, source, rows::add, bad -> {
            throw bad;
        });
        return rows;
    }

    /**
     * Streams rows to {@code rows}; a malformed data line goes to {@code badLines} (which may rethrow to stop,
     * or count and continue, as a replay does). A missing header always stops the read.
     */
    public void forEachRow(Reader reader, String source, Consumer<TradeRow> rows,
                           Consumer<InputFormatException> badLines) {
        InputLines in = new InputLines(reader, source);
        String text;
        Columns columns = null;
        long lastMillis = Long.MIN_VALUE;
        long lastLine = 0;
        while ((text = in.next()) != null) {
            long lineNumber = in.lineNumber();
            if (text.isBlank()) {
                continue;
            }
            if (columns == null) {
                columns = Columns.fromHeader(CsvLine.parse(source, lineNumber, text));
                continue;
            }
            TradeRow row;
            try {
                CsvLine line = CsvLine.parse(source, lineNumber, text);
                row = row(line, columns);
                if (row.trade().epochMillis() < lastMillis) {
                    throw line.error(columns.time, "time goes backwards: " + Instant.ofEpochMilli(
                            row.trade().epochMillis()) + " is before " + Instant.ofEpochMilli(lastMillis)
                            + " on line " + lastLine + " (trades must be in time order)");
                }
            } catch (InputFormatException bad) {
                badLines.accept(bad);
                continue;
            }
            lastMillis = row.trade().epochMillis();
            lastLine = lineNumber;
            rows.accept(row);
        }
        if (columns == null) {
            throw new InputFormatException(source, Math.max(1, in.lineNumber()), 1,
                    "no header row: expected e.g. 'time,price,size' or 'Date and Time,Price,Volume'");
        }
    }

    private TradeRow row(CsvLine line, Columns c) {
        long millis = time(line, c.time);
        double price = line.number(c.price, "price");
        if (!(price > 0) || price > MAX_PRICE) {
            throw line.error(c.price, "price must be positive and at most " + (long) MAX_PRICE + ", was "
                    + TerminalText.excerpt(line.field(c.price).trim()));
        }
        long size = line.wholeNumber(c.size, "size");
        if (size <= 0 || size > MAX_SIZE) {
            throw line.error(c.size, "size must be positive and at most " + (long) MAX_SIZE + ", was " + size);
        }
        String symbol = c.symbol >= 0 ? line.require(c.symbol, "symbol") : defaultSymbol;
        Aggressor side = c.side >= 0 ? side(line, c.side) : Aggressor.UNKNOWN;
        Quote quote = null;
        if (c.bid >= 0 && c.ask >= 0) {
            double bid = line.number(c.bid, "bid", 0, MAX_PRICE);
            double ask = line.number(c.ask, "ask", 0, MAX_PRICE);
            double bidSize = c.bidSize >= 0 ? line.number(c.bidSize, "bid_size", 0, MAX_SIZE) : 0;
            double askSize = c.askSize >= 0 ? line.number(c.askSize, "ask_size", 0, MAX_SIZE) : 0;
            if (!(bid > 0) || !(ask > 0)) {
                throw line.error(bid > 0 ? c.ask : c.bid, "quote prices must be positive");
            }
            quote = new Quote(symbol, millis, bid, bidSize, ask, askSize);
        }
        return new TradeRow(new Trade(symbol, millis, price, size), side, quote, line.lineNumber());
    }

    private long time(CsvLine line, int index) {
        long millis = parseTime(line, index);
        if (millis < 0 || millis >= LATEST_MILLIS) {
            throw line.error(index, "time " + TerminalText.excerpt(line.field(index).trim())
                    + " is outside 1970..2199 (wrong unit?)");
        }
        return millis;
    }

    private long parseTime(CsvLine line, int index) {
        String text = line.require(index, "time");
        if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit)) {
            long value = Long.parseLong(text);
            // Up to 10 digits can only be epoch seconds (10 digits of milliseconds would be before 1970-04-27).
            return text.length() <= 10 ? value * 1000 : value;
        }
        if (text.length() <= 30 && FRACTIONAL_SECONDS.matcher(text).matches()) {
            return Math.round(Double.parseDouble(text) * 1000); // fractional epoch seconds, e.g. 1633998512.063
        }
        try {
            if (text.length() > 40) {
                throw new DateTimeException("too long");
            }
            if (text.endsWith("Z") || OFFSET.matcher(text).find()) {
                return Instant.parse(text).toEpochMilli();
            }
            return LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw line.error(index, "unparseable time '" + TerminalText.excerpt(text)
                    + "' (expected epoch millis, ISO-8601, or yyyy/MM/dd HH:mm:ss.fff, a real date and time)");
        }
    }

    private static Aggressor side(CsvLine line, int index) {
        String text = line.require(index, "side").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "buy", "b", "1", "+1" -> Aggressor.BUY;
            case "sell", "s", "-1" -> Aggressor.SELL;
            case "", "unknown", "0", "?" -> Aggressor.UNKNOWN;
            default -> throw line.error(index, "unknown side '" + TerminalText.excerpt(text)
                    + "' (expected buy or sell)");
        };
    }

    private record Columns(int time, int price, int size, int symbol, int side, int bid, int ask, int bidSize,
                           int askSize) {

        static Columns fromHeader(CsvLine header) {
            int time = -1;
            int price = -1;
            int size = -1;
            int symbol = -1;
            int side = -1;
            int bid = -1;
            int ask = -1;
            int bidSize = -1;
            int askSize = -1;
            for (int i = 0; i < header.size(); i++) {
                String name = header.field(i).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "time", "timestamp", "datetime", "date and time", "date_time" -> time = i;
                    case "price", "px" -> price = i;
                    case "size", "volume", "qty", "quantity" -> size = i;
                    case "symbol" -> symbol = i;
                    case "side", "aggressor" -> side = i;
                    case "bid", "bid_price" -> bid = i;
                    case "ask", "ask_price" -> ask = i;
                    case "bid_size" -> bidSize = i;
                    case "ask_size" -> askSize = i;
                    default -> {
                        // extra columns are allowed and ignored
                    }
                }
            }
            if (time < 0) {
                throw header.error(0, "missing column 'time' in header '" + TerminalText.excerpt(String.join(",", header.fields()), 200) + "'");
            }
            if (price < 0) {
                throw header.error(0, "missing column 'price' in header '" + TerminalText.excerpt(String.join(",", header.fields()), 200) + "'");
            }
            if (size < 0) {
                throw header.error(0, "missing column 'size' (or 'volume') in header '"
                        + TerminalText.excerpt(String.join(",", header.fields()), 200) + "'");
            }
            if ((bid < 0) != (ask < 0)) {
                throw header.error(Math.max(bid, ask), "a quote needs both 'bid' and 'ask' columns");
            }
            return new Columns(time, price, size, symbol, side, bid, ask, bidSize, askSize);
        }
    }
}
