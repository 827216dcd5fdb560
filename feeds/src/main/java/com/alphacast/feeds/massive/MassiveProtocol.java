package com.alphacast.feeds.massive;

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
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Massive's (formerly Polygon.io) stocks WebSocket ({@code wss://socket.massive.com/stocks}), per its WebSocket spec:
 * after the {@code status} welcome the client sends {@code {"action":"auth","params":KEY}}, gets {@code auth_success}
 * (or {@code auth_failed} / {@code auth_timeout}), subscribes with {@code {"action":"subscribe","params":
 * "T.SPY,Q.SPY"}} and gets one {@code success} status per channel. Every frame is an array of events told apart by
 * {@code ev}: {@code status}, {@code T} (trade: {@code sym}, {@code x}, {@code i} id as a string, {@code z},
 * {@code p}, {@code s}, {@code c}, {@code t} SIP time in Unix ms, {@code q} sequence) and {@code Q} (quote:
 * {@code bx}, {@code bp}, {@code bs}, {@code ax}, {@code ap}, {@code as}, {@code c}, {@code i}, {@code t}, {@code q},
 * {@code z}).
 *
 * <p>Order: {@code q} is "increasing and unique per ticker symbol", so it sequences trades and quotes each. Quote sizes
 * are round lots in the spec ("a bid size of 2 means 200 shares") and are passed on in shares. The statuses
 * {@code max_connections}, {@code force_disconnect} and {@code slow_consumer} announce that Massive is closing the
 * connection.
 *
 * <p>REST: {@code GET /v2/last/nbbo/{ticker}?apiKey=KEY} answers {@code {"results": {"T", "p" bid, "s" bid lots,
 * "P" ask, "S" ask lots, "t" SIP time in ns, "q"}, "status": "OK"}}, one request per symbol.
 */
public final class MassiveProtocol implements StreamProtocol {

    /** Shares in a round lot, the unit of the spec's quote sizes. */
    static final int ROUND_LOT = 100;

    private final VenueJson json = new VenueJson("massive frame");

    @Override
    public String venue() {
        return "Massive";
    }

    @Override
    public String authMessage(StreamCredentials credentials) {
        return "{\"action\":\"auth\",\"params\":\"" + VenueJson.quoted(credentials.keyId()) + "\"}";
    }

    @Override
    public String subscribeMessage(List<String> symbols) {
        StringJoiner channels = new StringJoiner(",");
        for (String s : symbols) {
            channels.add("T." + s).add("Q." + s);
        }
        return "{\"action\":\"subscribe\",\"params\":\"" + VenueJson.quoted(channels.toString()) + "\"}";
    }

    @Override
    public List<HttpRequest> latestQuoteRequests(URI restBase, List<String> symbols, StreamCredentials credentials,
                                                 Duration timeout) {
        String base = VenueJson.withoutTrailingSlash(restBase);
        List<HttpRequest> out = new ArrayList<>();
        for (String s : symbols) {
            // the spec's security scheme is the apiKey query parameter: the URI carries the key and is never logged
            out.add(HttpRequest.newBuilder(URI.create(base + "/v2/last/nbbo/"
                            + URLEncoder.encode(s, StandardCharsets.UTF_8) + "?apiKey="
                            + URLEncoder.encode(credentials.keyId(), StandardCharsets.UTF_8)))
                    .timeout(timeout).header("Accept", "application/json").GET().build());
        }
        return out;
    }

    @Override
    public void decodeLatestQuotes(String body, LatestQuotes out) {
        json.decodeObjectField(body, "massive last nbbo", "results", "last NBBO", p -> latestQuote(p, out));
    }

