package com.alphacast.feeds.supervisor;

import com.alphacast.core.marketdata.FeedSource;

/**
 * A source that can rebuild an instrument's book from a fresh snapshot on request. The supervisor asks the source it
 * fails over to, so the consumer's book restarts from that source's snapshot instead of mixing two sources' ids.
 */
public interface Resynchronisable extends FeedSource {

    /**
     * Asynchronous: the source reports {@code STALE}, then {@code LIVE} once the new snapshot is synchronised. Called
     * under the instrument's route lock, which the source's own feed thread takes to deliver events: it must hand the
     * work to that thread and return, never wait for it.
     */
    void resynchronise(String instrument, String reason);
}
