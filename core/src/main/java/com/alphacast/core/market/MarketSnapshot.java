package com.alphacast.core.market;

import java.time.Instant;
import java.util.Objects;

/**
 * What the worker publishes about an instrument after each closed bar; the paper broker fills against it.
 *
 * @param bar        the closed bar
 * @param observedAt wall-clock time the bar's last trade reached the worker
 * @param analytics  the instrument's analytics when the bar closed
 */
public record MarketSnapshot(Bar bar, Instant observedAt, MarketAnalytics analytics) {

    public MarketSnapshot {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(analytics, "analytics");
    }

    /** A snapshot of the bar alone (no analytics known). */
    public MarketSnapshot(Bar bar, Instant observedAt) {
        this(bar, observedAt, MarketAnalytics.NONE);
    }

    public String symbol() {
        return bar.symbol();
    }

    /** The last traded price at the end of the bar. */
    public double lastPrice() {
        return bar.close();
    }
}
