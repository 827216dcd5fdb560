package com.alphacast.feeds.keyed;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.feeds.binance.ReconnectBackoff;
import com.alphacast.feeds.fixtures.EventLog;
import com.alphacast.feeds.fixtures.JsonTree;
import com.alphacast.feeds.loopback.LoopbackQuoteServer;
import com.alphacast.feeds.loopback.LoopbackWebSocketServer;
import com.alphacast.feeds.quality.InputProblem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every keyed equities source must do against a loopback server speaking its venue's wire protocol: the
 * handshake (welcome, authentication, subscription), the fixture's trades and quotes delivered once each and in order,
 * faults survived and counted with their position, silence and disconnects reported and recovered with a new
 * subscription, and refused credentials reported as such without a hot loop of logins. Each venue's test says how
 * its venue talks.
 */
public abstract class KeyedVenueContract {

    protected static final StreamCredentials CREDENTIALS = new StreamCredentials("PKTEST7AKEY", "s3cr3t-SECRET");

    private final String sourceName;
    private final List<String> symbols;

    /**
     * @param sourceName the source's configuration name; its fixture is the classpath resource
     *                   {@code /keyed/<sourceName>-stream.jsonl}, one frame a line, as the venue sends them
     * @param symbols    the symbols the fixture holds
     */
    protected KeyedVenueContract(String sourceName, List<String> symbols) {
        this.sourceName = sourceName;
        this.symbols = List.copyOf(symbols);
    }

    protected final String sourceName() {
        return sourceName;
    }

    protected final List<String> symbols() {
        return symbols;
    }

    private String fixture() {
        return sourceName + "-stream.jsonl";
    }

    protected abstract KeyedVenueSource create(KeyedFeedSettings settings);

    private static KeyedStreamSource stream(FeedSource source) {
        return ((KeyedVenueSource) source).stream();
    }

    /** A JSON number from {@link JsonTree} as a double. */
    protected static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    protected abstract String welcome();

    /** Checks the client's authentication request carries the credentials as the venue expects them. */
    protected abstract void assertAuthRequest(String request);

    protected abstract String authAccepted();

    /** The venue's answer to bad credentials. */
    protected abstract String authRefused();

    /** The venue's words for bad credentials, which the health reason must carry. */
    protected abstract String authRefusedWords();

    /** Checks the client's subscription asks for the trades and quotes of every symbol. */
    protected abstract void assertSubscribeRequest(String request);

    protected abstract List<String> subscribeAcks();

    /** The event line a fixture message must produce ({@link EventLog} format), or null for none. */
    protected abstract String expectedEvent(Map<String, Object> message);

    /** The sequence space a message is ordered in (symbol, kind and, where ids are per exchange, the exchange). */
    protected abstract String space(Map<String, Object> message);

    protected abstract String unknownEventFrame();

    protected abstract String zeroPriceTradeFrame();

    /** The venue's REST answer to a latest-quote request for {@code target} (path and query), older than the fixture. */
    protected abstract String latestQuotesBody(String target);

    /** The event lines the latest-quote answers must produce, one a symbol. */
    protected abstract List<String> expectedLatestQuotes();

    /** Checks one latest-quote request asks for the fixture's symbols with the credentials as the venue wants them. */
    protected abstract void assertLatestQuotesRequest(LoopbackQuoteServer.Request request);

    /** REST requests one subscription makes. */
    protected abstract int latestQuoteRequestsPerSubscription();

