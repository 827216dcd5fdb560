package com.alphacast.core.marketdata;

/** What a source can say about one instrument's data; only {@link #LIVE} data may produce signals. */
public enum FeedHealth {
    /** Connected and, for books, synchronised with the venue's sequence numbers. */
    LIVE,
    /** Connected but still catching up (waiting for a snapshot, buffering diffs). */
    SYNCHRONISING,
    /** No message within the staleness window, or a sequence gap: the book may be wrong until resynchronised. */
    STALE,
    /** The connection is down; the source is reconnecting with backoff. */
    DISCONNECTED
}
