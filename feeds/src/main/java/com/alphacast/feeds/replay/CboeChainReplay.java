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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread thread;

    /** @param instruments the worker's symbols this chain is the chain of (ES may follow SPX's chain) */
    public CboeChainReplay(String name, CboeQuoteData data, List<String> instruments) {
        this.name = Objects.requireNonNull(name, "name");
        this.data = Objects.requireNonNull(data, "data");
        this.instruments = List.copyOf(instruments);
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
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        Thread t = new Thread(() -> {
            try {
                Instant asOf = data.asOfTime().toInstant();
                long exchangeNanos = asOf.getEpochSecond() * 1_000_000_000L + asOf.getNano();
                for (String instrument : instruments) {
                    Instant now = Instant.now();
                    listener.onOptionChain(instrument, exchangeNanos, now.getEpochSecond() * 1_000_000_000L
                            + now.getNano(), data.chain());
                }
            } finally {
                finished.countDown();
            }
        }, "replay-" + name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Waits until the chain is delivered; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
