package com.alphacast.feeds.massive;

import com.alphacast.feeds.fixtures.EventLog;
import com.alphacast.feeds.fixtures.JsonTree;
import com.alphacast.feeds.keyed.KeyedFeedSettings;
import com.alphacast.feeds.keyed.KeyedVenueContract;
import com.alphacast.feeds.loopback.LoopbackQuoteServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MassiveFeedSource} against a loopback server speaking Massive's stocks WebSocket. */
class MassiveFeedSourceTest extends KeyedVenueContract {

    MassiveFeedSourceTest() {
        super("massive", List.of("MSFT", "SPY"));
    }

    @Override
    protected MassiveFeedSource create(KeyedFeedSettings settings) {
        return new MassiveFeedSource(settings, HttpClient.newHttpClient(), Clock.systemUTC(), new Random(5));
    }

    @Override
    protected String welcome() {
        return "[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]";
    }

    @Override
    protected void assertAuthRequest(String request) {
        assertThat(JsonTree.parse(request)).isEqualTo(Map.of("action", "auth", "params", CREDENTIALS.keyId()));
    }

    @Override
    protected String authAccepted() {
        return "[{\"ev\":\"status\",\"status\":\"auth_success\",\"message\":\"authenticated\"}]";
    }

    @Override
    protected String authRefused() {
        return "[{\"ev\":\"status\",\"status\":\"auth_failed\",\"message\":\"authentication failed\"}]";
    }

    @Override
    protected String authRefusedWords() {
        return "auth_failed: authentication failed";
    }

    @Override
    protected void assertSubscribeRequest(String request) {
        assertThat(JsonTree.parse(request)).isEqualTo(Map.of("action", "subscribe",
                "params", "T.MSFT,Q.MSFT,T.SPY,Q.SPY"));
    }

    @Override
    protected List<String> subscribeAcks() {
        return List.of("T.MSFT", "Q.MSFT", "T.SPY", "Q.SPY").stream()
                .map(ch -> "[{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: " + ch + "\"}]")
                .toList();
    }

    @Override
    protected String expectedEvent(Map<String, Object> m) {
        long nanos = ((Number) m.get("t")).longValue() * 1_000_000L;
        return switch ((String) m.get("ev")) {
            case "T" -> EventLog.trade((String) m.get("sym"), nanos, number(m.get("p")), number(m.get("s")));
            // quote sizes are round lots of 100 shares in the spec
            case "Q" -> EventLog.quote((String) m.get("sym"), nanos, number(m.get("bp")), number(m.get("bs")) * 100,
                    number(m.get("ap")), number(m.get("as")) * 100);
            default -> null;
        };
    }

    @Override
    protected String space(Map<String, Object> m) {
        return m.get("sym") + " " + m.get("ev");
    }

    @Override
    protected String unknownEventFrame() {
        return "[{\"ev\":\"AM\",\"sym\":\"MSFT\",\"v\":10204,\"av\":200304,\"op\":114.04,\"vw\":114.4040,"
                + "\"o\":114.11,\"c\":114.14,\"h\":114.19,\"l\":114.09,\"a\":114.1314,\"z\":30,"
                + "\"s\":1536036818784,\"e\":1536036818784}]";
    }

    @Override
    protected String zeroPriceTradeFrame() {
        return "[{\"ev\":\"T\",\"sym\":\"MSFT\",\"x\":4,\"i\":\"99\",\"z\":3,\"p\":0,\"s\":100,\"c\":[0],"
                + "\"t\":1536036818784,\"q\":1}]";
    }

    /** The spec's last-NBBO example (AAPL, 2021-04-07) for one of the fixture's symbols, just before the fixture. */
    private static String lastNbbo(String symbol, double bid, double ask, long nanos, long sequence) {
        return "{\"request_id\":\"b84e24636301f19f88e0dfbf9a45ed5c\",\"results\":{\"P\":" + ask + ",\"S\":7,"
                + "\"T\":\"" + symbol + "\",\"X\":19,\"p\":" + bid + ",\"q\":" + sequence + ",\"s\":1,\"t\":" + nanos
                + ",\"x\":11,\"y\":" + (nanos - 364300) + ",\"z\":3},\"status\":\"OK\"}";
    }

    @Override
    protected String latestQuotesBody(String target) {
        return switch (target) {
            case "/v2/last/nbbo/MSFT?apiKey=PKTEST7AKEY" -> lastNbbo("MSFT", 114.12, 114.13, 1536036818100000000L,
                    3681300);
            case "/v2/last/nbbo/SPY?apiKey=PKTEST7AKEY" -> lastNbbo("SPY", 289.8, 289.82, 1536036818200000000L,
                    3681310);
            default -> null;
        };
    }

    @Override
    protected List<String> expectedLatestQuotes() {
        // sizes in round lots of 100 shares, as the spec says
        return List.of(EventLog.quote("MSFT", 1536036818100000000L, 114.12, 100, 114.13, 700),
                EventLog.quote("SPY", 1536036818200000000L, 289.8, 100, 289.82, 700));
    }

    @Override
    protected void assertLatestQuotesRequest(LoopbackQuoteServer.Request request) {
        assertThat(request.target()).isIn("/v2/last/nbbo/MSFT?apiKey=" + CREDENTIALS.keyId(),
                "/v2/last/nbbo/SPY?apiKey=" + CREDENTIALS.keyId());
    }

    @Override
    protected int latestQuoteRequestsPerSubscription() {
        return 2;
    }

    @Test
    void acceptsTheSpecsOwnWelcomeWording() {
        // The spec's ConnectEvent example words the welcome as status "success", "Connected Successfully".
        List<String> seen = new java.util.ArrayList<>();
        new MassiveProtocol().decode("[{\"ev\":\"status\",\"status\":\"success\",\"message\":\"Connected "
                + "Successfully\"}]", 1, new com.alphacast.feeds.keyed.StreamMessages() {
            @Override public void welcomed() { seen.add("welcomed"); }
            @Override public void authenticated() { seen.add("authenticated"); }
            @Override public void subscribed(String detail) { seen.add("subscribed"); }
            @Override public void refused(String reason, boolean authentication) { seen.add("refused"); }
            @Override public void trade(String symbol, long exchangeNanos, int scope, long sequence, long tradeId,
                                        double price, double size) { seen.add("trade"); }
            @Override public void quote(String symbol, long exchangeNanos, long sequence, double bidPrice,
                                        double bidSize, double askPrice, double askSize) { seen.add("quote"); }
            @Override public void unknown(String detail) { seen.add("unknown"); }
        });
        assertThat(seen).containsExactly("welcomed");
    }
}