    protected KeyedFeedSettings settings(URI uri, URI rest, Duration staleness, Duration refusalDelay) {
        return new KeyedFeedSettings(sourceName(), symbols(), uri, rest, CREDENTIALS, Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofSeconds(3), staleness,
                new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2), refusalDelay);
    }

    protected List<String> frames() {
        try (InputStream in = getClass().getResourceAsStream("/keyed/" + fixture())) {
            assertThat(in).as("fixture " + fixture()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> messages(String frame) {
        return (List<Map<String, Object>>) JsonTree.parse(frame);
    }

    protected List<String> expectedEvents(List<String> frames) {
        List<String> out = new ArrayList<>();
        for (String f : frames) {
            for (Map<String, Object> m : messages(f)) {
                String e = expectedEvent(m);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Plays the venue's side of the handshake; returns the frames it sent. */
    protected int handshake(LoopbackWebSocketServer.Connection c) throws InterruptedException {
        c.sendTextNow(welcome());
        assertAuthRequest(c.awaitText(Duration.ofSeconds(5)));
        c.sendTextNow(authAccepted());
        assertSubscribeRequest(c.awaitText(Duration.ofSeconds(5)));
        for (String ack : subscribeAcks()) {
            c.sendTextNow(ack);
        }
        return 2 + subscribeAcks().size();
    }

    protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    protected <T> T on(FeedSource source, Callable<T> read) throws Exception {
        return stream(source).onFeedThread(read);
    }

    private long latestQuoteFailures(FeedSource source) {
        try {
            return on(source, () -> stream(source).latestQuoteFailures());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void deliversTheLatestQuotesThenEveryFixtureEventInOrderAfterAuthenticatingAndSubscribing() throws Exception {
        List<String> frames = frames();
        List<String> expected = new ArrayList<>(expectedLatestQuotes());
        expected.addAll(expectedEvents(frames));
        try (LoopbackWebSocketServer ws = new LoopbackWebSocketServer();
             LoopbackQuoteServer rest = new LoopbackQuoteServer(this::latestQuotesBody);
             FeedSource source = create(settings(ws.base(), rest.base(), Duration.ofSeconds(10),
                     Duration.ofSeconds(30)))) {
            EventLog log = new EventLog();
            source.start(log);
            LoopbackWebSocketServer.Connection c = ws.awaitConnection(Duration.ofSeconds(5));
            handshake(c);
            await("the latest quotes from REST", () -> log.events().size() >= expectedLatestQuotes().size());
            assertThat(rest.requests()).hasSize(latestQuoteRequestsPerSubscription())
                    .allSatisfy(this::assertLatestQuotesRequest);
            for (String f : frames) {
                c.sendText(f);
            }
            c.flush();
            await("every fixture event", () -> log.events().size() >= expected.size());
            // one REST request per symbol on some venues: their answers may arrive in either order, the stream's in order
            int fromRest = expectedLatestQuotes().size();
            assertThat(log.events().subList(0, fromRest)).containsExactlyInAnyOrderElementsOf(expected.subList(0, fromRest));
            assertThat(log.events().subList(fromRest, log.events().size()))
                    .containsExactlyElementsOf(expected.subList(fromRest, expected.size()));
            for (String symbol : symbols()) {
                assertThat(log.health(symbol)).as("a REST quote is no sign the stream flows")
                        .containsExactly(FeedHealth.SYNCHRONISING, FeedHealth.LIVE);
            }
            assertThat(on(source, () -> stream(source).session().quality().problems())).isZero();
            source.close();
            assertThat(log.lastHealth(symbols().get(0)).health()).isEqualTo(FeedHealth.DISCONNECTED);
        }
    }

    @Test
    void dropsDuplicatesAndOutOfOrderMessagesAndCountsGarbageWithItsPosition() throws Exception {
        List<String> frames = frames();
        List<String> expected = expectedEvents(frames);
        try (LoopbackWebSocketServer ws = new LoopbackWebSocketServer();
             LoopbackQuoteServer rest = LoopbackQuoteServer.unavailable();
             FeedSource source = create(settings(ws.base(), rest.base(), Duration.ofSeconds(10),
                     Duration.ofSeconds(30)))) {
            EventLog log = new EventLog();
            source.start(log);
            LoopbackWebSocketServer.Connection c = ws.awaitConnection(Duration.ofSeconds(5));
            long sent = handshake(c);
            Map<String, Integer> lastFrameOfSpace = new HashMap<>();
            boolean duplicated = false;
            boolean reordered = false;
            long garbageAt = -1;
            for (int i = 0; i < frames.size(); i++) {
                String f = frames.get(i);
                c.sendText(f);
                sent++;
                List<Map<String, Object>> ms = messages(f);
                if (!duplicated && i >= 5 && ms.size() == 1) {
                    c.sendText(f); // resent: same sequence again
                    sent++;
                    duplicated = true;
                }
                if (!reordered && i >= 15 && ms.size() == 1 && lastFrameOfSpace.containsKey(space(ms.get(0)))) {
                    String older = frames.get(lastFrameOfSpace.get(space(ms.get(0))));
                    if (messages(older).size() == 1) {
                        c.sendText(older); // an older message of the same sequence space, arriving late
                        sent++;
                        reordered = true;
                    }
                }
                if (i == 20) {
                    c.sendText("[{\"T\":\"t\",\"ev\":\"T\",\"sym\""); // cut off mid-message
                    garbageAt = ++sent;
                    c.sendText(unknownEventFrame());
                    c.sendText(zeroPriceTradeFrame());
                    sent += 2;
                }
                for (Map<String, Object> m : ms) {
                    lastFrameOfSpace.put(space(m), i);
                }
            }
            c.flush();
            assertThat(duplicated && reordered).as("the fixture offered a duplicate and a reordering").isTrue();
            await("every fixture event", () -> log.events().size() >= expected.size());
            long frameCount = sent;
            await("every frame", () -> {
                try {
                    return on(source, () -> stream(source).session().quality().frames()) >= frameCount;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(log.events()).as("each event once, in the venue's order").containsExactlyElementsOf(expected);
            Map<InputProblem, Long> counts = on(source, () -> stream(source).session().quality().counts());
            assertThat(counts).containsEntry(InputProblem.DUPLICATE_ID, 1L)
                    .containsEntry(InputProblem.OUT_OF_ORDER_ID, 1L)
                    .containsEntry(InputProblem.MALFORMED_FRAME, 1L)
                    .containsEntry(InputProblem.UNKNOWN_EVENT, 1L)
                    .containsEntry(InputProblem.BAD_VALUE, 1L).hasSize(5);
            List<String> problems = on(source, () -> stream(source).session().quality().firstProblems());
            String garbagePosition = "MALFORMED_FRAME at " + garbageAt + ": ";
            assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(garbagePosition));
            for (String symbol : symbols()) {
                assertThat(log.lastHealth(symbol).health()).as("a few bad frames do not demote")
                        .isEqualTo(FeedHealth.LIVE);
            }
        }
    }

    @Test
    void silenceMakesSymbolsStaleAndAReconnectAuthenticatesAndResubscribes() throws Exception {
        List<String> frames = frames();
        List<String> expected = expectedEvents(frames);
        int half = frames.size() / 2;
        try (LoopbackWebSocketServer ws = new LoopbackWebSocketServer();
             LoopbackQuoteServer rest = LoopbackQuoteServer.unavailable();
             FeedSource source = create(settings(ws.base(), rest.base(), Duration.ofMillis(700),
                     Duration.ofSeconds(30)))) {
            EventLog log = new EventLog();
            source.start(log);
            LoopbackWebSocketServer.Connection c = ws.awaitConnection(Duration.ofSeconds(5));
            handshake(c);
            frames.subList(0, half).forEach(c::sendText);
            c.flush();
            int firstHalf = expectedEvents(frames.subList(0, half)).size();
            await("the first half", () -> log.events().size() >= firstHalf);
            String symbol = symbols().get(0);
            await("staleness", () -> log.lastHealth(symbol).health() == FeedHealth.STALE);
            assertThat(log.lastHealth(symbol).reason()).startsWith("no trade or quote for");
            c.drop();
            await("the disconnect", () -> log.lastHealth(symbol).health() == FeedHealth.DISCONNECTED);
            LoopbackWebSocketServer.Connection again = ws.awaitConnection(Duration.ofSeconds(5));
            handshake(again); // asserts the source authenticates and subscribes afresh
            frames.subList(half, frames.size()).forEach(again::sendText);
            again.flush();
            await("the second half", () -> log.events().size() >= expected.size());
            assertThat(log.events()).containsExactlyElementsOf(expected);
            assertThat(log.health(symbol)).containsSubsequence(FeedHealth.LIVE, FeedHealth.STALE,
                    FeedHealth.DISCONNECTED, FeedHealth.SYNCHRONISING, FeedHealth.LIVE);
            assertThat(log.lastHealth(symbol).health()).isEqualTo(FeedHealth.LIVE);
            assertThat(on(source, () -> stream(source).connections())).isEqualTo(2);
            await("latest quotes asked after each subscription, the API down costing nothing but a warning",
                    () -> latestQuoteFailures(source) == 2L * latestQuoteRequestsPerSubscription());
            assertThat(rest.requests()).hasSize(2 * latestQuoteRequestsPerSubscription());
        }
    }

    @Test
    void refusedCredentialsNameAuthenticationAndAreNotRetriedInAHotLoop() throws Exception {
        try (LoopbackWebSocketServer ws = new LoopbackWebSocketServer();
             LoopbackQuoteServer rest = LoopbackQuoteServer.unavailable();
             FeedSource source = create(settings(ws.base(), rest.base(), Duration.ofSeconds(10),
                     Duration.ofSeconds(30)))) {
            EventLog log = new EventLog();
            source.start(log);
            LoopbackWebSocketServer.Connection c = ws.awaitConnection(Duration.ofSeconds(5));
            c.sendTextNow(welcome());
            assertAuthRequest(c.awaitText(Duration.ofSeconds(5)));
            c.sendTextNow(authRefused());
            String symbol = symbols().get(0);
            await("the refusal", () -> log.lastHealth(symbol).health() == FeedHealth.DISCONNECTED
                    && log.lastHealth(symbol).reason().contains("authentication"));
            String reason = log.lastHealth(symbol).reason();
            assertThat(reason).contains("authentication refused by").contains(authRefusedWords())
                    .contains("reconnecting in 30000 ms")
                    .doesNotContain(CREDENTIALS.keyId()).doesNotContain(CREDENTIALS.secret());
            Thread.sleep(1_000); // the reconnect backoff alone would have retried many times by now
            assertThat(ws.connections()).isEqualTo(1);
            assertThat(on(source, () -> stream(source).refusals())).isEqualTo(1);
        }
    }
}
