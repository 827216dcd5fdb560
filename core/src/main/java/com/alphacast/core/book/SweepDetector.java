package com.alphacast.core.book;

import com.alphacast.core.classification.Aggressor;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Detects sweeps in a stream of aggressor-classified trades: a run of same-side aggressive prints, starting within
 * {@code windowMillis} (default 50 ms, per docs/analytics-conventions.md, "Sweeps") of the run's first
 * print, whose prices never move back
 * against the aggressor (a buy sweep walks up the offers, a sell sweep walks down the bids), is a sweep when it took
 * at least {@code minLevels} distinct price levels. A run ends at the first print that is outside the window, of the
 * other side, unclassified, or priced back inside the run; {@link #flush()} ends the last run. Only the reported
 * {@link Sweep} is allocated. Not thread-safe.
 */
public final class SweepDetector {

    private final String symbol;
    private final long windowMillis;
    private final int minLevels;
    private final Consumer<Sweep> listener;
    private Aggressor side = Aggressor.UNKNOWN;
    private long start;
    private long end;
    private int levels;
    private int trades;
    private double size;
    private double notional;
    private double first;
    private double last;

    public SweepDetector(String symbol, long windowMillis, int minLevels, Consumer<Sweep> listener) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        if (windowMillis < 0) {
            throw new IllegalArgumentException("window must be >= 0 ms, was " + windowMillis);
        }
        if (minLevels < 2) {
            throw new IllegalArgumentException("a sweep takes at least 2 levels, was " + minLevels);
        }
        this.windowMillis = windowMillis;
        this.minLevels = minLevels;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Defaults from the conventions: 50 ms window; three or more levels. */
    public SweepDetector(String symbol, Consumer<Sweep> listener) {
        this(symbol, 50, 3, listener);
    }

    public void onTrade(long epochMillis, double price, double quantity, Aggressor aggressor) {
        if (side != Aggressor.UNKNOWN && aggressor == side && epochMillis - start <= windowMillis
                && continuesRun(price)) {
            if (price != last) {
                levels++;
            }
            trades++;
            size += quantity;
            notional += price * quantity;
            last = price;
            end = Math.max(end, epochMillis);
            return;
        }
        flush();
        if (aggressor == Aggressor.UNKNOWN) {
            return;
        }
        side = aggressor;
        start = epochMillis;
        end = epochMillis;
        levels = 1;
        trades = 1;
        size = quantity;
        notional = price * quantity;
        first = price;
        last = price;
    }

    private boolean continuesRun(double price) {
        return side == Aggressor.BUY ? price >= last : price <= last;
    }

    /** Ends the current run, reporting it if it was a sweep. */
    public void flush() {
        if (side != Aggressor.UNKNOWN && levels >= minLevels) {
            listener.accept(new Sweep(symbol, side, start, end, levels, trades, size, notional, first, last));
        }
        side = Aggressor.UNKNOWN;
    }
}
