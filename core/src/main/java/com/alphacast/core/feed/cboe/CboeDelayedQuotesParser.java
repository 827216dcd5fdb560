package com.alphacast.core.feed.cboe;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.StrictDecimal;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.OptionRight;
import com.alphacast.core.text.TerminalText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Parses CBOE's delayed-quotes option JSON ({@code https://cdn.cboe.com/api/global/delayed_quotes/options/<SYMBOL>.json},
 * {@code _SPX} style for indices), layout as in docs/analytics-conventions.md ("CBOE delayed-quotes JSON"):
 * <pre>{"timestamp": "2026-05-20 23:02:44",
 *  "data": {"symbol": "SPY", "current_price": 658.05, "close": ..., "last_trade_time": "2025-09-25T16:00:00",
 *           "options": [{"option": "SPY251001C00500000", "bid": .., "ask": .., "iv": .., "open_interest": 3856.0,
 *                        "volume": 63.0, "delta": .., "gamma": .., "last_trade_price": .., ...}, ...]}}</pre>
 * The spot is {@code data.current_price}, else {@code data.close}; the as-of time is {@code timestamp} read as UTC (the
 * CDN's generation time; CBOE does not document its zone), else {@code data.last_trade_time} read as New York time.
 * Every other field is ignored, so CBOE adding fields breaks nothing. A missing or null quote or greek is NaN (the
 * calculations then use Black–Scholes from IV), a missing volume or open interest is 0. Every problem is an
 * {@link InputFormatException} naming the source, line and column of the JSON text, with the same domains as the CSV
 * export ({@link CboeQuoteDataParser}): an unparseable or contradictory OCC symbol, a contract listed twice, a price,
 * IV, delta or gamma out of range, a fractional or negative count, no spot, no as-of time.
 */
public final class CboeDelayedQuotesParser {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final JsonFactory factory = new JsonFactory();

    public CboeQuoteData parse(Reader reader, String source) {
        Document d = new Document(source);
        try (JsonParser p = factory.createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw d.error(p, "not CBOE delayed-quotes JSON: expected an object {\"timestamp\", \"data\"}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "timestamp" -> d.timestamp(p, t);
                    case "data" -> {
                        if (t != JsonToken.START_OBJECT) {
                            throw d.error(p, "'data' must be an object");
                        }
                        d.readData(p);
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw d.error(p, "unexpected content after the JSON document");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputFormatException(source, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputFormatException(source, 1, 1, "unreadable JSON: " + e.getMessage(), e);
        }
        return d.build();
    }

    /** What one document holds, read field by field. */
    private static final class Document {
        private final String source;
        private ZonedDateTime timestamp;
        private ZonedDateTime lastTradeTime;
        private String symbol;
        private double currentPrice = Double.NaN;
        private double close = Double.NaN;
        private boolean sawOptions;
        private final List<RawContract> raw = new ArrayList<>();
        private final Map<String, long[]> firstPositionOfSymbol = new HashMap<>();
        private long endLine = 1;
        private long endColumn = 1;
        private final boolean[] deltaSeen = new boolean[2];
        private final boolean[] gammaSeen = new boolean[2];

        Document(String source) {
            this.source = source;
        }

        InputFormatException error(JsonParser p, String problem) {
            JsonLocation at = p.currentTokenLocation();
            return new InputFormatException(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
                    problem);
        }

        void timestamp(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            String text = t == JsonToken.VALUE_STRING ? p.getText() : null;
            try {
                if (text == null) {
                    throw new DateTimeParseException("not a string", "", 0);
                }
                timestamp = LocalDateTime.parse(text, TIMESTAMP).atOffset(ZoneOffset.UTC)
                        .atZoneSameInstant(NEW_YORK);
            } catch (DateTimeParseException e) {
                throw error(p, "'timestamp' must be 'yyyy-MM-dd HH:mm:ss' (UTC), was '"
                        + TerminalText.excerpt(p.getText()) + "'");
            }
        }

        void readData(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "symbol" -> symbol = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "current_price" -> currentPrice = number(p, t, "data.current_price", 0,
                            CboeQuoteDataParser.MAX_PRICE);
                    case "close" -> close = number(p, t, "data.close", 0, CboeQuoteDataParser.MAX_PRICE);
                    case "last_trade_time" -> lastTradeTime = localTime(p, t);
                    case "options" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw error(p, "'data.options' must be an array of contracts");
                        }
                        sawOptions = true;
                        int index = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() != JsonToken.START_OBJECT) {
                                throw error(p, "data.options[" + index + "] must be an object");
                            }
                            readOption(p, index++);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            JsonLocation end = p.currentTokenLocation();
            endLine = Math.max(1, end.getLineNr());
            endColumn = Math.max(1, end.getColumnNr());
        }

        private ZonedDateTime localTime(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                return null;
            }
            try {
                return LocalDateTime.parse(p.getText()).atZone(NEW_YORK);
            } catch (DateTimeParseException e) {
                throw error(p, "'data.last_trade_time' must be 'yyyy-MM-ddTHH:mm:ss' (New York time), was '"
                        + TerminalText.excerpt(p.getText()) + "'");
            }
        }

        private void readOption(JsonParser p, int index) throws IOException {
            String where = "data.options[" + index + "]";
            JsonLocation start = p.currentTokenLocation();
            RawContract c = new RawContract(start.getLineNr(), start.getColumnNr());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                String field = where + "." + name;
                switch (name) {
                    case "option" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            throw error(p, "'" + field + "' must be an OCC symbol string");
                        }
                        try {
                            c.symbol = OccSymbol.parse(p.getText());
                        } catch (IllegalArgumentException e) {
                            throw error(p, field + ": " + e.getMessage());
                        }
                    }
                    case "bid" -> c.bid = number(p, t, field, 0, CboeQuoteDataParser.MAX_PRICE);
                    case "ask" -> c.ask = number(p, t, field, 0, CboeQuoteDataParser.MAX_PRICE);
                    case "last_trade_price" -> c.last = number(p, t, field, 0, CboeQuoteDataParser.MAX_PRICE);
                    case "iv" -> c.iv = number(p, t, field, 0, CboeQuoteDataParser.MAX_IV);
                    case "delta" -> {
                        c.delta = number(p, t, field, -1, 1);
                        c.hasDelta = !Double.isNaN(c.delta);
                    }
                    case "gamma" -> {
                        c.gamma = number(p, t, field, 0, CboeQuoteDataParser.MAX_GAMMA);
                        c.hasGamma = !Double.isNaN(c.gamma);
                    }
                    case "volume" -> c.volume = whole(p, t, field);
                    case "open_interest" -> c.openInterest = whole(p, t, field);
                    default -> p.skipChildren();
                }
            }
            if (c.symbol == null) {
                throw new InputFormatException(source, Math.max(1, c.line), Math.max(1, c.column),
                        where + " has no 'option' (its OCC symbol)");
            }
            long[] first = firstPositionOfSymbol.putIfAbsent(c.symbol.compact(), new long[] {c.line, c.column});
            if (first != null) {
                throw new InputFormatException(source, Math.max(1, c.line), Math.max(1, c.column),
                        "contract " + c.symbol + " is listed twice (first at line " + first[0] + ", column "
                                + first[1] + "); a chain lists each contract once");
            }
            int right = c.symbol.right() == OptionRight.CALL ? 0 : 1;
            deltaSeen[right] |= c.hasDelta;
            gammaSeen[right] |= c.hasGamma;
            raw.add(c);
        }

        /** A JSON number (or a numeric string) within {@code [min, max]}; null or absent is NaN. */
        private double number(JsonParser p, JsonToken t, String field, double min, double max) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return Double.NaN;
            }
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_STRING) {
                throw error(p, "'" + field + "' must be a number, was " + t.asString());
            }
            String text = p.getText();
            if (t == JsonToken.VALUE_STRING && text.isBlank()) {
                return Double.NaN;
            }
            // the CSV export's parsing rule, so both files of one chain decode to the same doubles
            double v = StrictDecimal.parseOrNaN(text);
            if (!(v >= min && v <= max)) {
                throw error(p, "'" + field + "' must be a number within " + min + ".." + max + ", was '"
                        + TerminalText.excerpt(text) + "'");
            }
            return v;
        }

        private long whole(JsonParser p, JsonToken t, String field) throws IOException {
            double v = number(p, t, field, 0, CboeQuoteDataParser.MAX_CONTRACTS);
            if (Double.isNaN(v)) {
                return 0;
            }
            if (v != Math.rint(v)) {
                throw error(p, "'" + field + "' must be a whole number of contracts, was '"
                        + TerminalText.excerpt(p.getText()) + "'");
            }
            return (long) v;
        }

        CboeQuoteData build() {
            if (!sawOptions) {
                throw new InputFormatException(source, endLine, endColumn,
                        "not CBOE delayed-quotes JSON: no 'data.options' array");
            }
            double spot = currentPrice > 0 ? currentPrice : close;
            if (!(spot > 0)) {
                throw new InputFormatException(source, endLine, endColumn, "no spot: 'data.current_price' and "
                        + "'data.close' are both missing, null or zero");
            }
            ZonedDateTime asOfTime = timestamp != null ? timestamp : lastTradeTime;
            if (asOfTime == null) {
                throw new InputFormatException(source, endLine, endColumn, "no as-of time: neither 'timestamp' nor "
                        + "'data.last_trade_time' is given");
            }
            LocalDate asOf = asOfTime.toLocalDate();
            List<OptionContract> contracts = new ArrayList<>(raw.size());
            TreeSet<LocalDate> expired = new TreeSet<>();
            for (RawContract c : raw) {
                contracts.add(new OptionContract(c.symbol, c.last, c.bid, c.ask, c.volume, c.openInterest, c.iv,
                        c.delta, c.gamma));
                if (c.symbol.expiry().isBefore(asOf)) {
                    expired.add(c.symbol.expiry());
                }
            }
            String name = symbol != null && !symbol.isBlank() ? symbol.strip() : null;
            String underlying = name != null ? (name.startsWith("_") ? name.substring(1) : name)
                    : contracts.isEmpty() ? "" : contracts.get(0).symbol().root();
            if (underlying.isEmpty()) {
                throw new InputFormatException(source, endLine, endColumn,
                        "no underlying: 'data.symbol' is missing and there are no contracts");
            }
            List<String> missing = new ArrayList<>();
            if (!raw.isEmpty()) {
                String[] rights = {"calls", "puts"};
                for (int r = 0; r < 2; r++) {
                    if (!deltaSeen[r]) {
                        missing.add("Delta (" + rights[r] + ")");
                    }
                }
                for (int r = 0; r < 2; r++) {
                    if (!gammaSeen[r]) {
                        missing.add("Gamma (" + rights[r] + ")");
                    }
                }
            }
            OptionChain chain = new OptionChain(underlying, spot, asOf, asOfTime, contracts);
            return new CboeQuoteData(name != null ? name : underlying, asOfTime, chain, raw.size(), expired,
                    missing);
        }
    }

    /** One contract as read, before the chain's as-of date is known. */
    private static final class RawContract {
        final long line;
        final long column;
        OccSymbol symbol;
        double bid = Double.NaN;
        double ask = Double.NaN;
        double last = Double.NaN;
        double iv = Double.NaN;
        double delta = Double.NaN;
        double gamma = Double.NaN;
        boolean hasDelta;
        boolean hasGamma;
        long volume;
        long openInterest;

        RawContract(long line, long column) {
            this.line = line;
            this.column = column;
        }
    }
}
