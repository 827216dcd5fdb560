package com.alphacast.worker.replay;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.market.Trade;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Replays a recorded trades CSV as a feed, on its own thread, paced by the requested speed. A malformed line is
 * counted and reported with its line number and the replay goes on: one bad print must not end a session.
 * The instrument is LIVE while the file plays and DISCONNECTED at its end.
 */
public final class TradeFileFeed implements RecordedFeed {

    private static final int MALFORMED_KEPT = 20;

    private final String symbol;
    private final Path file;
    private final TradeCsvReader reader;
    private final double speedMultiplier;
    private final ReceiveClock clock;
    private final CompletableFuture<FeedReplayResult> completion = new CompletableFuture<>();
    private Thread thread;

    public TradeFileFeed(String symbol, Path file, TradeCsvReader reader, double speedMultiplier, ReceiveClock clock) {
        this.symbol = symbol;
        this.file = file;
        this.reader = reader;
        this.speedMultiplier = speedMultiplier;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "replay:" + file.getFileName();
    }

    @Override
    public void start(MarketEventListener listener) {
        thread = new Thread(() -> run(listener), "feed-" + name());
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

    private void run(MarketEventListener listener) {
        try {
            completion.complete(replay(listener));
        } catch (RuntimeException | Error e) {
            completion.completeExceptionally(e);
        }
    }

    private FeedReplayResult replay(MarketEventListener listener) {
        ReplayPacer pacer = new ReplayPacer(speedMultiplier);
        long[] events = {0};
        long[] malformedCount = {0};
        List<String> malformed = new ArrayList<>();
        listener.onFeedHealth(name(), symbol, FeedHealth.LIVE, clock.epochNanos(), "replay started");
        // strict UTF-8 that names the line and column of a bad byte (the JDK reader only says "Input length = 1")
        try (Reader in = InputLines.utf8(new BufferedInputStream(Files.newInputStream(file)))) {
            reader.forEachRow(in, file.toString(), row -> {
                Trade trade = row.trade();
                try {
                    pacer.awaitMarketTime(trade.epochMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("replay interrupted at line " + row.line(), e);
                }
                listener.onTrade(symbol, trade.epochMillis() * 1_000_000L, clock.epochNanos(), row.line(),
                        trade.price(), trade.size(), row.aggressor() == null ? Aggressor.UNKNOWN : row.aggressor());
                events[0]++;
            }, (InputFormatException bad) -> {
                malformedCount[0]++;
                if (malformed.size() < MALFORMED_KEPT) {
                    malformed.add("line " + bad.line() + ", column " + bad.column() + ": " + bad.problem());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read replay file " + file, e);
        }
        listener.onFeedHealth(name(), symbol, FeedHealth.DISCONNECTED, clock.epochNanos(), "end of file");
        return new FeedReplayResult(file.toString(), events[0], malformedCount[0], malformed);
    }
}
