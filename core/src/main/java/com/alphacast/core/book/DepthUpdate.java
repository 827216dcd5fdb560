package com.alphacast.core.book;

import java.util.Objects;

/**
 * One diff event of a depth stream (Binance {@code depthUpdate}): it carries the update ids it covers, from
 * {@code firstUpdateId} (U) to {@code finalUpdateId} (u), and on futures streams the previous event's final id
 * ({@code previousFinalUpdateId}, pu; −1 when the stream does not carry it). Quantities are absolute; 0 deletes.
 */
public record DepthUpdate(String symbol, long eventTimeMillis, long firstUpdateId, long finalUpdateId,
                          long previousFinalUpdateId, double[] bidPrices, double[] bidQuantities, double[] askPrices,
                          double[] askQuantities) {

    public DepthUpdate {
        Objects.requireNonNull(symbol, "symbol");
        if (bidPrices.length != bidQuantities.length || askPrices.length != askQuantities.length) {
            throw new IllegalArgumentException("price and quantity arrays differ in length");
        }
        if (finalUpdateId < firstUpdateId) {
            throw new IllegalArgumentException("final update id " + finalUpdateId + " < first " + firstUpdateId);
        }
    }

    /** A copy with its own arrays, for keeping an update beyond the call that delivered it. */
    public DepthUpdate copy() {
        return new DepthUpdate(symbol, eventTimeMillis, firstUpdateId, finalUpdateId, previousFinalUpdateId,
                bidPrices.clone(), bidQuantities.clone(), askPrices.clone(), askQuantities.clone());
    }
}
