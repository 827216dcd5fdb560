package com.alphacast.core.book;

/** What a {@link BookSynchronizer} did with one diff event. */
public enum UpdateOutcome {
    /** Applied to the book. */
    APPLIED,
    /** Already covered by the snapshot ({@code u ≤ lastUpdateId}): dropped. */
    DROPPED,
    /** Kept until a snapshot arrives (no snapshot yet, or the book is stale). */
    BUFFERED,
    /** Did not continue the previous event: the book is now stale and needs a new snapshot. */
    GAP
}
