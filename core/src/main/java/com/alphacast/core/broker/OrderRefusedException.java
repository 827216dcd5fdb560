package com.alphacast.core.broker;

/**
 * The broker will not take this order, now or later (no market for the instrument, an order it rejects): retrying
 * cannot fill it, so the order is recorded as rejected and the risk slot reserved for it is given back.
 */
public final class OrderRefusedException extends BrokerException {

    public OrderRefusedException(String message) {
        super(message);
    }
}
