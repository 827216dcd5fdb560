package com.alphacast.core.market;

import java.time.Instant;

/**
 * One printed trade.
 *
 * @param symbol      instrument symbol
 * @param epochMillis exchange timestamp, milliseconds since the epoch (UTC)
 * @param price       trade price
 * @param size        traded quantity (contracts or shares)
 */
public record Trade(String symbol, long epochMillis, double price, long size) {

    public Trade {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be positive and finite, was " + price);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
    }

    public Instant time() {
        return Instant.ofEpochMilli(epochMillis);
    }
}
