package com.alphacast.core.market;

import java.time.Instant;

/**
 * An OHLCV bar.
 *
 * @param symbol      instrument symbol
 * @param startMillis bar open time (inclusive), epoch milliseconds
 * @param endMillis   bar close time (exclusive), epoch milliseconds
 * @param open        first trade price
 * @param high        highest trade price
 * @param low         lowest trade price
 * @param close       last trade price
 * @param volume      total traded quantity
 * @param trades      number of trades
 */
public record Bar(String symbol, long startMillis, long endMillis, double open, double high, double low, double close,
                  long volume, int trades) {

    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    public Instant end() {
        return Instant.ofEpochMilli(endMillis);
    }
}
