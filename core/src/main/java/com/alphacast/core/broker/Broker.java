package com.alphacast.core.broker;

import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;

/**
 * Takes orders. The paper broker is the default; real brokers are adapters behind this interface and must
 * use {@link Order#orderId()} as their client order id so a resubmission is recognised.
 */
public interface Broker {

    /** Name recorded on orders (e.g. {@code paper}). */
    String name();

    /** Name recorded on the order for {@code signal}: a broker routing by signal names the one it routes to. */
    default String nameFor(Signal signal) {
        return name();
    }

    /**
     * Submits a market order for an approved signal and returns its fill.
     *
     * @param order  the order (id = signal id)
     * @param signal the signal it came from, for the market context it fired in
     */
    Fill submit(Order order, Signal signal) throws BrokerException;
}
