package com.alphacast.core.bars;

import com.alphacast.core.market.Bar;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds time bars from a trade stream. Bars are aligned to multiples of the period since the epoch (a 1-minute bar
 * always starts on a whole minute, UTC), and {@code Bar.endMillis = startMillis + period}. A period without trades
 * produces no bar: a gap in the series means "no trading", not a repeated close.
 *
 * <p>A trade whose timestamp lies before the open bar's start (a late print, common when feeds merge venues) is
 * folded into the open bar instead of re-opening a bar that was already handed out; the alternative would
 * publish the same period twice.
 *
 * <p>Not thread-safe; one builder per symbol per consumer thread. {@link #onTrade} allocates only the completed bar.
 */
public final class TimeBarBuilder {

    private final long periodMillis;
    private final OpenBar bar;

    public TimeBarBuilder(String symbol, Duration period) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(period, "period");
        if (period.toMillis() <= 0) {
            throw new IllegalArgumentException("period must be at least 1 ms, was " + period);
        }
        this.periodMillis = period.toMillis();
        this.bar = new OpenBar(symbol);
    }

    /**
     * Adds a trade.
     *
     * @return the bar that this trade completed (because it falls in a later period than the open bar; the trade then
     * opens the new bar), or {@code null} if no bar was completed
     */
    public Bar onTrade(long epochMillis, double price, long size) {
        OpenBar.requireValid(price, size);
        long periodStart = Math.floorDiv(epochMillis, periodMillis) * periodMillis;
        if (!bar.isOpen()) {
            bar.start(periodStart, epochMillis, price, size);
            return null;
        }
        if (periodStart > bar.startMillis()) {
            Bar completed = bar.close(bar.startMillis() + periodMillis);
            bar.start(periodStart, epochMillis, price, size);
            return completed;
        }
        bar.add(epochMillis, price, size);
        return null;
    }

    /** Returns the open (incomplete) bar, or {@code null} if there is none, and resets the builder. */
    public Bar flush() {
        return bar.isOpen() ? bar.close(bar.startMillis() + periodMillis) : null;
    }

    public long periodMillis() {
        return periodMillis;
    }
}
