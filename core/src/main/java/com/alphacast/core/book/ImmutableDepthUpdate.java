package com.alphacast.core.book;

import java.util.Objects;

/** A {@link DepthUpdate} that may be kept: buffered events, decoded captures held in memory, tests. */
public record ImmutableDepthUpdate(String symbol, long eventTimeMillis, long firstUpdateId, long finalUpdateId,
                                   long previousFinalUpdateId, double[] bidPrices, double[] bidQuantities,
                                   double[] askPrices, double[] askQuantities) implements DepthUpdate {

    public ImmutableDepthUpdate {
        Objects.requireNonNull(symbol, "symbol");
        if (bidPrices.length != bidQuantities.length || askPrices.length != askQuantities.length) {
            throw new IllegalArgumentException("price and quantity arrays differ in length");
        }
        if (finalUpdateId < firstUpdateId) {
            throw new IllegalArgumentException("final update id " + finalUpdateId + " < first " + firstUpdateId);
        }
    }

    @Override
    public int bidCount() {
        return bidPrices.length;
    }

    @Override
    public double bidPrice(int level) {
        return bidPrices[level];
    }

    @Override
    public double bidQuantity(int level) {
        return bidQuantities[level];
    }

    @Override
    public int askCount() {
        return askPrices.length;
    }

    @Override
    public double askPrice(int level) {
        return askPrices[level];
    }

    @Override
    public double askQuantity(int level) {
        return askQuantities[level];
    }

    @Override
    public ImmutableDepthUpdate copy() {
        return new ImmutableDepthUpdate(symbol, eventTimeMillis, firstUpdateId, finalUpdateId, previousFinalUpdateId,
                bidPrices.clone(), bidQuantities.clone(), askPrices.clone(), askQuantities.clone());
    }
}
