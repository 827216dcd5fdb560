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

    private static void feed(BinanceStreamSession session, String frame, long received, long position) {
        if (frame.startsWith("{\"lastUpdateId\"")) {
            session.onSnapshotBody("BTCUSDT", frame, received); // the REST body a resync fetches
        } else {
            session.onFrame(frame, received, position);
        }
    }

    private static final class Counting implements MarketEventListener {
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
