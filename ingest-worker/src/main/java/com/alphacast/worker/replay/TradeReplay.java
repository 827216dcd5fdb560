package com.alphacast.worker.replay;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.market.Trade;
import com.alphacast.worker.pipeline.MarketPipeline;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a recorded trades file into the market pipeline, paced by the configured speed. A malformed line
 * is counted and reported with its line number and the replay goes on: one bad print must not end a
 * session.
 */
public final class TradeReplay {

    private static final int MALFORMED_KEPT = 20;

    private final TradeCsvReader reader;
    private final Clock clock;

    public TradeReplay(TradeCsvReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    public ReplayReport replay(Path file, double speedMultiplier, MarketPipeline pipeline) {
        Instant start = clock.instant();
        ReplayPacer pacer = new ReplayPacer(speedMultiplier);
        long[] events = {0};
        long[] malformedCount = {0};
        List<String> malformed = new ArrayList<>();
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
                pipeline.onTrade(trade.epochMillis(), trade.price(), trade.size(), clock.instant());
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
        pipeline.finish(clock.instant());
        return new ReplayReport(file.toString(), events[0], malformedCount[0], List.copyOf(malformed),
                pipeline.barsClosed(), pipeline.signalsSent(), Duration.between(start, clock.instant()));
    }
}
