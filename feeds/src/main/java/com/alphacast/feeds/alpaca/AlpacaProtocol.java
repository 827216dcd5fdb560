package com.alphacast.feeds.alpaca;

import com.alphacast.core.text.TerminalText;
import com.alphacast.feeds.keyed.StreamCredentials;
import com.alphacast.feeds.keyed.StreamMessages;
import com.alphacast.feeds.keyed.StreamProtocol;
import com.alphacast.feeds.keyed.VenueJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Alpaca's real-time stock data stream ({@code wss://stream.data.alpaca.markets/v2/{feed}}), JSON encoding. The
 * client authenticates with {@code {"action":"auth","key","secret"}} after the {@code [{"T":"success","msg":
 * "connected"}]} welcome and subscribes with {@code {"action":"subscribe","trades":[..],"quotes":[..]}}. Every frame is
 * an array of messages told apart by {@code T}: {@code success}, {@code error} ({@code code}, {@code msg}),
 * {@code subscription}, {@code t} (trade: {@code S}, {@code i} id, {@code x} exchange, {@code p}, {@code s},
 * {@code t} RFC-3339 time with nanoseconds, {@code c} conditions, {@code z} tape) and {@code q} (quote: {@code bx},
 * {@code bp}, {@code bs}, {@code ax}, {@code ap}, {@code as}, {@code t}, {@code c}, {@code z}); the trade and quote
 * fields are the Market Data API's {@code stock_trade} and {@code stock_quote} schemas.
 *
 * <p>Order: Alpaca's trade id is the reporting exchange's, so trades are sequenced per exchange ({@code x}); quotes
 * carry no id and are sequenced by their nanosecond timestamp. Errors 401, 402 and 404 are about the credentials
 * (not authenticated, auth failed, auth timeout); 406 is the connection limit; every error ends the connection.
 *
 * <p>REST: {@code GET /v2/stocks/quotes/latest?symbols=A,B} with the {@code APCA-API-KEY-ID} and
 * {@code APCA-API-SECRET-KEY} headers answers {@code {"quotes": {"A": stock_quote, ...}}}.
 */
public final class AlpacaProtocol implements StreamProtocol {

    private final VenueJson json = new VenueJson("alpaca frame");

    @Override
    public String venue() {
        return "Alpaca";
    }

    @Override
    public String authMessage(StreamCredentials credentials) {
        return "{\"action\":\"auth\",\"key\":\"" + VenueJson.quoted(credentials.keyId()) + "\",\"secret\":\""
                + VenueJson.quoted(credentials.secret()) + "\"}";
    }

    @Override
    public String subscribeMessage(List<String> symbols) {
        StringBuilder list = new StringBuilder("[");
        for (String s : symbols) {
            list.append(list.length() > 1 ? "," : "").append('"').append(VenueJson.quoted(s)).append('"');
        }
        list.append(']');
        return "{\"action\":\"subscribe\",\"trades\":" + list + ",\"quotes\":" + list + "}";
    }

    @Override
    public List<HttpRequest> latestQuoteRequests(URI restBase, List<String> symbols, StreamCredentials credentials,
                                                 Duration timeout) {
        URI uri = URI.create(VenueJson.withoutTrailingSlash(restBase) + "/v2/stocks/quotes/latest?symbols="
                + URLEncoder.encode(String.join(",", symbols), StandardCharsets.UTF_8));
        return List.of(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("APCA-API-KEY-ID", credentials.keyId())
                .header("APCA-API-SECRET-KEY", credentials.secret())
                .header("Accept", "application/json").GET().build());
    }

