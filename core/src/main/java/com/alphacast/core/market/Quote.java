package com.alphacast.core.market;

/**
 * The prevailing top-of-book quote. Sizes are doubles because crypto venues quote fractional quantities.
 * Crossed or locked quotes are allowed (they do occur in consolidated feeds); prices must be positive and finite.
 *
 * @param symbol      instrument symbol
 * @param epochMillis quote time, epoch milliseconds
 * @param bidPrice    best bid price
 * @param bidSize     quantity at the best bid
 * @param askPrice    best ask price
 * @param askSize     quantity at the best ask
 */
public record Quote(String symbol, long epochMillis, double bidPrice, double bidSize, double askPrice, double askSize) {

    public Quote {
        if (!(bidPrice > 0) || !(askPrice > 0) || Double.isInfinite(bidPrice) || Double.isInfinite(askPrice)) {
            throw new IllegalArgumentException("quote prices must be positive and finite, were " + bidPrice + "/"
                    + askPrice);
        }
        if (!(bidSize >= 0) || !(askSize >= 0)) {
            throw new IllegalArgumentException("quote sizes must be non-negative, were " + bidSize + "/" + askSize);
        }
    }

    public double mid() {
        return (bidPrice + askPrice) / 2;
    }

    public double spread() {
        return askPrice - bidPrice;
    }
}
