package com.alphacast.core.market;

import java.time.Instant;

/**
 * What the worker publishes about an instrument after each closed bar; the paper broker fills against it.
 *
 * @param bar        the closed bar
 * @param observedAt wall-clock time the bar's last trade reached the worker
 */
public record MarketSnapshot(Bar bar, Instant observedAt) {

    public String symbol() {
        return bar.symbol();
    }

    /** The last traded price at the end of the bar. */
    public double lastPrice() {
        return bar.close();
    }
}
