package com.alphacast.core.bars;

import com.alphacast.core.market.Bar;

import java.util.Locale;
import java.util.Objects;

/**
 * Builds bars that close on an activity threshold instead of the clock (López de Prado, "Advances in Financial Machine
 * Learning", ch. 2):
 * <ul>
 *   <li>{@link #volume volume bars}: a bar closes on the trade that brings its traded quantity to at least the
 *       threshold;</li>
 *   <li>{@link #notional dollar (notional) bars}: the same on {@code Σ price × size}, in price units × quantity (apply
 *       a contract multiplier to the threshold for futures).</li>
 * </ul>
 * Trades are not split, so a bar can hold a little more than the threshold (the usual definition). {@code
 * Bar.startMillis} is the first trade's time and {@code Bar.endMillis} is one millisecond after the last trade's time,
 * because the end is exclusive.
 *
 * <p>Same shape as {@link TimeBarBuilder}; the difference is that the completing trade belongs to the bar it completes,
 * so the bar is returned on that trade and the next trade opens a new one. Allocates only the completed bar.
 */
public final class ThresholdBarBuilder {

    /** What a bar's threshold measures. */
    public enum Measure {
        /** Traded quantity. */
        VOLUME,
        /** Traded notional, {@code Σ price × size}. */
        NOTIONAL
    }

    private final Measure measure;
    private final double threshold;
    private final OpenBar bar;

    private ThresholdBarBuilder(String symbol, Measure measure, double threshold) {
        Objects.requireNonNull(symbol, "symbol");
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("bar " + measure.name().toLowerCase(Locale.ROOT)
                    + " must be positive and finite, was " + threshold);
        }
        this.measure = measure;
        this.threshold = threshold;
        this.bar = new OpenBar(symbol);
    }

    /** Volume bars of at least {@code barVolume} traded quantity. */
    public static ThresholdBarBuilder volume(String symbol, long barVolume) {
        return new ThresholdBarBuilder(symbol, Measure.VOLUME, barVolume);
    }

    /** Dollar bars of at least {@code barNotional} traded notional. */
    public static ThresholdBarBuilder notional(String symbol, double barNotional) {
        return new ThresholdBarBuilder(symbol, Measure.NOTIONAL, barNotional);
    }

    /** @return the bar this trade completed, or {@code null} */
    public Bar onTrade(long epochMillis, double price, long size) {
        OpenBar.requireValid(price, size);
        if (!bar.isOpen()) {
            bar.start(epochMillis, epochMillis, price, size);
        } else {
            bar.add(epochMillis, price, size);
        }
        double reached = measure == Measure.VOLUME ? bar.volume() : bar.notional();
        return reached >= threshold ? bar.closeAfterLastTrade() : null;
    }

    /** Returns the open (incomplete) bar, or {@code null}, and resets the builder. */
    public Bar flush() {
        return bar.isOpen() ? bar.closeAfterLastTrade() : null;
    }

    public Measure measure() {
        return measure;
    }

    /** The threshold: quantity for volume bars, notional for dollar bars. */
    public double threshold() {
        return threshold;
    }
}
