package com.alphacast.core.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Where an instrument's option chain comes from ({@code worker.instruments.<SYMBOL>.chain}): today CBOE's public
 * delayed-quotes JSON, polled during the session.
 *
 * @param source      the chain source ({@value #CBOE})
 * @param underlying  the underlying as CBOE names it: {@code SPY}, or {@code _SPX} for an index; the chain applies to
 *                    the instrument that configures it (ES can follow SPY's or SPX's chain)
 * @param interval    time between two polls of the underlying
 */
public record ChainSourceSettings(String source, String underlying, Duration interval) {

    public static final String CBOE = "cboe";
    /** Politeness floor: CBOE's delayed quotes change at most this often, polling faster only adds load. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    public static final String UNDERLYING_PATTERN = "_?[A-Z][A-Z0-9.]{0,9}";

    public ChainSourceSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(interval, "interval");
        if (!source.equals(CBOE)) {
            throw new IllegalArgumentException("chain source must be '" + CBOE + "', was '" + source + "'");
        }
        if (!underlying.matches(UNDERLYING_PATTERN)) {
            throw new IllegalArgumentException("chain underlying must be a CBOE symbol like SPY or _SPX, was '"
                    + underlying + "'");
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("chain interval must be at least " + MIN_INTERVAL.toSeconds()
                    + " s, was " + interval);
        }
    }

    /** The underlying without CBOE's index marker: {@code _SPX} → {@code SPX}, as a chain file names it. */
    public String underlyingName() {
        return underlying.startsWith("_") ? underlying.substring(1) : underlying;
    }
}
