package com.alphacast.feeds.cboe;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.MarketEventListener;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The poller against a loopback server speaking CBOE's CDN protocol: the SPY chain as JSON (gzip, ETag, 304), and
 * the ways it goes wrong (500, 429 with Retry-After, a body that is not a chain, a closed market).
 */
class CboeChainPollerTest {

    private static final MarketCalendar NYSE = new ShippedCalendars().calendar(Exchange.XNYS);
    /** Thursday 2025-09-25, 11:00 New York: the session of the fixture's chain. */
    private static final Clock IN_SESSION = Clock.fixed(Instant.parse("2025-09-25T15:00:00Z"), ZoneOffset.UTC);
    private static final Duration FAST = Duration.ofMillis(40);

    private final byte[] spyJson = read("options/derived/spy_delayed_quotes_2025-09-25.json");
    private final List<Answer> script = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Chains listener = new Chains();
    private HttpServer server;
    private CboeChainPoller poller;

    /** One scripted answer; the last one repeats. */
    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private record Request(String path, Map<String, List<String>> headers, long atNanos) {
    }

    /** Records each chain with the instrument it was delivered for, and the health reports. */
    private static final class Chains implements MarketEventListener {
        private final List<String> instruments = new ArrayList<>();
        private final List<OptionChain> chains = new ArrayList<>();
        private final List<Health> health = new ArrayList<>();

        record Health(String source, String instrument, FeedHealth health, String reason) {
        }

        @Override
        public synchronized void onOptionChain(String instrument, long exchangeNanos, long receiveNanos,
                                               OptionChain chain) {
            instruments.add(instrument);
            chains.add(chain);
        }

        @Override
        public synchronized void onFeedHealth(String source, String instrument, FeedHealth h, long receiveNanos,
                                              String reason) {
            health.add(new Health(source, instrument, h, reason));
        }

        synchronized List<OptionChain> chains() {
            return List.copyOf(chains);
        }

        synchronized List<String> instruments() {
            return List.copyOf(instruments);
        }

        synchronized List<Health> health() {
            return List.copyOf(health);
        }

        synchronized FeedHealth lastHealth() {
            return health.isEmpty() ? null : health.get(health.size() - 1).health();
        }

        @Override
        public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                            double size, Aggressor aggressor) {
            throw new AssertionError("a chain poller sends no trades");
        }

