package com.alphacast.core.feed.binance;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.DepthUpdateBuffer;
import com.alphacast.core.book.TopOfBook;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.StrictDecimal;

import java.util.Locale;

/**
 * Decodes Binance stream messages ({@code depthUpdate} spot/USD-M/COIN-M, {@code trade}, {@code aggTrade},
 * {@code bookTicker}, raw or in a combined-stream {@code {"stream","data"}} envelope) from the text the WebSocket or
 * a capture line hands over (copied into a reused char array, which reads faster than {@code charAt} through an
 * interface), into reusable state: the depth levels into one {@link DepthUpdateBuffer},
 * the rest into primitive fields, symbols into strings interned once per symbol. Decoding a message the venue sends
 * allocates nothing.
 *
 * <p>One grammar, two paths. The direct path reads the shapes Binance sends: unescaped strings, decimals quoted or
 * bare, integer ids, flat objects. Anything else (a REST snapshot, escapes, values nested deeper than 32 in fields we
 * ignore, decimals too long for the exact fast conversion, and every malformed or inconsistent message) is handed to
 * {@link BinanceMessageParser}, the Jackson reference, which either decodes it (allocating: these are rare) or
 * throws the {@link com.alphacast.core.feed.InputFormatException} naming source, line, column and what was wrong. So
 * errors and their counting are those of the reference by construction, and the direct path only has to agree with it
 * on what it accepts ({@code BinanceStreamDecoderTest} decodes every captured message both ways).
 *
 * <p>Decimal strings become doubles exactly as {@link StrictDecimal} would give them ({@link Double#parseDouble}): up
 * to 15 significant digits and 22 decimals, the value is {@code digits / 10^decimals}, one correctly rounded IEEE
 * division of two exact doubles, which is the correctly rounded value of the decimal; longer ones go through
 * {@link StrictDecimal}. Reusable, not thread-safe; the decoded state is valid until the next call.
 */
public final class BinanceStreamDecoder {

    /** What the last message was, and so which accessors hold it. */
    public enum Kind {
        /** {@link #depth()}. */
        DEPTH,
        /** {@link #updateId()}, {@link #bidPrice()}, {@link #bidQuantity()}, {@link #askPrice()}, {@link #askQuantity()}. */
        BOOK_TICKER,
        /** {@link #tradeId()}, {@link #tradeTimeMillis()}, {@link #price()}, {@link #quantity()}, {@link #buyerIsMaker()}. */
        TRADE,
        /** {@link #snapshot()}: REST snapshots are decoded by the reference parser (one per resync). */
        SNAPSHOT,
        /** {@link #eventType()}: an event the product does not use (kline, ...), kept so nothing is silently lost. */
        OTHER
    }

    private static final int MAX_SYMBOLS = 256;
    private static final int MAX_SKIPPED_DEPTH = 32;

    private final BinanceMessageParser reference = new BinanceMessageParser();
    private final DepthUpdateBuffer depthBuffer = new DepthUpdateBuffer();
    private final String[] symbols = new String[MAX_SYMBOLS];
    private int symbolCount;
    private long referenceDecodes;

    // the message being read, copied into a reused array (indexing it is cheaper than charAt through CharSequence)
    private char[] in = new char[4096];
    private int pos;
    private int end;

    // every field any supported message carries, as BinanceMessageParser's Fields (unset: -1 start, MIN_VALUE, NaN)
    private int streamStart;
    private int streamEnd;
    private int eventStart;
    private int eventEnd;
    private int symbolStart;
    private int symbolEnd;
    private long eventTime;
    private long tradeTime;
    private long first;
    private long last;
    private long previous;
    private long lastUpdateId;
    private long aggregateId;
    private long tradeIdField;
    private boolean hasBids;
    private boolean hasAsks;
    private double bidPriceField;
    private double bidQtyField;
    private double askPriceField;
    private double askQtyField;
    private double priceField;
    private double quantityField;
    private int buyerIsMakerField;
    // the token just read by value scanning: [tokenStart, tokenEnd) of a string's content or a number's text
    private int tokenStart;
    private int tokenEnd;
    private boolean tokenIsInteger;

