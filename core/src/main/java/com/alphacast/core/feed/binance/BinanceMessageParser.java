package com.alphacast.core.feed.binance;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.TopOfBook;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.StrictDecimal;
import com.alphacast.core.text.TerminalText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes one Binance market-data JSON message (raw or wrapped in a combined-stream {@code {"stream","data"}} envelope)
 * with Jackson's streaming parser: {@code depthUpdate}, {@code bookTicker}, {@code aggTrade}, REST depth snapshots,
 * {@code trade} (as an {@link BinanceMessage.AggTrade} of one trade), and any other event as
 * {@link BinanceMessage.Other}. Prices and quantities arrive as decimal strings and are parsed
 * with {@link Double#parseDouble}, so two messages quoting the same decimal give bit-identical doubles.
 * The reference decoder: {@link BinanceStreamDecoder}, which the live source and the replay run, decodes the messages
 * the venue sends without allocating and hands everything else (REST snapshots, unusual shapes, bad input) here, so
 * errors are named in one place. Reusable, not thread-safe.
 */
public final class BinanceMessageParser {

    private final JsonFactory factory = new JsonFactory();

    /**
     * @param json         the message text
     * @param symbolHint   symbol for messages that do not carry one (REST snapshots), may be null
     * @param source       file name for errors
     * @param line         1-based line for errors
     * @param columnOffset characters before the JSON on that line, so error columns point into the file
     */
    public BinanceMessage parse(String json, String symbolHint, String source, long line, int columnOffset) {
        Fields f = new Fields();
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputFormatException(source, line, columnOffset + 1, "expected a JSON object");
            }
            readObject(p, f, source, line, columnOffset);
            if (p.nextToken() != null) {
                throw new InputFormatException(source, line, columnOffset + column(p),
                        "unexpected content after the JSON message");
            }
        } catch (JsonProcessingException e) {
            long col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            throw new InputFormatException(source, line, columnOffset + col,
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputFormatException(source, line, columnOffset + 1, "unreadable JSON: " + e.getMessage(), e);
        }
        try {
            return build(f, symbolHint, source, line, columnOffset);
        } catch (IllegalArgumentException e) {
            // a message whose fields are each well-formed but contradict each other (e.g. first id > final id)
            throw new InputFormatException(source, line, columnOffset + 1, "inconsistent message: " + e.getMessage(),
                    e);
        }
    }

    private static int column(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getColumnNr());
    }

    private void readObject(JsonParser p, Fields f, String source, long line, int offset) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "data" -> {
                    if (t != JsonToken.START_OBJECT) {
                        throw new InputFormatException(source, line, offset + column(p), "'data' must be an object");
                    }
                    readObject(p, f, source, line, offset);
                }
                case "stream" -> f.stream = p.getValueAsString();
                case "e" -> f.event = p.getValueAsString();
                case "s", "symbol" -> f.symbol = p.getValueAsString();
                case "E" -> f.eventTime = p.getValueAsLong();
                case "T" -> f.tradeTime = p.getValueAsLong();
                case "t" -> f.tradeId = p.getValueAsLong(-1);
                case "U" -> f.first = longValue(p, name, source, line, offset);
                case "u" -> f.last = longValue(p, name, source, line, offset);
                case "pu" -> f.previous = longValue(p, name, source, line, offset);
                case "lastUpdateId" -> f.lastUpdateId = longValue(p, name, source, line, offset);
                case "b", "bids" -> {
                    if (t == JsonToken.START_ARRAY) {
                        f.bids = levels(p, source, line, offset);
                    } else {
                        f.bidPrice = decimal(p, name, source, line, offset);
                    }
                }
                case "a", "asks" -> {
                    if (t == JsonToken.START_ARRAY) {
                        f.asks = levels(p, source, line, offset);
                    } else if (t == JsonToken.VALUE_NUMBER_INT) {
                        f.aggregateId = p.getLongValue();
                    } else {
                        f.askPrice = decimal(p, name, source, line, offset);
                    }
                }
                case "B" -> f.bidQty = decimal(p, name, source, line, offset);
                case "A" -> f.askQty = decimal(p, name, source, line, offset);
                case "p" -> f.price = decimal(p, name, source, line, offset);
                case "q" -> f.quantity = decimal(p, name, source, line, offset);
                case "m" -> {
                    if (!t.isBoolean()) {
                        throw new InputFormatException(source, line, offset + column(p), "'m' must be true or false");
                    }
                    f.buyerIsMaker = p.getBooleanValue() ? 1 : 0;
                }
                default -> p.skipChildren();
            }
        }
    }

    private static long longValue(JsonParser p, String name, String source, long line, int offset)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new InputFormatException(source, line, offset + column(p),
                "'" + name + "' must be an integer update id, was " + TerminalText.excerpt(p.getText()));
    }

    private static double decimal(JsonParser p, String name, String source, long line, int offset)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            String text = p.getText();
            double v = StrictDecimal.parseOrNaN(text);
            if (!Double.isNaN(v)) {
                return v;
            }
            throw new InputFormatException(source, line, offset + column(p),
                    "'" + name + "' is not a decimal number: '" + TerminalText.excerpt(text) + "'");
        }
        throw new InputFormatException(source, line, offset + column(p),
                "'" + name + "' must be a decimal string, was " + t);
    }

    /** Reads {@code [["price","qty"], ...]} into one array of alternating price, quantity. */
    private static double[] levels(JsonParser p, String source, long line, int offset) throws IOException {
        double[] out = new double[32];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
            if (p.nextToken() == JsonToken.END_ARRAY) {
                throw new InputFormatException(source, line, offset + column(p), "empty price level");
            }
            double price = decimal(p, "price", source, line, offset);
            if (p.nextToken() == JsonToken.END_ARRAY) {
                throw new InputFormatException(source, line, offset + column(p), "price level without a quantity");
            }
            double qty = decimal(p, "quantity", source, line, offset);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren(); // tolerate extra elements (old API versions carried an ignored third field)
            }
            if (!(price > 0) || qty < 0) {
                throw new InputFormatException(source, line, offset + column(p),
                        "invalid price level [" + price + ", " + qty + "]");
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = price;
            out[n++] = qty;
        }
        if (t != JsonToken.END_ARRAY) {
            throw new InputFormatException(source, line, offset + column(p), "expected [price, quantity] pairs");
        }
        return Arrays.copyOf(out, n);
    }

    private static BinanceMessage build(Fields f, String symbolHint, String source, long line, int offset) {
        String symbol = f.symbol != null ? f.symbol.toUpperCase(Locale.ROOT)
                : symbolHint != null ? symbolHint.toUpperCase(Locale.ROOT) : null;
        if (f.lastUpdateId != Long.MIN_VALUE && f.bids != null && f.asks != null) {
            if (symbol == null) {
                throw new InputFormatException(source, line, offset + 1,
                        "depth snapshot without a symbol (no symbol= in its URL): pass the symbol explicitly");
            }
            return new BinanceMessage.Snapshot(new DepthSnapshot(symbol, f.lastUpdateId,
                    prices(f.bids), quantities(f.bids), prices(f.asks), quantities(f.asks)));
        }
        if (symbol == null) {
            throw new InputFormatException(source, line, offset + 1, "message without a symbol ('s')");
        }
        String event = f.event != null ? f.event : f.stream != null && f.stream.contains("@bookTicker")
                ? "bookTicker" : f.bidQty == f.bidQty && f.askQty == f.askQty && f.last != Long.MIN_VALUE
                ? "bookTicker" : "unknown";
        switch (event) {
            case "depthUpdate" -> {
                require(f.first != Long.MIN_VALUE && f.last != Long.MIN_VALUE && f.bids != null && f.asks != null,
                        "depthUpdate needs U, u, b and a", source, line, offset);
                return new BinanceMessage.Depth(DepthUpdate.of(symbol, f.eventTime, f.first, f.last,
                        f.previous == Long.MIN_VALUE ? -1 : f.previous,
                        prices(f.bids), quantities(f.bids), prices(f.asks), quantities(f.asks)));
            }
            case "bookTicker" -> {
                require(f.last != Long.MIN_VALUE && !Double.isNaN(f.bidPrice) && !Double.isNaN(f.bidQty)
                                && !Double.isNaN(f.askPrice) && !Double.isNaN(f.askQty),
                        "bookTicker needs u, b, B, a and A", source, line, offset);
                return new BinanceMessage.BookTicker(
                        new TopOfBook(symbol, f.last, f.bidPrice, f.bidQty, f.askPrice, f.askQty));
            }
            case "aggTrade", "trade" -> {
                require(!Double.isNaN(f.price) && !Double.isNaN(f.quantity) && f.buyerIsMaker >= 0
                                && f.tradeTime != Long.MIN_VALUE,
                        event + " needs p, q, T and m", source, line, offset);
                return new BinanceMessage.AggTrade(symbol, event.equals("trade") ? f.tradeId : f.aggregateId,
                        f.tradeTime, f.price, f.quantity, f.buyerIsMaker == 1);
            }
            default -> {
                return new BinanceMessage.Other(symbol, event);
            }
        }
    }

    private static void require(boolean ok, String problem, String source, long line, int offset) {
        if (!ok) {
            throw new InputFormatException(source, line, offset + 1, problem);
        }
    }

    private static double[] prices(double[] pairs) {
        double[] out = new double[pairs.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = pairs[2 * i];
        }
        return out;
    }

    private static double[] quantities(double[] pairs) {
        double[] out = new double[pairs.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = pairs[2 * i + 1];
        }
        return out;
    }

    /** Every field any supported message can carry; unset values are MIN_VALUE / NaN / null. */
    private static final class Fields {
        String stream;
        String event;
        String symbol;
        long eventTime = Long.MIN_VALUE;
        long tradeTime = Long.MIN_VALUE;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        long lastUpdateId = Long.MIN_VALUE;
        long aggregateId = -1;
        long tradeId = -1;
        double[] bids;
        double[] asks;
        double bidPrice = Double.NaN;
        double bidQty = Double.NaN;
        double askPrice = Double.NaN;
        double askQty = Double.NaN;
        double price = Double.NaN;
        double quantity = Double.NaN;
        int buyerIsMaker = -1;
    }
}
