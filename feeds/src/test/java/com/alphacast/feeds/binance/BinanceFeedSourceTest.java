package com.alphacast.feeds.binance;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.feeds.fixtures.RecordingListener;
import com.alphacast.feeds.loopback.CaptureExchange;
import com.alphacast.feeds.loopback.LoopbackDepthServer;
import com.alphacast.feeds.loopback.LoopbackWebSocketServer;
import com.alphacast.feeds.quality.InputProblem;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceFeedSourceTest {

    static final String SPOT = "orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz";
    static final String USDM = "orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz";

    static BinanceFeedSettings settings(String name, BinanceMarket market, LoopbackWebSocketServer ws,
                                        LoopbackDepthServer rest) {
        return BinanceFeedSettings.defaults(name, market, List.of("BTCUSDT"))
                .withEndpoints(new BinanceEndpoints(ws.base(), rest.base()))
                .withTimings(Duration.ofMillis(200), Duration.ofMillis(1500), Duration.ofSeconds(3),
                        new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2), Duration.ofHours(23));
    }

    static BinanceFeedSource source(BinanceFeedSettings s) {
        return new BinanceFeedSource(s, HttpClient.newHttpClient(), Clock.systemUTC(), new Random(7));
    }

    static <T> T on(BinanceFeedSource source, Callable<T> read) throws Exception {
        return source.onFeedThread(read);
    }

    /** Waits until the source's book reached the venue's last update id (every frame processed). */
    static void awaitBookAt(BinanceFeedSource source, CaptureExchange venue, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long id = on(source, () -> source.session().book("BTCUSDT").lastUpdateId());
            if (id == venue.lastUpdateId()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("book did not reach update id " + venue.lastUpdateId());
    }

    /**
     * Waits until the source has taken {@code n} frames: keeps the sender from running minutes ahead of a client
     * sharing two cores with other builds, and makes sure what was sent arrived before the test cuts a connection.
     */
    static void awaitFrames(BinanceFeedSource source, long n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (on(source, () -> source.session().quality().frames()) < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("source did not take " + n + " frames");
            }
            Thread.sleep(5);
        }
    }

    /** Whether the client has taken everything sent and its book is live (spot needs the event after the snapshot). */
    static boolean caughtUpAndLive(LoopbackWebSocketServer.Connection c, BinanceFeedSource source, long sent,
                                   RecordingListener downstream) throws Exception {
        c.flush();
        awaitFrames(source, sent);
        return downstream.lastHealth("BTCUSDT") == FeedHealth.LIVE;
    }

    private void rebuildsEveryCheckpointOverTheWire(String capture, BinanceMarket market, DepthProtocol protocol,
                                                    String streams) throws Exception {
        CaptureExchange venue = CaptureExchange.load(TestData.file(capture), protocol);
        try (LoopbackWebSocketServer ws = new LoopbackWebSocketServer();
             LoopbackDepthServer rest = new LoopbackDepthServer(venue::snapshotJson);
             BinanceFeedSource source = source(settings("binance-" + market, market, ws, rest))) {
            RecordingListener downstream = new RecordingListener(protocol);
            source.start(downstream);
            LoopbackWebSocketServer.Connection c = ws.awaitConnection(Duration.ofSeconds(5));
            assertThat(c.target()).isEqualTo("/stream?streams=" + streams);
            for (int i = 0; i < venue.size(); i++) {
                venue.advanceTo(i);
                c.sendText(venue.frame(i));
                if (i % 2000 == 1999) {
                    c.flush();
                    awaitFrames(source, i - 1000);
                }
            }
            c.flush();
            awaitBookAt(source, venue, Duration.ofSeconds(60));
            awaitFrames(source, venue.size()); // the bookTicker checkpoints sent after the last depth update too
            long matched = on(source, () -> source.session().checkpointsMatched("BTCUSDT"));
            long mismatched = on(source, () -> source.session().checkpointMismatches("BTCUSDT"));
            long gaps = on(source, () -> source.session().quality().count(InputProblem.SEQUENCE_GAP));
            assertThat(mismatched).isZero();
            assertThat(gaps).as("no false gap").isZero();
            // every ticker the snapshot's timing left checkable was checked (the REST snapshot comes later on a loaded
            // machine, so fewer are checkable; hundreds remain either way)
            long checkable = venue.checkableTickersAfter(venue.lastServedSnapshotId());
            assertThat(checkable).as("checkable bookTickers after the snapshot").isGreaterThan(100);
            // (a futures book also applies the event ending at the snapshot's own id; spot drops it)
            assertThat(matched).as("checkpoints matched over the wire")
                    .isBetween(checkable, venue.checkableTickersAfter(venue.lastServedSnapshotId() - 1));
            assertThat(downstream.downstreamGaps()).isZero();
            assertThat(downstream.bestBid("BTCUSDT")).isEqualTo(venue.bestBid());
            assertThat(downstream.health()).extracting(RecordingListener.Health::health)
                    .containsExactly(FeedHealth.SYNCHRONISING, FeedHealth.LIVE);
            assertThat(rest.requests()).hasSize(1).allMatch(r -> r.contains("symbol=BTCUSDT&limit=1000"));
            System.out.printf("%s over loopback: %d bookTicker checkpoints matched, 0 mismatched, 0 gaps%n", market,
                    matched);
            source.close();
            assertThat(downstream.lastHealth("BTCUSDT")).isEqualTo(FeedHealth.DISCONNECTED);
        }
    }

    @Test
    void spotBookRebuiltOverTheWireMatchesEveryBookTickerCheckpoint() throws Exception {
        rebuildsEveryCheckpointOverTheWire(SPOT, BinanceMarket.SPOT, DepthProtocol.SPOT,
                "btcusdt@depth@100ms/btcusdt@trade/btcusdt@bookTicker");
    }

    @Test
    void usdmBookRebuiltOverTheWireMatchesEveryBookTickerCheckpoint() throws Exception {
        rebuildsEveryCheckpointOverTheWire(USDM, BinanceMarket.USDM_FUTURES, DepthProtocol.FUTURES,
                "btcusdt@depth@0ms/btcusdt@trade/btcusdt@bookTicker");
    }

    @Test
    void survivesDuplicatesGarbageOutOfOrderIdsDisconnectsAndADeadConnection() throws Exception {
        CaptureExchange venue = CaptureExchange.load(TestData.file(SPOT), DepthProtocol.SPOT);
        try (LoopbackWebSocketServer ws = new LoopbackWebSocketServer();
             LoopbackDepthServer rest = new LoopbackDepthServer(venue::snapshotJson);
             BinanceFeedSource source = source(settings("binance-spot", BinanceMarket.SPOT, ws, rest))) {
            rest.failNext(429); // the first snapshot request is rate-limited: retried after Retry-After
            RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
            source.start(downstream);
            LoopbackWebSocketServer.Connection c = ws.awaitConnection(Duration.ofSeconds(5));
            String lastDepth = null;
            int swapped = -1;
            long sent = 0;
            boolean injected = false;
            for (int i = 0; i < venue.size(); i++) {
                boolean depth = venue.message(i) instanceof BinanceMessage.Depth;
                if (!injected && i >= 3000 && i % 100 == 0 && caughtUpAndLive(c, source, sent, downstream)) {
                    injected = true; // the faults below meet a synchronised book
                    c.sendText(lastDepth); // a resent frame: duplicate id
                    c.sendText("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\""); // cut off
                    c.sendText("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"s\":\"BTCUSDT\"}}");
                    c.sendText("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":1,"
                            + "\"s\":\"BTCUSDT\",\"b\":\"61000.00\",\"B\":\"1\",\"a\":\"60000.00\",\"A\":\"1\"}}");
                    c.sendText("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"T\":1,"
                            + "\"s\":\"BTCUSDT\",\"t\":99999999999,\"p\":\"0\",\"q\":\"1\",\"m\":true}}");
                    sent += 5;
                }
                if (depth && i > 6000 && swapped < 0 && caughtUpAndLive(c, source, sent, downstream)) {
                    // out of order: the next depth frame goes first, this one after it
                    int next = i + 1;
                    while (!(venue.message(next) instanceof BinanceMessage.Depth)) {
                        next++;
                    }
                    venue.advanceTo(next);
                    c.sendText(venue.frame(next));
                    c.sendText(venue.frame(i));
                    for (int k = i + 1; k < next; k++) {
                        c.sendText(venue.frame(k));
                    }
                    sent += next - i + 1;
                    swapped = next;
                    i = next;
                    continue;
                }
                if (i == 12_000 || i == 20_000) {
                    c.flush();
                    awaitFrames(source, sent); // what was sent arrived: the cut loses nothing in flight
                }
                if (i == 12_000) {
                    c.drop(); // network failure
                    c = ws.awaitConnection(Duration.ofSeconds(5));
                }
                if (i == 20_000) {
                    c.freeze(); // the venue goes silent and stops answering pings
                    c = ws.awaitConnection(Duration.ofSeconds(5));
                }
                venue.advanceTo(i);
                c.sendText(venue.frame(i));
                sent++;
                if (depth) {
                    lastDepth = venue.frame(i);
                }
                if (i % 2000 == 1999) {
                    c.flush();
                    awaitFrames(source, sent - 1000);
                }
            }
            c.flush();
            awaitBookAt(source, venue, Duration.ofSeconds(60));
            var quality = on(source, () -> source.session().quality().counts());
            assertThat(quality).as("health %s, rest %s", downstream.health(), rest.requests()).containsEntry(InputProblem.DUPLICATE_ID, 1L)
                    .containsEntry(InputProblem.MALFORMED_FRAME, 1L)
                    .containsEntry(InputProblem.UNKNOWN_EVENT, 1L)
                    .containsEntry(InputProblem.CROSSED_BOOK, 1L)
                    .containsEntry(InputProblem.BAD_VALUE, 1L)
                    .containsEntry(InputProblem.SEQUENCE_GAP, 1L) // the swapped pair, a real gap to the client
                    .doesNotContainKey(InputProblem.CHECKPOINT_MISMATCH);
            assertThat(on(source, source::connections)).isEqualTo(3);
            assertThat(downstream.bestBid("BTCUSDT")).isEqualTo(venue.bestBid());
            assertThat(downstream.bookLive("BTCUSDT")).isTrue();
            List<FeedHealth> seen = downstream.health().stream().map(RecordingListener.Health::health).toList();
            assertThat(seen).containsSubsequence(FeedHealth.LIVE, FeedHealth.STALE, FeedHealth.LIVE,
                    FeedHealth.DISCONNECTED, FeedHealth.SYNCHRONISING, FeedHealth.LIVE, FeedHealth.DISCONNECTED,
                    FeedHealth.SYNCHRONISING, FeedHealth.LIVE);
            assertThat(downstream.health()).filteredOn(h -> h.health() == FeedHealth.DISCONNECTED)
                    .extracting(RecordingListener.Health::reason).anyMatch(r -> r.startsWith("no frame or pong"));
            assertThat(rest.requests().size()).as("initial (after a 429), the gap, two reconnects").isEqualTo(5);
            source.close();
        }
    }
}
