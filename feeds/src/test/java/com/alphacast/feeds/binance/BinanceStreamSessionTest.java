package com.alphacast.feeds.binance;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;
import com.alphacast.feeds.quality.InputQuality;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceStreamSessionTest {

    private static final int WINDOW = 2_000;

    @Test
    void decodesValidatesAndAppliesLiveFramesWithoutAllocatingPerFrame() throws IOException {
        List<String> frames = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(
                TestData.file("orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz"));
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                     StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int brace = line.indexOf('{');
                frames.add(line.substring(brace)); // the frame's text as the WebSocket hands it over
                received.add(Long.parseLong(line, 0, brace - 1, 10));
            }
        }
        Counting listener = new Counting();
        BinanceStreamSession session = new BinanceStreamSession("usdm", BinanceMarket.USDM_FUTURES,
                List.of("BTCUSDT"), true, listener, BinanceStreamSession.SnapshotRequests.NONE,
                new InputQuality("usdm", 10_000, 1_000));
        session.connected(0);
        int half = frames.size() / 2;
        for (int k = 0; k < half; k++) {
            feed(session, frames.get(k), received.get(k), k); // the snapshot, and the books growing
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long eventsBefore = listener.depth + listener.trades + listener.tops;
        int windows = 0;
        int allocatingWindows = 0;
        for (int from = half; from + WINDOW <= frames.size(); from += WINDOW) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int k = from; k < from + WINDOW; k++) {
                feed(session, frames.get(k), received.get(k), k); // List<Long> holds its boxes already
            }
            windows++;
            if (threads.getThreadAllocatedBytes(thread) - before >= WINDOW) {
                allocatingWindows++;
            }
        }
        long measured = (long) windows * WINDOW;

        assertThat(session.quality().problems()).isZero();
        assertThat(session.health("BTCUSDT")).isEqualTo(FeedHealth.LIVE);
        assertThat(listener.depth + listener.trades + listener.tops - eventsBefore).isEqualTo(measured);
        // A byte per frame would show in every window. The book still grows through this capture (1,000 levels a
        // side from the snapshot to ~5,000), and a side that doubles its arrays allocates once: 2 or 3 windows.
        assertThat(windows).isEqualTo(23);
        assertThat(allocatingWindows).as("windows of %d frames allocating ≥ 1 B per frame", WINDOW)
                .isLessThanOrEqualTo(4);
    }

    @Test
    void handsEveryDepthEventOnAfterItsBookTookItTogetherWithThatBook() throws IOException {
        BookWatcher listener = new BookWatcher();
        BinanceStreamSession session = new BinanceStreamSession("usdm", BinanceMarket.USDM_FUTURES,
                List.of("BTCUSDT"), true, listener, BinanceStreamSession.SnapshotRequests.NONE,
                new InputQuality("usdm", 10_000, 1_000));
        session.connected(0);
        try (InputStream raw = Files.newInputStream(
                TestData.file("orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz"));
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                     StandardCharsets.UTF_8))) {
            String line;
            for (int k = 0; k < 6_000 && (line = r.readLine()) != null; k++) {
                int brace = line.indexOf('{');
                feed(session, line.substring(brace), Long.parseLong(line, 0, brace - 1, 10), k);
                if (listener.last != null) {
                    assertThat(listener.last).as("the book handed on is the session's").isSameAs(
                            session.book("BTCUSDT"));
                }
            }
        }
        assertThat(listener.snapshots).isEqualTo(1);
        assertThat(listener.depth).isGreaterThan(400);
        assertThat(listener.withoutBook).as("events handed on without the book").isZero();
        assertThat(listener.notYetApplied).as("events handed on before the book took them").isZero();
        assertThat(session.health("BTCUSDT")).isEqualTo(FeedHealth.LIVE);
    }

    /** Checks that each depth event arrives with a book that already reflects it. */
    private static final class BookWatcher extends Counting {
        com.alphacast.core.book.BookSynchronizer last;
        long snapshots;
        long withoutBook;
        long notYetApplied;

        @Override
        public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
            withoutBook++;
        }

        @Override
        public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update,
                                  com.alphacast.core.book.BookSynchronizer sourceBook) {
            depth++;
            last = sourceBook;
            if (sourceBook.isLive() && sourceBook.lastUpdateId() != update.finalUpdateId()) {
                notYetApplied++;
            }
        }

        @Override
        public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot,
                                    com.alphacast.core.book.BookSynchronizer sourceBook) {
            snapshots++;
            last = sourceBook;
            if (sourceBook.state() == com.alphacast.core.book.SyncState.AWAITING_SNAPSHOT) {
                notYetApplied++;
            }
        }
    }

    private static void feed(BinanceStreamSession session, String frame, long received, long position) {
        if (frame.startsWith("{\"lastUpdateId\"")) {
            session.onSnapshotBody("BTCUSDT", frame, received); // the REST body a resync fetches
        } else {
            session.onFrame(frame, received, position);
        }
    }

    private static class Counting implements MarketEventListener {
        long trades;
        long tops;
        long depth;

        @Override
        public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                            double size, Aggressor aggressor) {
            trades++;
        }

        @Override
        public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice,
                                double bidSize, double askPrice, double askSize) {
            tops++;
        }

        @Override
        public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
            depth++;
        }

        @Override
        public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot) {
        }

        @Override
        public void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain) {
        }

        @Override
        public void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos,
                                 String reason) {
        }
    }
}