    // the decoded message
    private Kind kind;
    private String symbol;
    private DepthUpdate depth;
    private long updateId;
    private double bidPrice;
    private double bidQuantity;
    private double askPrice;
    private double askQuantity;
    private long tradeId;
    private long tradeTimeMillis;
    private double price;
    private double quantity;
    private boolean buyerIsMaker;
    private String eventType;
    private DepthSnapshot snapshot;

    /** Decodes a whole frame or line; see {@link #decode(CharSequence, int, String, String, long)}. */
    public Kind decode(CharSequence json, String symbolHint, String source, long line) {
        return decode(json, 0, symbolHint, source, line);
    }

    /**
     * Decodes the JSON message that starts at {@code start} and runs to the end of {@code text} (a capture line after
     * its receive-time prefix, or a whole frame with {@code start} 0).
     *
     * @param symbolHint symbol for messages that do not carry one (REST snapshots), may be null
     * @param source     file or source name for errors
     * @param line       1-based line (or frame position) for errors; error columns count from the start of text
     * @throws com.alphacast.core.feed.InputFormatException naming what was wrong, as {@link BinanceMessageParser}
     */
    public Kind decode(CharSequence text, int start, String symbolHint, String source, long line) {
        end = text.length();
        if (in.length < end) {
            in = new char[Math.max(end, 2 * in.length)];
        }
        if (text instanceof String s) {
            s.getChars(start, end, in, start);
        } else {
            for (int i = start; i < end; i++) {
                in[i] = text.charAt(i);
            }
        }
        pos = start;
        resetFields();
        boolean direct = readRoot() && build(symbolHint);
        if (!direct) {
            referenceDecodes++;
            load(reference.parse(text.subSequence(start, end).toString(), symbolHint, source, line, start));
        }
        return kind;
    }

    // ---- direct path: returns false to hand the message to the reference parser ----

    private void resetFields() {
        streamStart = -1;
        eventStart = -1;
        symbolStart = -1;
        eventTime = Long.MIN_VALUE;
        tradeTime = Long.MIN_VALUE;
        first = Long.MIN_VALUE;
        last = Long.MIN_VALUE;
        previous = Long.MIN_VALUE;
        lastUpdateId = Long.MIN_VALUE;
        aggregateId = -1;
        tradeIdField = -1;
        hasBids = false;
        hasAsks = false;
        bidPriceField = Double.NaN;
        bidQtyField = Double.NaN;
        askPriceField = Double.NaN;
        askQtyField = Double.NaN;
        priceField = Double.NaN;
        quantityField = Double.NaN;
        buyerIsMakerField = -1;
        depthBuffer.clearBids();
        depthBuffer.clearAsks();
    }

    private boolean readRoot() {
        skipWhitespace();
        if (pos >= end || in[pos] != '{') {
            return false;
        }
        pos++;
        if (!readObject()) {
            return false;
        }
        skipWhitespace();
        return pos == end;
    }

