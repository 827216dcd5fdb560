package com.alphacast.feeds.replay;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.trades.TradeCsvDecoder;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Replays a trades CSV (core's {@link TradeCsvDecoder} layouts, decoded from the file's bytes with no allocation per
 * row) as trades, plus the prevailing quote as top of book when the file carries one. Exchange time = the recorded trade time; receive time = the wall clock when the replay hands the
 * event over, as for a live feed (the signal's age and latency count from it), or the recorded time for a backtest
 * ({@link ReceiveClock}). A bad line is counted and logged with its line, never
 * fatal. Each symbol is {@code LIVE} from its first trade until the end of the file ({@code DISCONNECTED}).
 */
public final class TradeCsvReplay implements FeedSource {

    private final String name;
    private final Path file;
    private final String defaultSymbol;
    private final ReceiveClock clock;
    private final InputQuality quality;
    private final ReplayRun run;

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
        this.run = new ReplayRun(name, speed);
        this.quality = new InputQuality(name, 10_000, 1_000);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(MarketEventListener listener) {
        ReplayedSymbols symbols = new ReplayedSymbols(name, listener);
        Emitter emitter = new Emitter(listener, symbols);
        run.start(() -> {
            try (InputStream in = RecordingFiles.openBytes(file)) {
                new TradeCsvDecoder(defaultSymbol).decode(in, file.toString(), emitter, this::badLine);
            }
        }, symbols);
    }

    /** Paces each decoded row and hands it to the listener: its quote as top of book first, then its trade. */
    private final class Emitter implements TradeCsvDecoder.TradeSink {

        private final MarketEventListener listener;
        private final ReplayedSymbols symbols;
        /** The row's quote was emitted, so the row is already paced and counted. */
        private boolean quoted;

        Emitter(MarketEventListener listener, ReplayedSymbols symbols) {
            this.listener = listener;
            this.symbols = symbols;
        }

        @Override
        public void onQuote(String symbol, long epochMillis, double bidPrice, double bidSize, double askPrice,
                            double askSize) {
            long nanos = due(symbol, epochMillis);
            quoted = true;
            listener.onTopOfBook(symbol, nanos, clock.receivedNanos(nanos), bidPrice, bidSize, askPrice, askSize);
        }

        @Override
        public void onTrade(String symbol, long epochMillis, double price, long size, Aggressor aggressor,
                            long line) {
            long nanos = quoted ? epochMillis * 1_000_000L : due(symbol, epochMillis);
            quoted = false;
            listener.onTrade(symbol, nanos, clock.receivedNanos(nanos), line, price, size, aggressor);
        }

        /** Waits until the row is due, counts it, and reports a symbol LIVE at its first row. */
        private long due(String symbol, long epochMillis) {
            long nanos = epochMillis * 1_000_000L;
            run.awaitDue(nanos);
            quality.frame();
            symbols.seen(symbol, nanos, "replaying " + file.getFileName());
            return nanos;
        }
    }

    private void badLine(InputFormatException bad) {
        quality.frame();
        quality.report(InputProblem.MALFORMED_FRAME, bad.line(), bad.getMessage());
    }

    /** Waits for the end of the file; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return run.awaitEnd(timeout);
    }

    public InputQuality quality() {
        return quality;
    }

    @Override
    public void close() {
        run.close();
    }
}
