package com.alphacast.core.trading;

import com.alphacast.core.signal.Direction;
import java.time.Instant;

/**
 * An execution reported by a broker.
 *
 * @param orderId    the order that was filled
 * @param signalId   the signal the order came from
 * @param instrument what was traded
 * @param side       LONG for a buy, SHORT for a sell
 * @param quantity   filled quantity
 * @param price      execution price
 * @param time       execution time (market time for the paper broker)
 */
public record Fill(String orderId, String signalId, String instrument, Direction side, int quantity, double price,
                   Instant time) {

    public Fill {
        if (quantity <= 0) {
            throw new IllegalArgumentException("fill quantity must be positive, was " + quantity);
        }
        if (!(price > 0)) {
            throw new IllegalArgumentException("fill price must be positive, was " + price);
        }
    }
}
