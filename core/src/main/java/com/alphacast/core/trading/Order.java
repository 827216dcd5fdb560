package com.alphacast.core.trading;

import com.alphacast.core.signal.Direction;
import java.time.Instant;

/**
 * An order submitted to a broker for an approved signal. There is at most one order per signal, so the
 * order id is the signal id.
 *
 * @param orderId     equal to the signal id (what makes submission idempotent)
 * @param instrument  what to trade
 * @param side        LONG buys, SHORT sells
 * @param quantity    contracts
 * @param submittedAt when the order was submitted
 * @param broker      name of the broker adapter that took it (e.g. {@code paper})
 */
public record Order(String orderId, String instrument, Direction side, int quantity, Instant submittedAt,
                    String broker) {

    public String signalId() {
        return orderId;
    }
}
