package com.alphacast.core.marketdata;

import java.util.Objects;

/**
 * An instrument's feed as its consumer sees it now: the source passed on (the supervisor's own name while none is),
 * its health as the consumer is told it, why, and since when (epoch nanoseconds). Operators read it in the control
 * table and with {@code /status}.
 */
public record FeedStatus(String instrument, String source, FeedHealth health, String reason, long sinceNanos) {

    public FeedStatus {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(reason, "reason");
        if (instrument.isBlank()) {
            throw new IllegalArgumentException("feed status needs an instrument");
        }
    }
}
