package com.alphacast.core.book;

/**
 * One diff event of a depth stream (Binance {@code depthUpdate}): it carries the update ids it covers, from
 * {@code firstUpdateId} (U) to {@code finalUpdateId} (u), and on futures streams the previous event's final id
 * ({@code previousFinalUpdateId}, pu; −1 when the stream does not carry it). Quantities are absolute; 0 deletes.
 *
 * <p>Two shapes: {@link ImmutableDepthUpdate}, a value that may be kept, and {@link DepthUpdateBuffer}, which a
 * decoder refills for every message so the hot path allocates nothing. A receiver keeping an update beyond the call
 * that delivered it keeps {@link #copy()} (MarketEventListener says so).
 */
public interface DepthUpdate {

    String symbol();

    long eventTimeMillis();

    long firstUpdateId();

    long finalUpdateId();

    long previousFinalUpdateId();

    int bidCount();

    double bidPrice(int level);

    double bidQuantity(int level);

    int askCount();

    double askPrice(int level);

    double askQuantity(int level);

    /** An immutable copy with its own arrays, for keeping an update beyond the call that delivered it. */
    ImmutableDepthUpdate copy();

    /** An immutable update over these arrays (not copied: the caller hands them over). */
    static ImmutableDepthUpdate of(String symbol, long eventTimeMillis, long firstUpdateId, long finalUpdateId,
                                   long previousFinalUpdateId, double[] bidPrices, double[] bidQuantities,
                                   double[] askPrices, double[] askQuantities) {
        return new ImmutableDepthUpdate(symbol, eventTimeMillis, firstUpdateId, finalUpdateId, previousFinalUpdateId,
                bidPrices, bidQuantities, askPrices, askQuantities);
    }
}
