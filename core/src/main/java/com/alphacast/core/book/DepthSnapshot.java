package com.alphacast.core.book;

import java.util.Objects;

/**
 * A full depth snapshot (e.g. Binance {@code GET /api/v3/depth}): levels as parallel price/quantity arrays, best first.
 * The arrays are owned by the snapshot; do not modify them.
 */
public record DepthSnapshot(String symbol, long lastUpdateId, double[] bidPrices, double[] bidQuantities,
                            double[] askPrices, double[] askQuantities) {

    public DepthSnapshot {
        Objects.requireNonNull(symbol, "symbol");
        if (bidPrices.length != bidQuantities.length || askPrices.length != askQuantities.length) {
            throw new IllegalArgumentException("price and quantity arrays differ in length");
        }
    }
}
