package com.alphacast.core.feed.trades;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.CsvLine;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.feed.StrictDecimal;
import com.alphacast.core.text.TerminalText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The one parser of trades CSV files, decoding UTF-8 bytes straight to primitives: after warm-up a row costs no
 * allocation (no String, BigDecimal or date-time object per line; each distinct symbol is one String, reused).
 * Two layouts are accepted:
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
 * fraction), an ISO-8601 instant ({@code 2011-07-31T22:00:00.120Z}) or a local date-time
 * ({@code yyyy-MM-dd HH:mm:ss[.fff]}, {@code yyyy/MM/dd HH:mm:ss[.fff]}, or with a {@code T}), which is interpreted in
 * the decoder's zone (UTC by default: the ES file's 22:00 is the 18:00 New York Globex open). Dates are strictly valid
 * ({@code 2011/02/30} is an error, not 28 February). Prices and sizes are finite, positive and at most
 * {@value #MAX_PRICE} and {@value #MAX_SIZE}; numbers follow {@link StrictDecimal} (thousands separators grouping by
 * three accepted, as {@link CsvLine#number} does). Rows must be in time order: a row earlier than the last accepted
 * one is a bad line naming both times (the models assume monotonic time).
 * <p>
 * Lines follow {@link InputLines}: {@code \n}, {@code \r\n} or {@code \r} ends, a UTF-8 byte order mark on line 1
 * dropped, a line over {@link InputLines#DEFAULT_MAX_LINE} characters or bytes that are not UTF-8 stop the decode
 * naming line and column. Fields follow {@link CsvLine} (RFC 4180 quoting, columns counted in characters). Blank lines
 * are skipped; a bad data line goes to the caller's bad-line consumer (stop or count and continue) as an
 * {@link InputFormatException} naming source, line and column; a missing or bad header always stops the decode.
 * <p>
 * The common shapes (plain decimals of up to 15 significant digits, the date-time shapes above in a fixed-offset
 * zone) are decoded on the bytes; anything else (thousands separators, ISO offsets, zones with daylight saving, long
 * mantissas) goes through the JDK's parsers on a String, so every value is the one {@link Double#parseDouble} and
 * {@code java.time} give. One decoder per thread; it keeps its buffers between decodes.
 */
public final class TradeCsvDecoder {

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
    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
        10, 1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Receives each accepted row, as primitives, on the decoding thread. */
    public interface TradeSink {

        /** The prevailing quote of the row, just before its trade (only for files with bid and ask columns). */
        void onQuote(String symbol, long epochMillis, double bidPrice, double bidSize, double askPrice,
                     double askSize);

        /** @param line the 1-based line of the row in the source */
        void onTrade(String symbol, long epochMillis, double price, long size, Aggressor aggressor, long line);
    }

    private final String defaultSymbol;
    private final ZoneId zone;
    /** The zone's offset when it never changes (UTC, fixed offsets): local times are then converted by arithmetic. */
    private final ZoneOffset fixedOffset;
    private final int maxLine;

    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean skipLineFeed;
    private InputStream in;
    private String source;
    private long lineNumber;
    private int lineStart;
    private int lineEnd;
    /** Where the line began before a byte order mark was dropped: error columns of line 1 count it, as InputLines. */
    private int rawLineStart;

    private final int[] fieldStart = new int[CsvLine.MAX_FIELDS];
    private final int[] fieldEnd = new int[CsvLine.MAX_FIELDS];
    /** Byte offset in the line where each field begins (its quote, if quoted): its column in errors. */
    private final int[] fieldOrigin = new int[CsvLine.MAX_FIELDS];
    /** Whether a field's text is in {@link #unescaped} (a quoted field with doubled quotes) rather than the buffer. */
    private final boolean[] fieldUnescaped = new boolean[CsvLine.MAX_FIELDS];
    private int fieldCount;
    private byte[] unescaped = new byte[256];
    /** The current trimmed field: {@link #text} from {@link #textStart} to {@link #textEnd}. */
    private byte[] text;
    private int textStart;
    private int textEnd;
    /** The last date decoded (yyyymmdd) and its epoch day: a file's rows share a handful of dates. */
    private int lastDate = -1;
    private long lastEpochDay;
    /** Significant digits and power of ten of the last decimal decoded on the bytes. */
    private long mantissa;
    private int scale;

    private String[] symbols = new String[64];
    private byte[][] symbolBytes = new byte[64][];
    private int symbolCount;

    public TradeCsvDecoder(String defaultSymbol, ZoneId zone) {
        this(defaultSymbol, zone, InputLines.DEFAULT_MAX_LINE);
    }

    public TradeCsvDecoder(String defaultSymbol) {
        this(defaultSymbol, ZoneOffset.UTC);
    }

    TradeCsvDecoder(String defaultSymbol, ZoneId zone, int maxLine) {
        this.defaultSymbol = Objects.requireNonNull(defaultSymbol, "defaultSymbol");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine must be positive, was " + maxLine);
        }
        this.maxLine = maxLine;
    }

    /**
     * Decodes every row of {@code input} (UTF-8) to {@code trades}; a malformed data line goes to {@code badLines}
     * (which may rethrow to stop, or count and continue, as a replay does). A missing header, a line too long or bytes
     * that are not UTF-8 always stop the decode. The caller opens and closes the stream.
     */
    public void decode(InputStream input, String source, TradeSink trades, Consumer<InputFormatException> badLines) {
        this.in = Objects.requireNonNull(input, "input");
        this.source = Objects.requireNonNull(source, "source");
        position = 0;
        limit = 0;
        endOfInput = false;
        skipLineFeed = false;
        lineNumber = 0;
        try {
            decodeLines(trades, badLines);
        } finally {
            this.in = null;
        }
    }

    private void decodeLines(TradeSink trades, Consumer<InputFormatException> badLines) {
        Columns columns = null;
        long lastMillis = Long.MIN_VALUE;
        long lastLine = 0;
        while (nextLine()) {
            if (blank()) {
                continue;
            }
            if (columns == null) {
                String header = new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
                columns = Columns.fromHeader(CsvLine.parse(source, lineNumber, header));
                continue;
            }
            long millis;
            double price;
            long size;
            String symbol;
            Aggressor side;
            boolean quoted = columns.bid >= 0 && columns.ask >= 0;
            double bid = 0;
            double ask = 0;
            double bidSize = 0;
            double askSize = 0;
            try {
                split();
                millis = time(columns.time);
                price = number(columns.price, "price");
                if (!(price > 0) || price > MAX_PRICE) {
                    throw error(columns.price, "price must be positive and at most " + (long) MAX_PRICE + ", was "
                            + TerminalText.excerpt(fieldString(columns.price).trim()));
                }
                size = wholeNumber(columns.size, "size");
                if (size <= 0 || size > MAX_SIZE) {
                    throw error(columns.size, "size must be positive and at most " + (long) MAX_SIZE + ", was "
                            + size);
                }
                symbol = columns.symbol >= 0 ? symbol(columns.symbol) : defaultSymbol;
                side = columns.side >= 0 ? side(columns.side) : Aggressor.UNKNOWN;
                if (quoted) {
                    bid = number(columns.bid, "bid", 0, MAX_PRICE);
                    ask = number(columns.ask, "ask", 0, MAX_PRICE);
                    bidSize = columns.bidSize >= 0 ? number(columns.bidSize, "bid_size", 0, MAX_SIZE) : 0;
                    askSize = columns.askSize >= 0 ? number(columns.askSize, "ask_size", 0, MAX_SIZE) : 0;
                    if (!(bid > 0) || !(ask > 0)) {
                        throw error(bid > 0 ? columns.ask : columns.bid, "quote prices must be positive");
                    }
                }
                if (millis < lastMillis) {
                    throw error(columns.time, "time goes backwards: " + Instant.ofEpochMilli(millis) + " is before "
                            + Instant.ofEpochMilli(lastMillis) + " on line " + lastLine
                            + " (trades must be in time order)");
                }
            } catch (InputFormatException bad) {
                badLines.accept(bad);
                continue;
            }
            lastMillis = millis;
            lastLine = lineNumber;
            if (quoted) {
                trades.onQuote(symbol, millis, bid, bidSize, ask, askSize);
            }
            trades.onTrade(symbol, millis, price, size, side, lineNumber);
        }
        if (columns == null) {
            throw new InputFormatException(source, Math.max(1, lineNumber), 1,
                    "no header row: expected e.g. 'time,price,size' or 'Date and Time,Price,Volume'");
        }
    }

    // ---- lines ----

    /** Finds the next line, {@code buffer[lineStart, lineEnd)}, checked as UTF-8 and for length; false at the end. */
    private boolean nextLine() {
        if (skipLineFeed) {
            if (position >= limit) {
                compact();
                if (!fill()) {
                    return false;
                }
            }
            skipLineFeed = false;
            if (buffer[position] == '\n') {
                position++;
            }
        }
        int scan = position;
        int bytes = 0;
        while (true) {
            byte[] b = buffer;
            int end = limit;
            while (scan < end) {
                byte c = b[scan];
                if (c == '\n' || c == '\r') {
                    skipLineFeed = c == '\r';
                    return line(position, scan, bytes, scan + 1);
                }
                bytes |= c;
                scan++;
            }
            if (scan - position > 4L * maxLine + 4) {
                // 4 bytes or more per character is impossible in UTF-8: the line is too long or not UTF-8
                checkCharacters(position, scan, lineNumber + 1);
            }
            scan -= position;
            compact();
            if (!fill()) {
                if (scan == 0) {
                    return false;
                }
                return line(0, scan, bytes, scan);
            }
        }
    }

    private boolean line(int start, int end, int bytesOred, int next) {
        lineNumber++;
        if (bytesOred < 0 || end - start > maxLine) {
            checkCharacters(start, end, lineNumber);
        }
        position = next;
        rawLineStart = start;
        lineStart = start;
        lineEnd = end;
        if (lineNumber == 1 && end - start >= 3 && Arrays.equals(buffer, start, start + 3, UTF8_BOM, 0, 3)) {
            lineStart += 3;
        }
        return true;
    }

    /** Moves the unread bytes, the start of the line being read, to the front of the buffer. */
    private void compact() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
    }

    /** Reads more after {@link #limit}, growing the buffer when a line fills it; false at the end of the input. */
    private boolean fill() {
        if (endOfInput) {
            return false;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            int n;
            do {
                n = in.read(buffer, limit, buffer.length - limit);
            } while (n == 0);
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            limit += n;
            return true;
        } catch (CharacterCodingException e) {
            // a stream that decodes and re-encodes text (TradeCsvReader's Reader input) found bad bytes after the
            // ones it handed over: name the place as InputLines does
            throw new InputFormatException(source, lineNumber + 1, characters(position, limit) + 1L,
                    "bytes that are not valid UTF-8 (" + e.getClass().getSimpleName().replace("Exception", "")
                            + "); save the file as UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    /**
     * Validates {@code buffer[start, end)} as UTF-8 as the JDK's strict decoder does and counts its characters; throws
     * at the first bad sequence or at the first character beyond the longest line, whichever comes first.
     */
    private void checkCharacters(int start, int end, long line) {
        long chars = 0;
        int i = start;
        while (i < end) {
            int length = sequenceLength(buffer, i, end);
            if (length < 0) {
                throw new InputFormatException(source, line, chars + 1,
                        "bytes that are not valid UTF-8 (MalformedInput); save the file as UTF-8");
            }
            int units = length == 4 ? 2 : 1;
            for (int u = 0; u < units; u++) {
                if (chars >= maxLine) {
                    throw new InputFormatException(source, line, maxLine + 1L,
                            "line longer than " + maxLine + " characters: not a line of this format");
                }
                chars++;
            }
            i += length;
        }
    }

    /** Length of the well-formed UTF-8 sequence at {@code i}, or -1 (overlong, surrogate, above U+10FFFF, cut). */
    private static int sequenceLength(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int length;
        int min2 = 0x80;
        int max2 = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                min2 = 0xA0;
            } else if (lead == 0xED) {
                max2 = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                min2 = 0x90;
            } else if (lead == 0xF4) {
                max2 = 0x8F;
            }
        } else {
            return -1;
        }
        if (i + 1 >= end) {
            return -1;
        }
        int second = b[i + 1] & 0xFF;
        if (second < min2 || second > max2) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            if (i + k >= end || (b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return length;
    }

    /** UTF-16 characters in {@code buffer[start, end)} (already checked UTF-8, or cut at a sequence's end). */
    private int characters(int start, int end) {
        int chars = 0;
        for (int i = start; i < end; i++) {
            int c = buffer[i] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                chars += c >= 0xF0 ? 2 : 1;
            }
        }
        return chars;
    }

    /** As {@link String#isBlank()}: only whitespace characters. */
    private boolean blank() {
        boolean nonAscii = false;
        for (int i = lineStart; i < lineEnd; i++) {
            byte c = buffer[i];
            if (c < 0) {
                nonAscii = true;
            } else if (c != ' ' && (c < 9 || c > 13) && (c < 28 || c > 31)) {
                return false;
            }
        }
        return !nonAscii || new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8).isBlank();
    }

    // ---- fields ----

    /** Splits the line into fields as {@link CsvLine#parse} does, without copying unless a field has "" inside. */
    private void split() {
        byte[] b = buffer;
        int end = lineEnd;
        if (unescaped.length < end - lineStart) {
            unescaped = new byte[Math.max(end - lineStart, unescaped.length * 2)];
        }
        int unescapedLength = 0;
        int n = 0;
        int i = lineStart;
        while (true) {
            int origin = i;
            int start;
            int stop;
            boolean copied = false;
            if (i < end && b[i] == '"') {
                i++;
                start = i;
                stop = -1;
                boolean doubled = false;
                while (i < end) {
                    if (b[i] == '"') {
                        if (i + 1 < end && b[i + 1] == '"') {
                            doubled = true;
                            i += 2;
                        } else {
                            stop = i;
                            i++;
                            break;
                        }
                    } else {
                        i++;
                    }
                }
                if (stop < 0) {
                    throw lineError(origin, "unterminated quoted field");
                }
                // Tolerate spaces between the closing quote and the comma.
                while (i < end && b[i] != ',') {
                    int length = whitespaceLength(i);
                    if (length == 0) {
                        throw lineError(i, "unexpected character after quoted field");
                    }
                    i += length;
                }
                if (doubled) {
                    int from = unescapedLength;
                    for (int k = start; k < stop; k++) {
                        unescaped[unescapedLength++] = b[k];
                        if (b[k] == '"') {
                            k++;
                        }
                    }
                    start = from;
                    stop = unescapedLength;
                    copied = true;
                }
            } else {
                start = i;
                while (i < end && b[i] != ',') {
                    i++;
                }
                stop = i;
            }
            if (n == CsvLine.MAX_FIELDS) {
                throw lineError(origin, "more than " + CsvLine.MAX_FIELDS + " fields on one line");
            }
            fieldStart[n] = start;
            fieldEnd[n] = stop;
            fieldOrigin[n] = origin;
            fieldUnescaped[n] = copied;
            n++;
            if (i >= end) {
                break;
            }
            i++; // the comma
        }
        fieldCount = n;
    }

    /** Bytes of the whitespace character (Character.isWhitespace) at {@code i}, 0 if it is not whitespace. */
    private int whitespaceLength(int i) {
        int c = buffer[i] & 0xFF;
        if (c < 0x80) {
            return Character.isWhitespace(c) ? 1 : 0;
        }
        int length = sequenceLength(buffer, i, lineEnd);
        int codePoint = new String(buffer, i, length, StandardCharsets.UTF_8).codePointAt(0);
        return length < 4 && Character.isWhitespace(codePoint) ? length : 0;
    }

    /** Sets {@link #text} to field {@code index} trimmed as {@link String#trim()} does, or fails naming the column. */
    private void require(int index, String name) {
        if (index >= fieldCount) {
            throw error(index, "missing column '" + name + "' (line has " + fieldCount + " fields)");
        }
        byte[] b = fieldUnescaped[index] ? unescaped : buffer;
        int start = fieldStart[index];
        int end = fieldEnd[index];
        while (start < end && (b[start] & 0xFF) <= ' ') {
            start++;
        }
        while (end > start && (b[end - 1] & 0xFF) <= ' ') {
            end--;
        }
        text = b;
        textStart = start;
        textEnd = end;
    }

    private String fieldString(int index) {
        byte[] b = fieldUnescaped[index] ? unescaped : buffer;
        return new String(b, fieldStart[index], fieldEnd[index] - fieldStart[index], StandardCharsets.UTF_8);
    }

    private String textString() {
        return new String(text, textStart, textEnd - textStart, StandardCharsets.UTF_8);
    }

    private boolean textIsAscii() {
        for (int i = textStart; i < textEnd; i++) {
            if (text[i] < 0) {
                return false;
            }
        }
        return true;
    }

    // ---- values ----

    /** As {@link CsvLine#number(int, String)}. */
    private double number(int index, String name) {
        require(index, name);
        if (decimalOnBytes()) {
            return value();
        }
        String field = textString();
        String plain = CsvLine.withoutThousandsSeparators(field);
        double value = plain == null ? Double.NaN : StrictDecimal.parseOrNaN(plain);
        if (Double.isNaN(value)) {
            throw error(index, "unparseable number '" + TerminalText.excerpt(field) + "' in column '" + name + "'");
        }
        return value;
    }

    /** As {@link CsvLine#number(int, String, double, double)}. */
    private double number(int index, String name, double min, double max) {
        double value = number(index, name);
        if (value < min || value > max) {
            throw error(index, "'" + name + "' must be within " + CsvLine.plain(min) + ".." + CsvLine.plain(max) + ", was "
                    + TerminalText.excerpt(fieldString(index).trim()));
        }
        return value;
    }

    /** As {@link CsvLine#wholeNumber(int, String)}. */
    private long wholeNumber(int index, String name) {
        double value = number(index, name);
        if (value != Math.rint(value) || Math.abs(value) > 9.0e15) {
            throw error(index, "expected a whole number in column '" + name + "', was '"
                    + TerminalText.excerpt(textString()) + "'");
        }
        if (textEnd - textStart <= 18 && digitsOnly(text, textStart, textEnd)) {
            return digits(text, textStart, textEnd); // exact, even beyond 2^53
        }
        if (textIsAscii() && indexOf(',') < 0) {
            return (long) value;
        }
        String plain = CsvLine.withoutThousandsSeparators(textString());
        if (plain != null && plain.length() <= 18 && plain.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(plain);
        }
        return (long) value;
    }

    private int indexOf(char c) {
        for (int i = textStart; i < textEnd; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads {@link #text} as a {@link StrictDecimal} into {@link #mantissa} and {@link #scale} when its value is exact
     * by one correctly rounded multiplication or division (at most 15 significant digits, a power of ten up to 22,
     * Clinger's fast path, so the same double as {@link Double#parseDouble}); false for anything else, valid or not,
     * which the String path then decides.
     */
    private boolean decimalOnBytes() {
        byte[] b = text;
        int i = textStart;
        int end = textEnd;
        if (end - i == 0 || end - i > StrictDecimal.MAX_LENGTH) {
            return false;
        }
        if (b[i] == '+' || b[i] == '-') {
            i++;
        }
        long m = 0;
        int significant = 0;
        int digitCount = 0;
        int fraction = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            int d = b[i] - '0';
            if (m != 0 || d != 0) {
                if (++significant > 18) {
                    return false;
                }
                m = m * 10 + d;
            }
            digitCount++;
            i++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                int d = b[i] - '0';
                if (m != 0 || d != 0) {
                    if (++significant > 18) {
                        return false;
                    }
                    m = m * 10 + d;
                }
                digitCount++;
                fraction++;
                i++;
            }
        }
        if (digitCount == 0 || i != end) {
            return false; // an exponent, a separator, or not a number: the String path decides
        }
        int s = -fraction;
        while (significant > StrictDecimal.MAX_EXACT_DIGITS && m % 10 == 0) {
            m /= 10;
            s++;
            significant--;
        }
        if (significant > StrictDecimal.MAX_EXACT_DIGITS || Math.abs(s) > StrictDecimal.MAX_EXACT_SCALE) {
            return m == 0 && significant == 0 && setDecimal(0, 0);
        }
        return setDecimal(m, s);
    }

    private boolean setDecimal(long m, int s) {
        mantissa = m;
        scale = s;
        return true;
    }

    private double value() {
        double v = StrictDecimal.exactValue(mantissa, scale);
        return text[textStart] == '-' ? -v : v;
    }

    private static boolean digitsOnly(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static long digits(byte[] b, int start, int end) {
        long v = 0;
        for (int i = start; i < end; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private long time(int index) {
        require(index, "time");
        long millis = timeOnBytes();
        if (millis == Long.MIN_VALUE) {
            millis = parseTime(textString(), index);
        }
        if (millis < 0 || millis >= LATEST_MILLIS) {
            throw error(index, "time " + TerminalText.excerpt(fieldString(index).trim())
                    + " is outside 1970..2199 (wrong unit?)");
        }
        return millis;
    }

    /**
     * Epoch milliseconds of the common time shapes, decoded on the bytes: epoch seconds or millis, fractional epoch
     * seconds, {@code yyyy-MM-dd HH:mm:ss[.f]} (or with '/' or 'T') in a fixed-offset zone and
     * {@code yyyy-MM-ddTHH:mm:ss[.f]Z}, all strictly valid. {@link Long#MIN_VALUE} hands anything else to
     * {@link #parseTime}.
     */
    private long timeOnBytes() {
        byte[] b = text;
        int s = textStart;
        int n = textEnd - s;
        if (n >= 19 && (b[s + 4] == '-' || b[s + 4] == '/')) {
            return dateTimeOnBytes(b, s, textEnd);
        }
        if (n == 0) {
            return Long.MIN_VALUE;
        }
        if (n <= 18 && digitsOnly(b, s, textEnd)) {
            long value = digits(b, s, textEnd);
            // Up to 10 digits can only be epoch seconds (10 digits of milliseconds would be before 1970-04-27).
            return n <= 10 ? value * 1000 : value;
        }
        int point = indexOf('.');
        if (point > s && point - s <= 10 && textEnd - point - 1 >= 1 && textEnd - point - 1 <= 9
                && digitsOnly(b, s, point) && digitsOnly(b, point + 1, textEnd)) {
            // fractional epoch seconds, e.g. 1633998512.063
            if (!decimalOnBytes()) {
                return Long.MIN_VALUE;
            }
            return Math.round(value() * 1000);
        }
        return Long.MIN_VALUE;
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.f]} and its variants, or the ISO instant with 'Z', in straight-line code. */
    private long dateTimeOnBytes(byte[] b, int s, int textEnd) {
        boolean utc = b[textEnd - 1] == 'Z';
        int end = utc ? textEnd - 1 : textEnd;
        if (end - s < 19 || (!utc && fixedOffset == null)) {
            return Long.MIN_VALUE;
        }
        int year = twoDigits(b, s) * 100 + twoDigits(b, s + 2);
        int month = twoDigits(b, s + 5);
        int day = twoDigits(b, s + 8);
        int hour = twoDigits(b, s + 11);
        int minute = twoDigits(b, s + 14);
        int second = twoDigits(b, s + 17);
        if ((twoDigits(b, s) | twoDigits(b, s + 2) | month | day | hour | minute | second) < 0
                || b[s + 13] != ':' || b[s + 16] != ':') {
            return Long.MIN_VALUE;
        }
        byte dateSeparator = b[s + 7];
        byte middle = b[s + 10];
        if (utc ? b[s + 4] != '-' || dateSeparator != '-' || middle != 'T'
                : (dateSeparator != '-' && dateSeparator != '/') || (middle != 'T' && middle != ' ')) {
            return Long.MIN_VALUE;
        }
        int nanos = 0;
        if (end > s + 19) {
            int fraction = end - s - 20;
            if (b[s + 19] != '.' || fraction < 1 || fraction > 9) {
                return Long.MIN_VALUE;
            }
            for (int i = s + 20; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return Long.MIN_VALUE;
                }
                nanos = nanos * 10 + d;
            }
            nanos *= NANOS_SCALE[fraction];
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return Long.MIN_VALUE; // java.time names the problem
        }
        int date = (year * 100 + month) * 100 + day;
        if (date != lastDate) {
            lastDate = date;
            lastEpochDay = epochDay(year, month, day);
        }
        long seconds = lastEpochDay * 86_400L + hour * 3600L + minute * 60L + second
                - (utc ? 0 : fixedOffset.getTotalSeconds());
        return seconds * 1000 + nanos / 1_000_000;
    }

    /** The two decimal digits at {@code i} as a number, or -1. */
    private static int twoDigits(byte[] b, int i) {
        int high = b[i] - '0';
        int low = b[i + 1] - '0';
        return (high | low) >= 0 && high <= 9 && low <= 9 ? high * 10 + low : -1;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 to a valid proleptic ISO date of year 0..9999 (as {@code LocalDate.toEpochDay}). */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
                total--;
            }
        }
        return total - 719_528L;
    }

    /** The JDK's reading of the less common time shapes (the whole grammar, as the header documents). */
    private long parseTime(String text, int index) {
        if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit)) {
            long value = Long.parseLong(text);
            return text.length() <= 10 ? value * 1000 : value;
        }
        if (text.length() <= 30 && FRACTIONAL_SECONDS.matcher(text).matches()) {
            return Math.round(Double.parseDouble(text) * 1000);
        }
        try {
            if (text.length() > 40) {
                throw new DateTimeException("too long");
            }
            if (text.endsWith("Z") || OFFSET.matcher(text).find()) {
                return Instant.parse(text).toEpochMilli();
            }
            return LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw error(index, "unparseable time '" + TerminalText.excerpt(text)
                    + "' (expected epoch millis, ISO-8601, or yyyy/MM/dd HH:mm:ss.fff, a real date and time)");
        }
    }

    private Aggressor side(int index) {
        require(index, "side");
        if (textIsAscii()) {
            int n = textEnd - textStart;
            if (n == 0 || equalsIgnoreCase("unknown") || equalsIgnoreCase("0") || equalsIgnoreCase("?")) {
                return Aggressor.UNKNOWN;
            }
            if (equalsIgnoreCase("buy") || equalsIgnoreCase("b") || equalsIgnoreCase("1")
                    || equalsIgnoreCase("+1")) {
                return Aggressor.BUY;
            }
            if (equalsIgnoreCase("sell") || equalsIgnoreCase("s") || equalsIgnoreCase("-1")) {
                return Aggressor.SELL;
            }
        }
        String lower = textString().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "buy", "b", "1", "+1" -> Aggressor.BUY;
            case "sell", "s", "-1" -> Aggressor.SELL;
            case "", "unknown", "0", "?" -> Aggressor.UNKNOWN;
            default -> throw error(index, "unknown side '" + TerminalText.excerpt(lower)
                    + "' (expected buy or sell)");
        };
    }

    private boolean equalsIgnoreCase(String word) {
        if (textEnd - textStart != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            int c = text[textStart + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The field's symbol as one String per distinct symbol, so a row allocates nothing. */
    private String symbol(int index) {
        require(index, "symbol");
        int hash = 1;
        for (int i = textStart; i < textEnd; i++) {
            hash = 31 * hash + text[i];
        }
        int mask = symbols.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (symbols[slot] != null) {
            byte[] known = symbolBytes[slot];
            if (Arrays.equals(known, 0, known.length, text, textStart, textEnd)) {
                return symbols[slot];
            }
            slot = (slot + 1) & mask;
        }
        String symbol = textString();
        symbols[slot] = symbol;
        symbolBytes[slot] = Arrays.copyOfRange(text, textStart, textEnd);
        if (++symbolCount * 2 > symbols.length) {
            growSymbols();
        }
        return symbol;
    }

    private void growSymbols() {
        String[] oldSymbols = symbols;
        byte[][] oldBytes = symbolBytes;
        symbols = new String[oldSymbols.length * 2];
        symbolBytes = new byte[oldSymbols.length * 2][];
        int mask = symbols.length - 1;
        for (int k = 0; k < oldSymbols.length; k++) {
            if (oldSymbols[k] == null) {
                continue;
            }
            byte[] key = oldBytes[k];
            int hash = 1;
            for (byte c : key) {
                hash = 31 * hash + c;
            }
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (symbols[slot] != null) {
                slot = (slot + 1) & mask;
            }
            symbols[slot] = oldSymbols[k];
            symbolBytes[slot] = key;
        }
    }

    // ---- errors ----

    /** As {@link CsvLine#error}: the column where field {@code index} starts, or the last field's if absent. */
    private InputFormatException error(int index, String problem) {
        int field = index < fieldCount ? index : fieldCount - 1;
        return lineError(fieldOrigin[field], problem);
    }

    private InputFormatException lineError(int at, String problem) {
        return new InputFormatException(source, lineNumber, characters(lineStart, at) + 1L, problem);
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
            String names = TerminalText.excerpt(String.join(",", header.fields()), 200);
            if (time < 0) {
                throw header.error(0, "missing column 'time' in header '" + names + "'");
            }
            if (price < 0) {
                throw header.error(0, "missing column 'price' in header '" + names + "'");
            }
            if (size < 0) {
                throw header.error(0, "missing column 'size' (or 'volume') in header '" + names + "'");
            }
            if ((bid < 0) != (ask < 0)) {
                throw header.error(Math.max(bid, ask), "a quote needs both 'bid' and 'ask' columns");
            }
            return new Columns(time, price, size, symbol, side, bid, ask, bidSize, askSize);
        }
    }
}
