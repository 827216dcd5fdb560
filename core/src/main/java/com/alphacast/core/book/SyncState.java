package com.alphacast.core.book;

/** Where a {@link BookSynchronizer} is in the snapshot-plus-diff protocol. */
public enum SyncState {
    /** No snapshot yet: diff events are buffered. */
    AWAITING_SNAPSHOT,
    /** Snapshot loaded; waiting for the event that straddles its lastUpdateId. */
    AWAITING_FIRST_EVENT,
    /** Every event so far continued the previous one: the book is correct. */
    LIVE,
    /** A gap was seen: the book must not be used until a new snapshot re-syncs it. Events are buffered meanwhile. */
    STALE
}
