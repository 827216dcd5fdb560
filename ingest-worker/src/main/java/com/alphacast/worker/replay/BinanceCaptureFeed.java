package com.alphacast.worker.replay;

import com.alphacast.core.feed.InputLines;
import com.alphacast.core.feed.binance.BinanceCaptureReader;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.feed.binance.CapturedMessage;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Replays Binance captures (cryptofeed REST snapshots and WebSocket streams, or plain JSONL) as a feed: depth
 * snapshots and diffs, bookTicker tops and aggTrades, merged by receive time as they arrived, at full speed on
 * the feed's own thread. Every symbol seen is LIVE while the capture plays (the book's own synchronisation
 * decides whether its depth is usable) and DISCONNECTED at the end. A small stand-in for the feeds module's
 * general replay, so the worker can be driven from the captures in {@code testdata/orderbook}.
 */
public final class BinanceCaptureFeed implements RecordedFeed {

    private final List<Path> files;
    private final ReceiveClock clock;
    private final CompletableFuture<FeedReplayResult> completion = new CompletableFuture<>();
    private Thread thread;

    public BinanceCaptureFeed(List<Path> files, ReceiveClock clock) {
        this.files = List.copyOf(files);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "replay:" + files.get(0).getFileName();
    }

    @Override
    public void start(MarketEventListener listener) {
        thread = new Thread(() -> {
            try {
                completion.complete(replay(listener));
            } catch (RuntimeException | Error e) {
                completion.completeExceptionally(e);
            }
        }, "feed-" + name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public CompletableFuture<FeedReplayResult> completion() {
        return completion;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private FeedReplayResult replay(MarketEventListener listener) {
        List<CapturedMessage> all = new ArrayList<>();
        for (Path file : files) {
            try (Reader in = InputLines.utf8(new BufferedInputStream(Files.newInputStream(file)))) {
                all.addAll(new BinanceCaptureReader(null).readAll(in, file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read capture " + file, e);
            }
        }
        // as in BinanceBookReplay: by receive time, untimed ones after in file order (a stable sort)
        all.sort(Comparator.comparingDouble((CapturedMessage m) ->
                Double.isNaN(m.receivedEpochSec()) ? Double.MAX_VALUE : m.receivedEpochSec()));
        Set<String> symbols = new LinkedHashSet<>();
        all.forEach(m -> symbols.add(m.message().symbol()));
        symbols.forEach(s -> listener.onFeedHealth(name(), s, FeedHealth.LIVE, clock.epochNanos(), "replay started"));
        long events = 0;
        for (CapturedMessage captured : all) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            long exchangeNanos = Math.round(captured.receivedEpochSec() * 1e9);
            long now = clock.epochNanos();
            BinanceMessage message = captured.message();
            if (message instanceof BinanceMessage.Snapshot snapshot) {
                listener.onDepthSnapshot(message.symbol(), now, snapshot.snapshot());
            } else if (message instanceof BinanceMessage.Depth depth) {
                listener.onDepthUpdate(message.symbol(), depth.update().eventTimeMillis() * 1_000_000L, now,
                        depth.update());
            } else if (message instanceof BinanceMessage.BookTicker ticker) {
                listener.onTopOfBook(message.symbol(), exchangeNanos, now, ticker.top().bidPrice(),
                        ticker.top().bidQuantity(), ticker.top().askPrice(), ticker.top().askQuantity());
            } else if (message instanceof BinanceMessage.AggTrade trade) {
                listener.onTrade(message.symbol(), trade.tradeTimeMillis() * 1_000_000L, now,
                        trade.aggregateTradeId(), trade.price(), trade.quantity(), trade.aggressor());
            } else {
                continue;
            }
            events++;
        }
        symbols.forEach(s -> listener.onFeedHealth(name(), s, FeedHealth.DISCONNECTED, clock.epochNanos(),
                "end of capture"));
        return new FeedReplayResult(String.join(", ", files.stream().map(Path::toString).toList()), events, 0,
                List.of());
    }
}
