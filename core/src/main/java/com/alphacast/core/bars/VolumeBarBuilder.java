package com.alphacast.core.bars;

import com.alphacast.core.market.Bar;

import java.util.Objects;

/**
 * Builds volume bars: a bar closes on the trade that brings its traded quantity to at least {@code barVolume}
 * (trades are not split, so a bar can hold a little more than the threshold; this is the usual definition in
 * López de Prado, "Advances in Financial Machine Learning", ch. 2). {@code Bar.startMillis} is the first trade's time
 * and {@code Bar.endMillis} is one millisecond after the last trade's time, because the end is exclusive.
 *
 * <p>Same shape as {@link TimeBarBuilder}; the difference is that the completing trade belongs to the bar it completes,
 * so the bar is returned on that trade and the next trade opens a new one. Allocates only the completed bar.
 */
public final class VolumeBarBuilder {

    private final long barVolume;
    private final OpenBar bar;

    public VolumeBarBuilder(String symbol, long barVolume) {
        Objects.requireNonNull(symbol, "symbol");
        if (barVolume <= 0) {
            throw new IllegalArgumentException("bar volume must be positive, was " + barVolume);
        }
        this.barVolume = barVolume;
        this.bar = new OpenBar(symbol);
    }

    /** @return the bar this trade completed, or {@code null} */
    public Bar onTrade(long epochMillis, double price, long size) {
        OpenBar.requireValid(price, size);
        if (!bar.isOpen()) {
            bar.start(epochMillis, epochMillis, price, size);
        } else {
            bar.add(epochMillis, price, size);
        }
        return bar.volume() >= barVolume ? bar.closeAfterLastTrade() : null;
    }

    /** Returns the open (incomplete) bar, or {@code null}, and resets the builder. */
    public Bar flush() {
        return bar.isOpen() ? bar.closeAfterLastTrade() : null;
    }

    public long barVolume() {
        return barVolume;
    }
}
