package com.alphacast.feeds.supervisor;

/**
 * Where feed alerts go (the worker writes the control table's status record and an operator-chat message). Called on
 * the supervisor's own thread, never a feed thread, so an implementation may block on I/O.
 */
@FunctionalInterface
public interface OperatorAlerts {

    void alert(FeedAlert alert);
}
