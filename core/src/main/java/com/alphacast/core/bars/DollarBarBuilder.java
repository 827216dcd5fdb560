package com.alphacast.core.bars;

import com.alphacast.core.market.Bar;

import java.util.Objects;

/**
 * Builds dollar (notional) bars: a bar closes on the trade that brings its traded notional {@code Σ price × size} to
 * at least {@code barNotional}. Notional is in price units × quantity; apply a contract multiplier to the threshold
 * for futures. Time stamps and the no-split rule are as in {@link VolumeBarBuilder}.
 */
public final class DollarBarBuilder {

    private final double barNotional;
    private final OpenBar bar;

    public DollarBarBuilder(String symbol, double barNotional) {
        Objects.requireNonNull(symbol, "symbol");
        if (!(barNotional > 0) || Double.isInfinite(barNotional)) {
            throw new IllegalArgumentException("bar notional must be positive and finite, was " + barNotional);
        }
        this.barNotional = barNotional;
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
        return bar.notional() >= barNotional ? bar.closeAfterLastTrade() : null;
    }

    /** Returns the open (incomplete) bar, or {@code null}, and resets the builder. */
    public Bar flush() {
        return bar.isOpen() ? bar.closeAfterLastTrade() : null;
    }

    public double barNotional() {
        return barNotional;
    }
}
