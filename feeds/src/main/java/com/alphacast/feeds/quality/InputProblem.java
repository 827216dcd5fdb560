package com.alphacast.feeds.quality;

/** Kinds of bad input a source can send; {@link #demotes()} says whether it counts towards demoting the source. */
public enum InputProblem {
    /** Not JSON, or JSON missing the fields its event type needs. */
    MALFORMED_FRAME(true),
    /** An event type or symbol the source did not subscribe to. */
    UNKNOWN_EVENT(false),
    /** An id already seen (a resent frame): dropped. */
    DUPLICATE_ID(false),
    /** An id older than the last one seen: dropped. */
    OUT_OF_ORDER_ID(false),
    /** A quote or book with bid at or above ask. */
    CROSSED_BOOK(true),
    /** NaN, infinite, zero or negative price or size. */
    BAD_VALUE(true),
    /** A depth event that does not continue the previous one: the book is resynchronised. */
    SEQUENCE_GAP(false),
    /** The rebuilt book disagrees with the venue's own best bid/offer at the same update id. */
    CHECKPOINT_MISMATCH(true);

    private final boolean demotes;

    InputProblem(boolean demotes) {
        this.demotes = demotes;
    }

    public boolean demotes() {
        return demotes;
    }
}