    /** Reads the members of an object whose '{' was consumed, through its '}'. */
    private boolean readObject() {
        skipWhitespace();
        if (pos < end && in[pos] == '}') {
            pos++;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (!readString()) {
                return false;
            }
            int nameStart = tokenStart;
            int nameLength = tokenEnd - tokenStart;
            skipWhitespace();
            if (pos >= end || in[pos] != ':') {
                return false;
            }
            pos++;
            skipWhitespace();
            if (pos >= end || !readField(nameStart, nameLength)) {
                return false;
            }
            skipWhitespace();
            if (pos >= end) {
                return false;
            }
            char c = in[pos++];
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean readField(int name, int length) {
        char c0 = in[name];
        char v = in[pos];
        if (length == 1) {
            switch (c0) {
                case 'e':
                    return stringField(0);
                case 's':
                    return stringField(1);
                case 'E':
                    return (eventTime = integer()) != Long.MIN_VALUE;
                case 'T':
                    return (tradeTime = integer()) != Long.MIN_VALUE;
                case 't':
                    return (tradeIdField = integer()) != Long.MIN_VALUE;
                case 'U':
                    return (first = integer()) != Long.MIN_VALUE;
                case 'u':
                    return (last = integer()) != Long.MIN_VALUE;
                case 'b':
                    if (v == '[') {
                        hasBids = true;
                        return levels(true);
                    }
                    return !Double.isNaN(bidPriceField = decimal());
                case 'a':
                    if (v == '[') {
                        hasAsks = true;
                        return levels(false);
                    }
                    if (v != '"') {
                        if (!readNumber()) {
                            return false;
                        }
                        if (tokenIsInteger) {
                            return (aggregateId = integerToken()) != Long.MIN_VALUE;
                        }
                        return !Double.isNaN(askPriceField = decimalToken());
                    }
                    return !Double.isNaN(askPriceField = decimal());
                case 'B':
                    return !Double.isNaN(bidQtyField = decimal());
                case 'A':
                    return !Double.isNaN(askQtyField = decimal());
                case 'p':
                    return !Double.isNaN(priceField = decimal());
                case 'q':
                    return !Double.isNaN(quantityField = decimal());
                case 'm':
                    return (buyerIsMakerField = bool()) >= 0;
                default:
                    return skipValue();
            }
        }
        if (nameIs(name, length, "pu")) {
            return (previous = integer()) != Long.MIN_VALUE;
        }
        if (nameIs(name, length, "data")) {
            if (v != '{') {
                return false;
            }
            pos++;
            return readObject();
        }
        if (nameIs(name, length, "stream")) {
            return stringField(2);
        }
        if (nameIs(name, length, "symbol")) {
            return stringField(1);
        }
        if (nameIs(name, length, "bids")) {
            if (v != '[') {
                return !Double.isNaN(bidPriceField = decimal());
            }
            hasBids = true;
            return levels(true);
        }
        if (nameIs(name, length, "asks")) {
            if (v != '[') {
                return false; // a number here would be an aggregate id for the reference parser: leave it to it
            }
            hasAsks = true;
            return levels(false);
        }
        if (nameIs(name, length, "lastUpdateId")) {
            return (lastUpdateId = integer()) != Long.MIN_VALUE;
        }
        return skipValue();
    }

    private boolean nameIs(int name, int length, String expected) {
        if (length != expected.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (in[name + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @param which 0 event, 1 symbol, 2 stream */
    private boolean stringField(int which) {
        if (!readString()) {
            return false;
        }
        switch (which) {
            case 0 -> {
                eventStart = tokenStart;
                eventEnd = tokenEnd;
            }
            case 1 -> {
                symbolStart = tokenStart;
                symbolEnd = tokenEnd;
            }
            default -> {
                streamStart = tokenStart;
                streamEnd = tokenEnd;
            }
        }
        return true;
    }

    /** {@code [["price","qty"], ...]} into the depth buffer; any other shape or an invalid level: the reference. */
    private boolean levels(boolean bids) {
        pos++; // '['
        if (bids) {
            depthBuffer.clearBids();
        } else {
            depthBuffer.clearAsks();
        }
        skipWhitespace();
        if (pos < end && in[pos] == ']') {
            pos++;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (pos >= end || in[pos] != '[') {
                return false;
            }
            pos++;
            skipWhitespace();
            double p = decimal();
            if (Double.isNaN(p) || !separator(',')) {
                return false;
            }
            double q = decimal();
            if (Double.isNaN(q) || !separator(']')) {
                return false;
            }
            if (!(p > 0) || q < 0) {
                return false;
            }
            if (bids) {
                depthBuffer.addBid(p, q);
            } else {
                depthBuffer.addAsk(p, q);
            }
            skipWhitespace();
            if (pos >= end) {
                return false;
            }
            char c = in[pos++];
            if (c == ']') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean separator(char expected) {
        skipWhitespace();
        if (pos < end && in[pos] == expected) {
            pos++;
            skipWhitespace();
            return true;
        }
        return false;
    }

    /** A string without escapes or control characters; its content is [tokenStart, tokenEnd). */
    private boolean readString() {
        if (pos >= end || in[pos] != '"') {
            return false;
        }
        int i = pos + 1;
        while (i < end) {
            char c = in[i];
            if (c == '"') {
                tokenStart = pos + 1;
                tokenEnd = i;
                pos = i + 1;
                return true;
            }
            if (c == '\\' || c < 0x20) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** A JSON number ({@code -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?}) into [tokenStart, tokenEnd). */
    private boolean readNumber() {
        int i = pos;
        if (i < end && in[i] == '-') {
            i++;
        }
        if (i >= end) {
            return false;
        }
        char c = in[i];
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            while (i < end && isDigit(in[i])) {
                i++;
            }
        } else {
            return false;
        }
        boolean integer = true;
        if (i < end && in[i] == '.') {
            integer = false;
            int digits = ++i;
            while (i < end && isDigit(in[i])) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < end && (in[i] == 'e' || in[i] == 'E')) {
            integer = false;
            i++;
            if (i < end && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < end && isDigit(in[i])) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < end && !delimits(in[i])) {
            return false;
        }
        tokenStart = pos;
        tokenEnd = i;
        tokenIsInteger = integer;
        pos = i;
        return true;
    }

    private static boolean delimits(char c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** An integer id; Long.MIN_VALUE (which no id is) for anything else, including a quoted one. */
    private long integer() {
        if (!readNumber() || !tokenIsInteger) {
            return Long.MIN_VALUE;
        }
        return integerToken();
    }

    private long integerToken() {
        int i = tokenStart;
        boolean negative = in[i] == '-';
        if (negative) {
            i++;
        }
        if (tokenEnd - i > 18) {
            return Long.MIN_VALUE; // may not fit a long: the reference says what it makes of it
        }
        long v = 0;
        for (; i < tokenEnd; i++) {
            v = v * 10 + (in[i] - '0');
        }
        return negative ? -v : v;
    }

    /** A decimal, quoted or bare; NaN for anything StrictDecimal would not take (the reference then names it). */
    private double decimal() {
        if (pos >= end) {
            return Double.NaN;
        }
        if (in[pos] == '"') {
            return readString() ? decimalToken() : Double.NaN;
        }
        return readNumber() ? decimalToken() : Double.NaN;
    }

    private double decimalToken() {
        int i = tokenStart;
        int n = tokenEnd;
        if (n - i > StrictDecimal.MAX_LENGTH || n == i) {
            return Double.NaN;
        }
        boolean negative = false;
        char c = in[i];
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int decimals = 0;
        boolean point = false;
        for (; i < n; i++) {
            c = in[i];
            if (isDigit(c)) {
                digits++;
                if (point) {
                    decimals++;
                }
                if (mantissa != 0 || c != '0') {
                    significant++;
                }
                mantissa = mantissa * 10 + (c - '0');
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (i == n && digits > 0 && significant <= StrictDecimal.MAX_EXACT_DIGITS
                && decimals <= StrictDecimal.MAX_EXACT_SCALE) {
            double magnitude = StrictDecimal.exactValue(mantissa, -decimals);
            return negative ? -magnitude : magnitude;
        }
        // an exponent, more digits than a double holds exactly, or not a decimal at all
        return StrictDecimal.parseOrNaN(new String(in, tokenStart, tokenEnd - tokenStart));
    }

    /** 1 true, 0 false, -1 anything else. */
    private int bool() {
        if (matches("true")) {
            return 1;
        }
        if (matches("false")) {
            return 0;
        }
        return -1;
    }

    private boolean matches(String literal) {
        int n = literal.length();
        if (pos + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != literal.charAt(i)) {
                return false;
            }
        }
        if (pos + n < end && !delimits(in[pos + n])) {
            return false;
        }
        pos += n;
        return true;
    }

    /** A field we do not use (a kline's {@code k}, an aggTrade's {@code M}): skipped, checked as JSON. */
    private boolean skipValue() {
        return skipValue(0);
    }

    private boolean skipValue(int depth) {
        char c = in[pos];
        if (c == '"') {
            return readString();
        }
        if (c == 't' || c == 'f') {
            return bool() >= 0;
        }
        if (c == 'n') {
            return matches("null");
        }
        if (c == '{' || c == '[') {
            return depth < MAX_SKIPPED_DEPTH && skipContainer(c == '{' ? '}' : ']', depth + 1);
        }
        return readNumber();
    }

    /** The members or elements of an object or array whose opening bracket is at {@code pos}, through its close. */
    private boolean skipContainer(char close, int depth) {
        pos++;
        skipWhitespace();
        if (pos < end && in[pos] == close) {
            pos++;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (close == '}') {
                if (!readString() || !separator(':')) {
                    return false;
                }
            }
            if (pos >= end || !skipValue(depth)) {
                return false;
            }
            skipWhitespace();
            if (pos >= end) {
                return false;
            }
            char c = in[pos++];
            if (c == close) {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = in[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The message from the fields read, by the reference parser's rules; false leaves it to the reference. */
    private boolean build(String symbolHint) {
        if (lastUpdateId != Long.MIN_VALUE && hasBids && hasAsks) {
            return false; // a REST snapshot
        }
        String sym = symbolStart >= 0 ? intern(symbolStart, symbolEnd)
                : symbolHint != null ? internHint(symbolHint) : null;
        if (sym == null) {
            return false;
        }
        Kind event;
        if (eventStart >= 0) {
            event = eventIs("depthUpdate") ? Kind.DEPTH : eventIs("bookTicker") ? Kind.BOOK_TICKER
                    : eventIs("aggTrade") || eventIs("trade") ? Kind.TRADE : Kind.OTHER;
        } else if (streamContains("@bookTicker")
                || !Double.isNaN(bidQtyField) && !Double.isNaN(askQtyField) && last != Long.MIN_VALUE) {
            event = Kind.BOOK_TICKER;
        } else {
            event = Kind.OTHER;
        }
        switch (event) {
            case DEPTH -> {
                if (first == Long.MIN_VALUE || last == Long.MIN_VALUE || !hasBids || !hasAsks || last < first) {
                    return false;
                }
                depthBuffer.ids(sym, eventTime, first, last, previous == Long.MIN_VALUE ? -1 : previous);
                depth = depthBuffer;
            }
            case BOOK_TICKER -> {
                if (last == Long.MIN_VALUE || Double.isNaN(bidPriceField) || Double.isNaN(bidQtyField)
                        || Double.isNaN(askPriceField) || Double.isNaN(askQtyField)) {
                    return false;
                }
                updateId = last;
                bidPrice = bidPriceField;
                bidQuantity = bidQtyField;
                askPrice = askPriceField;
                askQuantity = askQtyField;
            }
            case TRADE -> {
                if (Double.isNaN(priceField) || Double.isNaN(quantityField) || buyerIsMakerField < 0
                        || tradeTime == Long.MIN_VALUE) {
                    return false;
                }
                tradeId = eventIs("trade") ? tradeIdField : aggregateId;
                tradeTimeMillis = tradeTime;
                price = priceField;
                quantity = quantityField;
                buyerIsMaker = buyerIsMakerField == 1;
            }
            default -> eventType = eventStart >= 0 ? new String(in, eventStart, eventEnd - eventStart) : "unknown";
        }
        kind = event;
        symbol = sym;
        return true;
    }

    private boolean eventIs(String name) {
        return nameIs(eventStart, eventEnd - eventStart, name);
    }

    private boolean streamContains(String part) {
        if (streamStart < 0) {
            return false;
        }
        int n = part.length();
        for (int i = streamStart; i + n <= streamEnd; i++) {
            if (nameIs(i, n, part)) {
                return true;
            }
        }
        return false;
    }

    /** The symbol upper-cased, one String per distinct symbol; null (reference path) for non-ASCII text. */
    private String intern(int from, int to) {
        int n = to - from;
        for (int k = 0; k < symbolCount; k++) {
            String known = symbols[k];
            if (known.length() == n && sameUpperCase(known, from)) {
                return known;
            }
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            char c = in[from + i];
            if (c >= 0x80) {
                return null; // Locale.ROOT upper-casing beyond ASCII: left to the reference
            }
            chars[i] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
        }
        return remember(new String(chars));
    }

    private boolean sameUpperCase(String known, int from) {
        for (int i = 0; i < known.length(); i++) {
            char c = in[from + i];
            if ((c >= 'a' && c <= 'z' ? (char) (c - 32) : c) != known.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String internHint(String hint) {
        for (int k = 0; k < symbolCount; k++) {
            if (symbols[k].equalsIgnoreCase(hint) && symbols[k].equals(hint.toUpperCase(Locale.ROOT))) {
                return symbols[k];
            }
        }
        return remember(hint.toUpperCase(Locale.ROOT));
    }

    private String remember(String symbolText) {
        if (symbolCount < MAX_SYMBOLS) {
            symbols[symbolCount++] = symbolText; // a feed follows a handful of symbols; more are decoded, not kept
        }
        return symbolText;
    }

    // ---- reference path ----

    private void load(BinanceMessage message) {
        symbol = message.symbol();
        if (message instanceof BinanceMessage.Depth d) {
            kind = Kind.DEPTH;
            depth = d.update();
        } else if (message instanceof BinanceMessage.BookTicker t) {
            kind = Kind.BOOK_TICKER;
            TopOfBook top = t.top();
            updateId = top.updateId();
            bidPrice = top.bidPrice();
            bidQuantity = top.bidQuantity();
            askPrice = top.askPrice();
            askQuantity = top.askQuantity();
        } else if (message instanceof BinanceMessage.AggTrade t) {
            kind = Kind.TRADE;
            tradeId = t.aggregateTradeId();
            tradeTimeMillis = t.tradeTimeMillis();
            price = t.price();
            quantity = t.quantity();
            buyerIsMaker = t.buyerIsMaker();
        } else if (message instanceof BinanceMessage.Snapshot s) {
            kind = Kind.SNAPSHOT;
            snapshot = s.snapshot();
        } else if (message instanceof BinanceMessage.Other o) {
            kind = Kind.OTHER;
            eventType = o.eventType();
        }
    }

    // ---- the decoded message ----

    public Kind kind() {
        return kind;
    }

    /** Upper-cased, the same String instance for every message of a symbol (map look-ups hash it once). */
    public String symbol() {
        return symbol;
    }

    /** {@link Kind#DEPTH}: valid until the next decode; keep {@link DepthUpdate#copy()}. */
    public DepthUpdate depth() {
        return depth;
    }

    /** {@link Kind#BOOK_TICKER}: the book update id {@code u} the best bid and ask are as of. */
    public long updateId() {
        return updateId;
    }

    public double bidPrice() {
        return bidPrice;
    }

    public double bidQuantity() {
        return bidQuantity;
    }

    public double askPrice() {
        return askPrice;
    }

    public double askQuantity() {
        return askQuantity;
    }

    /** {@link Kind#TRADE}: the aggregate trade id ({@code a}), or the trade id ({@code t}) of a single trade. */
    public long tradeId() {
        return tradeId;
    }

    public long tradeTimeMillis() {
        return tradeTimeMillis;
    }

    public double price() {
        return price;
    }

    public double quantity() {
        return quantity;
    }

    /** {@code m}: the resting order was the buyer's, so the aggressor was the seller. */
    public boolean buyerIsMaker() {
        return buyerIsMaker;
    }

    public Aggressor aggressor() {
        return buyerIsMaker ? Aggressor.SELL : Aggressor.BUY;
    }

    /** {@link Kind#OTHER}: the event type ({@code e}), or "unknown". */
    public String eventType() {
        return eventType;
    }

    /** {@link Kind#SNAPSHOT}. */
    public DepthSnapshot snapshot() {
        return snapshot;
    }

    /** Messages the direct path left to the reference parser (snapshots, unusual shapes, bad input), for tests. */
    public long referenceDecodes() {
        return referenceDecodes;
    }

    /** The decoded message as a value that may be kept (copies the depth levels): for callers holding messages. */
    public BinanceMessage message() {
        return switch (kind) {
            case DEPTH -> new BinanceMessage.Depth(depth.copy());
            case BOOK_TICKER -> new BinanceMessage.BookTicker(
                    new TopOfBook(symbol, updateId, bidPrice, bidQuantity, askPrice, askQuantity));
            case TRADE -> new BinanceMessage.AggTrade(symbol, tradeId, tradeTimeMillis, price, quantity, buyerIsMaker);
            case SNAPSHOT -> new BinanceMessage.Snapshot(snapshot);
            case OTHER -> new BinanceMessage.Other(symbol, eventType);
        };
    }
}
