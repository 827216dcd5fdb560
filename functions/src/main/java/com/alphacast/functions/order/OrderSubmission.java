package com.alphacast.functions.order;

import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.broker.Broker;
import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns an approved signal into at most one order: an order already on record for the signal ends the
 * work; otherwise the broker fills it and order, fill and position are recorded together, conditionally
 * on the order still being new (two concurrent deliveries of one message cannot both record).
 */
public final class OrderSubmission {

    private final Broker broker;
    private final DynamoTradingLedger ledger;
    private final Clock clock;

    public OrderSubmission(Broker broker, DynamoTradingLedger ledger, Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** @return the fill when this call recorded one, empty when the signal already had an order */
    public Optional<Fill> submit(Signal signal) throws BrokerException {
        if (ledger.order(signal.id()).isPresent()) {
            return Optional.empty();
        }
        Order order = new Order(signal.id(), signal.instrument(), signal.direction(), signal.quantity(),
                clock.instant(), broker.name());
        Fill fill = broker.submit(order, signal);
        Position position = new Position(signal.id(), signal.instrument(), signal.direction(), fill.quantity(),
                fill.price(), signal.stop(), signal.target(), fill.time());
        return ledger.recordExecution(order, fill, position) ? Optional.of(fill) : Optional.empty();
    }
}
