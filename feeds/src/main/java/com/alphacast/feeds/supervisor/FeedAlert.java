package com.alphacast.feeds.supervisor;

import java.util.Objects;

/**
 * What operators are told about an instrument's feed.
 *
 * @param fromSource the source that was active ({@code null} at start)
 * @param toSource   the source now active ({@code null} when none is healthy)
 */
public record FeedAlert(Kind kind, String instrument, String fromSource, String toSource, String reason,
                        long atNanos) {

    public enum Kind {
        /** The active source failed and a lower-priority one took over. */
        FAILOVER,
        /** No source is healthy: the instrument's strategies are silent. */
        SILENCED,
        /** A higher-priority source recovered and was taken back after the hold-down. */
        TAKEN_BACK,
        /** After being silenced, a source is live again. */
        RESTORED
    }

    public FeedAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(reason, "reason");
    }
}