        @Override
        public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice,
                                double bidSize, double askPrice, double askSize) {
            throw new AssertionError("a chain poller sends no quotes");
        }

        @Override
        public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
            throw new AssertionError("a chain poller sends no depth");
        }

        @Override
        public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot) {
            throw new AssertionError("a chain poller sends no depth");
        }
    }

    private static byte[] read(String relative) {
        try {
            return Files.readAllBytes(TestData.file(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/global/delayed_quotes/options/", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/global/delayed_quotes/options/");
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                System.nanoTime()));
        Answer a;
        synchronized (script) {
            a = script.size() > 1 ? script.remove(0) : script.get(0);
        }
        byte[] body = a.body();
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (a.status() == 200 && accept != null && accept.contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(body);
            }
            body = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private CboeChainPoller poller(URI base, Clock clock, Duration interval) {
        poller = new CboeChainPoller("cboe", base, List.of(new CboePollTarget("ES", "SPY", interval)),
                HttpClient.newHttpClient(), clock, NYSE);
        poller.start(listener);
        return poller;
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private CboeChainStatus status() {
        return poller.status().get(0);
    }

    @Test
    void deliversTheSpyChainForTheConfiguredInstrumentThenAsksConditionallyAndTakesA304AsCurrent() throws Exception {
        script.add(new Answer(200, Map.of("ETag", "\"v1\"", "Last-Modified", "Thu, 25 Sep 2025 14:59:00 GMT"),
                spyJson));
        script.add(new Answer(304, Map.of(), new byte[0]));
        CboeChainPoller p = poller(serve(), IN_SESSION, FAST);

        await(() -> status().notModified() >= 2, "two 304 answers");
        assertThat(listener.chains()).hasSize(1);
        OptionChain chain = listener.chains().get(0);
        assertThat(listener.instruments()).containsExactly("ES");
        assertThat(chain.underlying()).isEqualTo("SPY");
        assertThat(chain.spot()).isEqualTo(658.05);
        assertThat(chain.asOf()).isEqualTo(LocalDate.of(2025, 9, 25));
        assertThat(chain.contracts()).hasSize(3716);
        List<Request> seen = new ArrayList<>(requests);
        assertThat(seen.get(0).path()).isEqualTo("/api/global/delayed_quotes/options/SPY.json");
        assertThat(seen.get(0).headers()).doesNotContainKey("If-none-match");
        assertThat(seen.get(1).headers().get("If-none-match")).containsExactly("\"v1\"");
        assertThat(seen.get(1).headers().get("If-modified-since")).containsExactly("Thu, 25 Sep 2025 14:59:00 GMT");
        assertThat(listener.lastHealth()).isEqualTo(FeedHealth.LIVE);
        assertThat(p.status().get(0).stale()).isFalse();
        assertThat(p.status().get(0).lastChainAt()).contains(IN_SESSION.instant());
    }

    @Test
    void aServerErrorMarksTheChainStaleAndTheNextGoodAnswerMakesItLiveAgain() throws Exception {
        script.add(new Answer(200, Map.of(), spyJson));
        script.add(new Answer(500, Map.of(), "upstream down".getBytes(StandardCharsets.UTF_8)));
        script.add(new Answer(200, Map.of(), spyJson));
        poller(serve(), IN_SESSION, FAST);

        await(() -> listener.chains().size() >= 2, "the chain after the error");
        CboeChainStatus s = status();
        assertThat(s.httpErrors()).isEqualTo(1);
        assertThat(s.stale()).isFalse();
        assertThat(listener.health()).extracting(Chains.Health::health)
                .containsExactly(FeedHealth.LIVE, FeedHealth.STALE, FeedHealth.LIVE);
        assertThat(listener.health().get(1).reason()).isEqualTo("HTTP 500");
        assertThat(listener.health().get(1).source()).isEqualTo("cboe");
    }

    @Test
    void a429WaitsForItsRetryAfterBeforeAskingAgain() throws Exception {
        script.add(new Answer(429, Map.of("Retry-After", "1"), new byte[0]));
        script.add(new Answer(200, Map.of(), spyJson));
        poller(serve(), IN_SESSION, FAST);

        await(() -> listener.chains().size() == 1, "the chain after the 429");
        List<Request> seen = new ArrayList<>(requests);
        assertThat(Duration.ofNanos(seen.get(1).atNanos() - seen.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(status().rateLimited()).isEqualTo(1);
        assertThat(listener.health()).extracting(Chains.Health::health)
                .containsExactly(FeedHealth.STALE, FeedHealth.LIVE);
        assertThat(listener.health().get(0).reason()).isEqualTo("HTTP 429, Retry-After 1 s");
    }

    @Test
    void aBodyThatIsNotAChainIsCountedAndNamedByLineAndColumnAndNeverStopsThePolling() throws Exception {
        script.add(new Answer(200, Map.of(), "<html>\n<body>Access Denied</body></html>".getBytes(StandardCharsets.UTF_8)));
        script.add(new Answer(200, Map.of(), "{\"timestamp\": \"2025-09-25 15:00:00\", \"data\": {\"options\": ["
                .getBytes(StandardCharsets.UTF_8)));
        script.add(new Answer(200, Map.of(), spyJson));
        poller(serve(), IN_SESSION, FAST);

        await(() -> listener.chains().size() == 1, "the good chain after the garbage");
        CboeChainStatus s = status();
        assertThat(s.malformed()).isEqualTo(2);
        assertThat(s.stale()).isFalse();
        assertThat(listener.health()).extracting(Chains.Health::health)
                .containsExactly(FeedHealth.STALE, FeedHealth.LIVE);
        assertThat(listener.health().get(0).reason())
                .startsWith("not a chain: http://127.0.0.1:")
                .contains("SPY.json:1:").contains("malformed JSON");
    }

    @Test
    void aRefusedConnectionIsCountedAndMarksTheChainStale() throws Exception {
        URI base = serve();
        server.stop(0);
        server = null;
        poller(base, IN_SESSION, FAST);

        // the counter moves before the listener hears of it (both on the poller's thread): wait for both
        await(() -> status().networkErrors() >= 1 && listener.lastHealth() != null, "a network error reported");
        assertThat(status().stale()).isTrue();
        assertThat(status().lastProblem()).isPresent();
        assertThat(listener.lastHealth()).isEqualTo(FeedHealth.STALE);
        assertThat(listener.chains()).isEmpty();
    }

    @Test
    void asksNothingWhileTheMarketIsClosed() throws Exception {
        script.add(new Answer(200, Map.of(), spyJson));
        Clock saturday = Clock.fixed(Instant.parse("2025-09-27T15:00:00Z"), ZoneOffset.UTC);
        poller(serve(), saturday, FAST);

        await(() -> status().outsideSession() >= 5, "five skipped polls");
        assertThat(requests).isEmpty();
        assertThat(listener.chains()).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDateAndCapsIt() {
        Instant now = Instant.parse("2025-09-25T15:00:00Z");
        assertThat(CboeChainPoller.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(CboeChainPoller.retryAfter("Thu, 25 Sep 2025 15:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(CboeChainPoller.retryAfter("999999", now)).isEqualTo(CboeChainPoller.MAX_RETRY_AFTER);
        assertThat(CboeChainPoller.retryAfter("soon", now)).isEqualTo(Duration.ZERO);
        assertThat(CboeChainPoller.retryAfter(null, now)).isEqualTo(Duration.ZERO);
    }
}