    @Override
    public void decodeLatestQuotes(String body, LatestQuotes out) {
        json.decodeObjectField(body, "alpaca latest quotes", "quotes", "latest quotes", p -> {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String symbol = p.currentName();
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw json.error(0, p, "quote of " + TerminalText.excerpt(symbol) + " must be an object");
                }
                latestQuote(symbol, p, out);
            }
        });
    }

    private void latestQuote(String symbol, JsonParser p, LatestQuotes out) throws IOException {
        Fields f = new Fields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "t" -> f.time = json.text(p, name, 0);
                case "bp" -> f.bidPrice = json.number(p, name, 0);
                case "bs" -> f.bidSize = json.number(p, name, 0);
                case "ap" -> f.askPrice = json.number(p, name, 0);
                case "as" -> f.askSize = json.number(p, name, 0);
                default -> p.skipChildren();
            }
        }
        json.require(!Double.isNaN(f.bidPrice) && !Double.isNaN(f.bidSize) && !Double.isNaN(f.askPrice)
                && !Double.isNaN(f.askSize) && f.time != null, 0, p, "latest quote without bp, bs, ap, as and t");
        long nanos = nanos(f.time, 0, p);
        out.quote(symbol, nanos, nanos, f.bidPrice, f.bidSize, f.askPrice, f.askSize);
    }

    @Override
    public void decode(String frame, long position, StreamMessages out) {
        json.decodeArray(frame, position, "message", p -> message(p, position, out));
    }

    private void message(JsonParser p, long position, StreamMessages out) throws IOException {
        Fields f = new Fields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "T" -> f.type = json.text(p, name, position);
                case "S" -> f.symbol = json.text(p, name, position);
                case "msg" -> f.msg = json.text(p, name, position);
                case "code" -> f.code = json.integer(p, name, position);
                case "i" -> f.id = json.integer(p, name, position);
                case "x" -> f.exchange = json.text(p, name, position);
                case "p" -> f.price = json.number(p, name, position);
                case "s" -> f.size = json.number(p, name, position);
                case "t" -> f.time = json.text(p, name, position);
                case "bp" -> f.bidPrice = json.number(p, name, position);
                case "bs" -> f.bidSize = json.number(p, name, position);
                case "ap" -> f.askPrice = json.number(p, name, position);
                case "as" -> f.askSize = json.number(p, name, position);
                case "trades" -> f.trades = v == JsonToken.START_ARRAY ? listText(p) : null;
                case "quotes" -> f.quotes = v == JsonToken.START_ARRAY ? listText(p) : null;
                default -> p.skipChildren(); // c, z, bx, ax, u and the subscription's other lists
            }
        }
        if (f.type == null) {
            throw json.error(position, p, "message without a type ('T')");
        }
        switch (f.type) {
            case "success" -> {
                if ("connected".equals(f.msg)) {
                    out.welcomed();
                } else if ("authenticated".equals(f.msg)) {
                    out.authenticated();
                } else {
                    out.unknown("success message '" + TerminalText.excerpt(String.valueOf(f.msg)) + "'");
                }
            }
            case "error" -> out.refused(TerminalText.excerpt(String.valueOf(f.msg)) + " (code " + f.code + ")",
                    f.code == 401 || f.code == 402 || f.code == 404);
            case "subscription" -> out.subscribed("trades " + f.trades + ", quotes " + f.quotes);
            case "t" -> {
                json.require(f.symbol != null && f.id != Long.MIN_VALUE && f.exchange != null && !f.exchange.isEmpty()
                        && !Double.isNaN(f.price) && !Double.isNaN(f.size) && f.time != null, position, p,
                        "trade without S, i, x, p, s and t");
                out.trade(f.symbol, nanos(f.time, position, p), f.exchange.charAt(0), f.id, f.id, f.price, f.size);
            }
            case "q" -> {
                json.require(f.symbol != null && !Double.isNaN(f.bidPrice) && !Double.isNaN(f.bidSize)
                        && !Double.isNaN(f.askPrice) && !Double.isNaN(f.askSize) && f.time != null, position, p,
                        "quote without S, bp, bs, ap, as and t");
                long nanos = nanos(f.time, position, p);
                out.quote(f.symbol, nanos, nanos, f.bidPrice, f.bidSize, f.askPrice, f.askSize);
            }
            // Corrections (c) and cancel errors (x) come with every trades subscription; the listener has no way to
            // amend a trade already counted, so they are reported and passed over like any other unused type.
            default -> out.unknown("message type '" + TerminalText.excerpt(f.type) + "'"
                    + (f.symbol == null ? "" : " for " + TerminalText.excerpt(f.symbol)));
        }
    }

    private static List<String> listText(JsonParser p) throws IOException {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getValueAsString());
            p.skipChildren();
        }
        return out;
    }

    private long nanos(String rfc3339, long position, JsonParser p) {
        try {
            Instant i = Instant.parse(rfc3339);
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        } catch (DateTimeParseException e) {
            throw json.error(position, p, "'t' is not an RFC-3339 time: '" + TerminalText.excerpt(rfc3339) + "'");
        }
    }

    private static final class Fields {
        String type;
        String symbol;
        String msg;
        long code = Long.MIN_VALUE;
        long id = Long.MIN_VALUE;
        String exchange;
        double price = Double.NaN;
        double size = Double.NaN;
        String time;
        double bidPrice = Double.NaN;
        double bidSize = Double.NaN;
        double askPrice = Double.NaN;
        double askSize = Double.NaN;
        List<String> trades;
        List<String> quotes;
    }
}
