package com.alphacast.core.usecase.trading;

import com.alphacast.core.broker.Broker;
import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.usecase.publication.PublicationRelease;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns an approved signal into at most one order: an order already on record for the signal ends the
 * work; otherwise the broker fills it and order, fill and position are recorded together, conditionally
 * on the order still being new (two concurrent deliveries of one message cannot both record). The fill is then
 * published to every tier, and the position handed to the position function, which alone decides exits, to be
 * checked against the bars that closed while the order was on its way.
 */
public final class OrderSubmission {

    private final Broker broker;
    private final TradingLedger ledger;
    private final MarketPrices market;
    private final PublicationRelease publications;
    private final ExitChecks exitChecks;
    private final Clock clock;

    public OrderSubmission(Broker broker, TradingLedger ledger, MarketPrices market, PublicationRelease publications,
                           ExitChecks exitChecks, Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.market = market;
        this.publications = publications;
        this.exitChecks = exitChecks;
        this.clock = clock;
    }

    /** @return the fill when this call recorded one, empty when the signal already had an order */
    public Optional<Fill> submit(Signal signal) throws BrokerException {
        if (ledger.order(signal.id()).isPresent()) {
            // A redelivery after the execution was recorded: finish what the first attempt may have failed in
            // after recording (publishing the fill and the exit check are both harmless twice).
            ledger.fill(signal.id()).ifPresent(fill -> afterExecution(signal, fill));
            return Optional.empty();
        }
        Order order = new Order(signal.id(), signal.instrument(), signal.direction(), signal.quantity(),
                clock.instant(), broker.name());
        Fill fill = broker.submit(order, signal);
        Position position = new Position(signal.id(), signal.underlying(), signal.instrument(), signal.direction(),
                fill.quantity(), fill.price(), signal.stop(), signal.target(), fill.time());
        if (!ledger.recordExecution(order, fill, position)) {
            return Optional.empty();
        }
        afterExecution(signal, fill);
        return Optional.of(fill);
    }

    private void afterExecution(Signal signal, Fill fill) {
        publications.publish(new Publication.Filled(fill, signal.underlying()));
        market.latest(signal.underlying()).ifPresent(latest -> exitChecks.requestUpTo(latest.bar()));
    }
}
