package com.alphacast.feeds.supervisor;

import com.alphacast.core.marketdata.FeedStatus;

/**
 * Where feed alerts go (the worker writes the control table's status record and an operator-chat message). Called on
 * the supervisor's own thread, never a feed thread; the supervisor's staleness checks share that thread, so an
 * implementation doing I/O hands it to its own bounded executor.
 */
@FunctionalInterface
public interface OperatorAlerts {

    /** A change operators act on: failover, silence, take-back, restoration. */
    void alert(FeedAlert alert);

    /** Every change of an instrument's health or active source, for a status board; ignored by default. */
    default void status(FeedStatus status) {
    }
}
