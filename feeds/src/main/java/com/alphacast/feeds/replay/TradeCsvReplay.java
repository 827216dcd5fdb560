package com.alphacast.feeds.replay;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Replays a trades CSV (core's {@link TradeCsvReader} layouts) as trades, plus the prevailing quote as top of book when
 * the file carries one. Exchange time = the recorded trade time; receive time = the wall clock when the replay hands the
 * event over, as for a live feed (the signal's age and latency count from it), or the recorded time for a backtest
 * ({@link ReceiveClock}). A bad line is counted and logged with its line, never
 * fatal. Each symbol is {@code LIVE} from its first trade until the end of the file ({@code DISCONNECTED}).
 */
public final class TradeCsvReplay implements FeedSource {

    private final String name;
    private final Path file;
    private final String defaultSymbol;
    private final ReplaySpeed speed;
    private final ReceiveClock clock;
    private final InputQuality quality;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread thread;
    private volatile Throwable failure;

    /** @param defaultSymbol symbol for layouts without a symbol column */
    public TradeCsvReplay(String name, Path file, String defaultSymbol, ReplaySpeed speed) {
        this(name, file, defaultSymbol, speed, ReceiveClock.WALL);
    }

    /** @param clock what receive time is stamped: the wall clock (live-like) or the recorded time (a backtest) */
    public TradeCsvReplay(String name, Path file, String defaultSymbol, ReplaySpeed speed, ReceiveClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
        this.defaultSymbol = Objects.requireNonNull(defaultSymbol, "defaultSymbol");
        this.speed = Objects.requireNonNull(speed, "speed");
        this.quality = new InputQuality(name, 10_000, 1_000);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(MarketEventListener listener) {
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        Thread t = new Thread(() -> run(listener), "replay-" + name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(MarketEventListener listener) {
        ReplayPacer pacer = new ReplayPacer(speed);
        Set<String> live = new HashSet<>();
        long[] last = {0};
        try (Reader in = RecordingFiles.open(file)) {
            new TradeCsvReader(defaultSymbol).forEachRow(in, file.toString(), row -> {
                long nanos = row.trade().epochMillis() * 1_000_000L;
                if (!pacer.awaitDue(nanos)) {
                    throw new IllegalStateException("closed");
                }
                last[0] = nanos;
                quality.frame();
                emit(listener, row, nanos, live);
            }, this::badLine);
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            for (String symbol : live) {
                listener.onFeedHealth(name, symbol, FeedHealth.DISCONNECTED, last[0],
                        failure == null ? "end of recording" : "replay stopped: " + failure.getMessage());
            }
            finished.countDown();
        }
    }

    private void emit(MarketEventListener listener, TradeRow row, long nanos, Set<String> live) {
        String symbol = row.trade().symbol();
        if (live.add(symbol)) {
            listener.onFeedHealth(name, symbol, FeedHealth.LIVE, nanos, "replaying " + file.getFileName());
        }
        if (row.quote() != null) {
            listener.onTopOfBook(symbol, nanos, clock.receivedNanos(nanos), row.quote().bidPrice(), row.quote().bidSize(),
                    row.quote().askPrice(), row.quote().askSize());
        }
        listener.onTrade(symbol, nanos, clock.receivedNanos(nanos), row.line(), row.trade().price(), row.trade().size(), row.aggressor());
    }

    private void badLine(InputFormatException bad) {
        quality.frame();
        quality.report(InputProblem.MALFORMED_FRAME, bad.line(), bad.getMessage());
    }

    /** Waits for the end of the file; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public InputQuality quality() {
        return quality;
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
