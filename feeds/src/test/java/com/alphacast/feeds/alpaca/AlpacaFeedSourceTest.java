package com.alphacast.feeds.alpaca;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.feeds.fixtures.EventLog;
import com.alphacast.feeds.fixtures.JsonTree;
import com.alphacast.feeds.keyed.KeyedFeedSettings;
import com.alphacast.feeds.keyed.KeyedVenueContract;
import com.alphacast.feeds.loopback.LoopbackQuoteServer;
import com.alphacast.feeds.loopback.LoopbackWebSocketServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AlpacaFeedSource} against a loopback server speaking Alpaca's real-time stock stream. */
class AlpacaFeedSourceTest extends KeyedVenueContract {

    AlpacaFeedSourceTest() {
        super("alpaca", List.of("AAPL", "SPY"));
    }

    @Override
    protected AlpacaFeedSource create(KeyedFeedSettings settings) {
        return new AlpacaFeedSource(settings, HttpClient.newHttpClient(), Clock.systemUTC(), new Random(3));
    }

    @Override
    protected String welcome() {
        return "[{\"T\":\"success\",\"msg\":\"connected\"}]";
    }

    @Override
    protected void assertAuthRequest(String request) {
        assertThat(JsonTree.parse(request)).isEqualTo(Map.of("action", "auth", "key", CREDENTIALS.keyId(),
                "secret", CREDENTIALS.secret()));
    }

    @Override
    protected String authAccepted() {
        return "[{\"T\":\"success\",\"msg\":\"authenticated\"}]";
    }

    @Override
    protected String authRefused() {
        return "[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]";
    }

    @Override
    protected String authRefusedWords() {
        return "auth failed (code 402)";
    }

    @Override
    protected void assertSubscribeRequest(String request) {
        assertThat(JsonTree.parse(request)).isEqualTo(Map.of("action", "subscribe", "trades", symbols(),
                "quotes", symbols()));
    }

    @Override
    protected List<String> subscribeAcks() {
        return List.of("[{\"T\":\"subscription\",\"trades\":[\"AAPL\",\"SPY\"],\"quotes\":[\"AAPL\",\"SPY\"],"
                + "\"bars\":[],\"updatedBars\":[],\"dailyBars\":[],\"statuses\":[],\"lulds\":[],"
                + "\"corrections\":[\"AAPL\",\"SPY\"],\"cancelErrors\":[\"AAPL\",\"SPY\"]}]");
    }

    static long nanos(Object rfc3339) {
        Instant i = Instant.parse((String) rfc3339);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Override
    protected String expectedEvent(Map<String, Object> m) {
        return switch ((String) m.get("T")) {
            case "t" -> EventLog.trade((String) m.get("S"), nanos(m.get("t")), number(m.get("p")),
                    number(m.get("s")));
            case "q" -> EventLog.quote((String) m.get("S"), nanos(m.get("t")), number(m.get("bp")),
                    number(m.get("bs")), number(m.get("ap")), number(m.get("as")));
            default -> null;
        };
    }

    @Override
    protected String space(Map<String, Object> m) {
        // trade ids are the reporting exchange's; quotes are ordered by time per symbol
        return m.get("S") + " " + m.get("T") + ("t".equals(m.get("T")) ? " " + m.get("x") : "");
    }

    @Override
    protected String unknownEventFrame() {
        return "[{\"T\":\"b\",\"S\":\"AAPL\",\"o\":178.26,\"h\":178.3,\"l\":178.2,\"c\":178.25,\"v\":1200,"
                + "\"t\":\"2022-01-03T14:30:00Z\",\"n\":12,\"vw\":178.26}]";
    }

    @Override
    protected String zeroPriceTradeFrame() {
        return "[{\"T\":\"t\",\"S\":\"AAPL\",\"i\":5,\"x\":\"P\",\"p\":0,\"s\":100,"
                + "\"t\":\"2022-01-03T14:31:00.000000001Z\",\"c\":[\"@\"],\"z\":\"C\"}]";
    }

    /** The spec's latest-quotes example (AAPL, TSLA on 2022-08-17) for the fixture's symbols, just before it. */
    private static final String LATEST_QUOTES = "{\"quotes\":{"
            + "\"AAPL\":{\"ap\":178.27,\"as\":100,\"ax\":\"Q\",\"bp\":178.25,\"bs\":200,\"bx\":\"Q\","
            + "\"c\":[\"R\"],\"t\":\"2022-01-03T14:29:59.286587431Z\",\"z\":\"C\"},"
            + "\"SPY\":{\"ap\":477.72,\"as\":100,\"ax\":\"P\",\"bp\":477.7,\"bs\":100,\"bx\":\"K\","
            + "\"c\":[\"R\"],\"t\":\"2022-01-03T14:29:59.387064037Z\",\"z\":\"B\"}}}";

    @Override
    protected String latestQuotesBody(String target) {
        return target.equals("/v2/stocks/quotes/latest?symbols=AAPL%2CSPY") ? LATEST_QUOTES : null;
    }

    @Override
    protected List<String> expectedLatestQuotes() {
        return List.of(EventLog.quote("AAPL", 1641220199286587431L, 178.25, 200, 178.27, 100),
                EventLog.quote("SPY", 1641220199387064037L, 477.7, 100, 477.72, 100));
    }

    @Override
    protected void assertLatestQuotesRequest(LoopbackQuoteServer.Request request) {
        assertThat(request.target()).isEqualTo("/v2/stocks/quotes/latest?symbols=AAPL%2CSPY");
        assertThat(request.header("APCA-API-KEY-ID")).isEqualTo(CREDENTIALS.keyId());
        assertThat(request.header("APCA-API-SECRET-KEY")).isEqualTo(CREDENTIALS.secret());
    }

    @Override
    protected int latestQuoteRequestsPerSubscription() {
        return 1;
    }

    @Test
    void readsTheExchangeTimeToTheNanosecond() {
        Map<String, Object> first = messages(frames().get(0)).get(0);
        assertThat(first.get("t")).isEqualTo("2022-01-03T14:30:00.571915587Z");
        assertThat(expectedEvent(first)).isEqualTo("AAPL trade @1641220200571915587 178.26 x 232.0");
    }

    @Test
    void connectionLimitIsReportedAndWaitedOutLikeARefusal() throws Exception {
        try (LoopbackWebSocketServer ws = new LoopbackWebSocketServer();
             LoopbackQuoteServer rest = LoopbackQuoteServer.unavailable();
             FeedSource source = create(settings(ws.base(), rest.base(), Duration.ofSeconds(10),
                     Duration.ofSeconds(30)))) {
            EventLog log = new EventLog();
            source.start(log);
            LoopbackWebSocketServer.Connection c = ws.awaitConnection(Duration.ofSeconds(5));
            c.sendTextNow("[{\"T\":\"error\",\"code\":406,\"msg\":\"connection limit exceeded\"}]");
            await("the refusal", () -> log.lastHealth("SPY") != null
                    && log.lastHealth("SPY").reason().contains("refused"));
            assertThat(log.lastHealth("SPY").health()).isEqualTo(FeedHealth.DISCONNECTED);
            assertThat(log.lastHealth("SPY").reason())
                    .startsWith("Alpaca refused the connection: connection limit exceeded (code 406)");
            Thread.sleep(500);
            assertThat(ws.connections()).isEqualTo(1);
        }
    }
}
