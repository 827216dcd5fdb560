package com.alphacast.core.usecase.trading;

import com.alphacast.core.broker.Broker;
import com.alphacast.core.broker.MarketPrices;
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
    private final TradingLedger ledger;
    private final PositionExits exits;
    private final MarketPrices market;
    private final Clock clock;

    public OrderSubmission(Broker broker, TradingLedger ledger, PositionExits exits, MarketPrices market,
                           Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.exits = exits;
        this.market = market;
        this.clock = clock;
    }

    /** @return the fill when this call recorded one, empty when the signal already had an order */
    public Optional<Fill> submit(Signal signal) throws BrokerException {
        if (ledger.order(signal.id()).isPresent()) {
            // A redelivery after the execution was recorded: finish the exit check, which the first attempt
            // may have failed in after recording (the position would otherwise wait for the next bar).
            ledger.openPositions().stream().filter(p -> p.signalId().equals(signal.id())).findFirst()
                    .ifPresent(this::closeIfExitedMeanwhile);
            return Optional.empty();
        }
        Order order = new Order(signal.id(), signal.instrument(), signal.direction(), signal.quantity(),
                clock.instant(), broker.name());
        Fill fill = broker.submit(order, signal);
        Position position = new Position(signal.id(), signal.underlying(), signal.instrument(), signal.direction(), fill.quantity(),
                fill.price(), signal.stop(), signal.target(), fill.time());
        if (!ledger.recordExecution(order, fill, position)) {
            return Optional.empty();
        }
        closeIfExitedMeanwhile(position);
        return Optional.of(fill);
    }

    /** Bars that closed while the order was on its way were checked before this position existed. */
    private void closeIfExitedMeanwhile(Position position) {
        market.latest(position.underlying()).ifPresent(latest -> exits.closeIfExited(position, latest.bar().end()));
    }
}
