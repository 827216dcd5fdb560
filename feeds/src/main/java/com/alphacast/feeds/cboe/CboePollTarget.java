package com.alphacast.feeds.cboe;

import com.alphacast.core.settings.ChainSourceSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * One chain the poller fetches: CBOE's underlying ({@code SPY}, {@code _SPX}) every {@code interval}, delivered as the
 * chain of {@code instrument} (the worker's symbol, which may differ: ES can follow SPX's chain). The configuration's
 * politeness floor ({@link ChainSourceSettings#MIN_INTERVAL}) is checked where settings are loaded; loopback tests
 * poll faster.
 */
public record CboePollTarget(String instrument, String underlying, Duration interval) {

    public CboePollTarget {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(interval, "interval");
        if (!underlying.matches(ChainSourceSettings.UNDERLYING_PATTERN)) {
            throw new IllegalArgumentException("CBOE underlying must look like SPY or _SPX, was '" + underlying + "'");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + interval);
        }
    }

    /** The instrument's configured chain source. */
    public static CboePollTarget of(String instrument, ChainSourceSettings chain) {
        return new CboePollTarget(instrument, chain.underlying(), chain.interval());
    }
}
