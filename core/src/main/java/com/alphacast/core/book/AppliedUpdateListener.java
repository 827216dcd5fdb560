package com.alphacast.core.book;

/** Told about every diff event a {@link BookSynchronizer} applies, including events replayed after a snapshot. */
@FunctionalInterface
public interface AppliedUpdateListener {

    /** Called after {@code update} was applied; the book reflects it. */
    void onApplied(DepthUpdate update, OrderBook book);

    AppliedUpdateListener NONE = (u, b) -> { };
}