    private void latestQuote(JsonParser p, LatestQuotes out) throws IOException {
        String symbol = null;
        double bid = Double.NaN;
        double bidLots = Double.NaN;
        double ask = Double.NaN;
        double askLots = Double.NaN;
        long time = Long.MIN_VALUE;
        long sequence = Long.MIN_VALUE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "T" -> symbol = json.text(p, name, 0);
                case "p" -> bid = json.number(p, name, 0);
                case "s" -> bidLots = json.number(p, name, 0);
                case "P" -> ask = json.number(p, name, 0);
                case "S" -> askLots = json.number(p, name, 0);
                case "t" -> time = json.integer(p, name, 0);
                case "q" -> sequence = json.integer(p, name, 0);
                default -> p.skipChildren();
            }
        }
        json.require(symbol != null && !Double.isNaN(bid) && !Double.isNaN(bidLots) && !Double.isNaN(ask)
                && !Double.isNaN(askLots) && time != Long.MIN_VALUE && sequence != Long.MIN_VALUE, 0, p,
                "last NBBO without T, p, s, P, S, t and q");
        out.quote(symbol, time, sequence, bid, bidLots * ROUND_LOT, ask, askLots * ROUND_LOT);
    }

    @Override
    public void decode(String frame, long position, StreamMessages out) {
        json.decodeArray(frame, position, "event", p -> event(p, position, out));
    }

    private void event(JsonParser p, long position, StreamMessages out) throws IOException {
        Fields f = new Fields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "ev" -> f.event = json.text(p, name, position);
                case "status" -> f.status = json.text(p, name, position);
                case "message" -> f.message = json.text(p, name, position);
                case "sym" -> f.symbol = json.text(p, name, position);
                case "i" -> f.id = p.currentToken() == JsonToken.START_ARRAY ? skip(p) : json.text(p, name, position);
                case "p" -> f.price = json.number(p, name, position);
                case "s" -> f.size = json.number(p, name, position);
                case "t" -> f.time = json.integer(p, name, position);
                case "q" -> f.sequence = json.integer(p, name, position);
                case "bp" -> f.bidPrice = json.number(p, name, position);
                case "bs" -> f.bidSize = json.number(p, name, position);
                case "ap" -> f.askPrice = json.number(p, name, position);
                case "as" -> f.askSize = json.number(p, name, position);
                default -> p.skipChildren(); // x, z, c, bx, ax, trfi, trft
            }
        }
        if (f.event == null) {
            throw json.error(position, p, "event without a type ('ev')");
        }
        switch (f.event) {
            case "status" -> status(f, out);
            case "T" -> {
                json.require(f.symbol != null && f.id != null && !Double.isNaN(f.price) && !Double.isNaN(f.size)
                        && f.time != Long.MIN_VALUE && f.sequence != Long.MIN_VALUE, position, p,
                        "trade without sym, i, p, s, t and q");
                out.trade(f.symbol, f.time * 1_000_000L, 0, f.sequence, tradeId(f.id, f.sequence), f.price, f.size);
            }
            case "Q" -> {
                json.require(f.symbol != null && !Double.isNaN(f.bidPrice) && !Double.isNaN(f.bidSize)
                        && !Double.isNaN(f.askPrice) && !Double.isNaN(f.askSize) && f.time != Long.MIN_VALUE
                        && f.sequence != Long.MIN_VALUE, position, p, "quote without sym, bp, bs, ap, as, t and q");
                out.quote(f.symbol, f.time * 1_000_000L, f.sequence, f.bidPrice, f.bidSize * ROUND_LOT, f.askPrice,
                        f.askSize * ROUND_LOT);
            }
            default -> out.unknown("event type '" + TerminalText.excerpt(f.event) + "'"
                    + (f.symbol == null ? "" : " for " + TerminalText.excerpt(f.symbol)));
        }
    }

    private static void status(Fields f, StreamMessages out) {
        String status = String.valueOf(f.status);
        String message = TerminalText.excerpt(String.valueOf(f.message));
        switch (status) {
            case "connected" -> out.welcomed();
            case "auth_success" -> out.authenticated();
            case "auth_failed", "auth_timeout", "auth_required" -> out.refused(status + ": " + message, true);
            case "max_connections", "force_disconnect", "slow_consumer", "error" ->
                    out.refused(status + ": " + message, false);
            case "success" -> {
                // The spec words both the welcome and a subscription's acknowledgement as "success".
                if (message.startsWith("subscribed to")) {
                    out.subscribed(message);
                } else if (message.startsWith("Connected")) {
                    out.welcomed();
                } else {
                    out.unknown("status success '" + message + "'");
                }
            }
            default -> out.unknown("status '" + TerminalText.excerpt(status) + "': " + message);
        }
    }

    /** The trade id as a number when Massive's string is one (it usually is), else the sequence number. */
    private static long tradeId(String id, long sequence) {
        if (!id.isEmpty() && id.length() <= 18 && id.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(id);
        }
        return sequence;
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren(); // on quotes 'i' is the list of indicators, not an id
        return null;
    }

    private static final class Fields {
        String event;
        String status;
        String message;
        String symbol;
        String id;
        double price = Double.NaN;
        double size = Double.NaN;
        long time = Long.MIN_VALUE;
        long sequence = Long.MIN_VALUE;
        double bidPrice = Double.NaN;
        double bidSize = Double.NaN;
        double askPrice = Double.NaN;
        double askSize = Double.NaN;
    }
}
