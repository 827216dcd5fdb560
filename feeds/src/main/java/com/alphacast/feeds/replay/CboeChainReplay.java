package com.alphacast.feeds.replay;

import com.alphacast.core.feed.cboe.CboeChainReader;
import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Replays a recorded option chain, CBOE's {@code quotedata.csv} export or its delayed-quotes JSON (told apart by the
 * first character), through the listener call the live poller makes: {@link MarketEventListener#onOptionChain} of each
 * instrument that follows the chain, exchange time = the chain's as-of time, receive time = the wall clock. A chain is
 * a snapshot, so it is delivered once, before the market recording it goes with, and holds for the whole replay.
 * A file that is not a chain fails {@link #read} with the file, line and column.
 */
public final class CboeChainReplay implements FeedSource {

    private final String name;
    private final CboeQuoteData data;
    private final List<String> instruments;
    private final ReplayRun run;

    /** @param instruments the worker's symbols this chain is the chain of (ES may follow SPX's chain) */
    public CboeChainReplay(String name, CboeQuoteData data, List<String> instruments) {
        this.name = Objects.requireNonNull(name, "name");
        this.data = Objects.requireNonNull(data, "data");
        this.instruments = List.copyOf(instruments);
        this.run = new ReplayRun(name, ReplaySpeed.MAX); // one snapshot: nothing to pace
        if (this.instruments.isEmpty()) {
            throw new IllegalArgumentException(name + ": the chain of " + data.chain().underlying()
                    + " is delivered to no instrument");
        }
    }

    /** Decodes a recorded chain, CSV export or JSON; {@code .gz} files are gunzipped. */
    public static CboeQuoteData read(Path file) {
        try (Reader in = RecordingFiles.open(file)) {
            return new CboeChainReader().read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    public CboeQuoteData data() {
        return data;
    }

    @Override
    public void start(MarketEventListener listener) {
        run.start(() -> {
            Instant asOf = data.asOfTime().toInstant();
            long exchangeNanos = asOf.getEpochSecond() * 1_000_000_000L + asOf.getNano();
            for (String instrument : instruments) {
                listener.onOptionChain(instrument, exchangeNanos, ReceiveClock.WALL.receivedNanos(exchangeNanos),
                        data.chain());
            }
        }, ReplayRun.Ending.NOTHING);
    }

    /** Waits until the chain is delivered; false on timeout. Rethrows what stopped the delivery, if anything. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        boolean done = run.awaitEnd(timeout);
        Throwable failure = run.failure();
        if (done && failure != null && !(failure instanceof ReplayRun.Stopped)) {
            throw new IllegalStateException(name + ": chain not delivered: " + failure.getMessage(), failure);
        }
        return done;
    }

    @Override
    public void close() {
        run.close();
    }
}
