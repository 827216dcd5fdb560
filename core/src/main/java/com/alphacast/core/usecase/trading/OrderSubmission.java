package com.alphacast.core.usecase.trading;

import com.alphacast.core.broker.Broker;
import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.broker.OrderRefusedException;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.usecase.publication.PublicationRelease;
import java.time.Clock;

/**
 * Turns an approved signal into at most one order: an order already on record for the signal ends the
 * work; otherwise the broker fills it and order, fill and position are recorded together, conditionally
 * on the order still being new (two concurrent deliveries of one message cannot both record). The fill is then
 * published to every tier, and the position handed to the position function, which alone decides exits, to be
 * checked against the bars that closed while the order was on its way.
 *
 * <p>An order the broker refuses for good, or one given up after its last attempt ({@link #abandon}), is recorded
 * as rejected (conditional like an execution, so a late retry can never fill it afterwards) and the risk slot the
 * approval reserved is given back: no position exists, so the risk ledger and the positions table keep agreeing
 * and the next signal on the instrument is decided against a free slot.
 *
 * <p>A signal with an option leg trades its contract: the order buys the OCC symbol to open (whichever way the
 * underlying is called) and the position carries the leg's premium stop and target.
 */
public final class OrderSubmission {

    private final Broker broker;
    private final TradingLedger ledger;
    private final MarketPrices market;
    private final PublicationRelease publications;
    private final ExitChecks exitChecks;
    private final RiskSlots slots;
    private final Clock clock;

    public OrderSubmission(Broker broker, TradingLedger ledger, MarketPrices market, PublicationRelease publications,
                           ExitChecks exitChecks, RiskSlots slots, Clock clock) {
        this.broker = broker;
        this.ledger = ledger;
        this.market = market;
        this.publications = publications;
        this.exitChecks = exitChecks;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * @throws BrokerException the broker could not take the order now (transient): nothing was recorded, so a
     *                         retry places it; refusals for good are not thrown but recorded as rejections
     */
    public OrderOutcome submit(Signal signal) throws BrokerException {
        if (ledger.order(signal.id()).isPresent()) {
            finishRecorded(signal);
            return new OrderOutcome.AlreadyOnRecord(signal.id());
        }
        Order order = orderFor(signal);
        Fill fill;
        try {
            fill = broker.submit(order, signal);
        } catch (OrderRefusedException refused) {
            return reject(order, signal, "refused by " + order.broker() + ": " + refused.getMessage());
        }
        Position position = signal.option()
                .map(leg -> new Position(signal.id(), signal.underlying(), fill.instrument(), fill.side(),
                        fill.quantity(), fill.price(), leg.stop(), leg.target(), fill.time()))
                .orElseGet(() -> new Position(signal.id(), signal.underlying(), signal.instrument(),
                        signal.direction(), fill.quantity(), fill.price(), signal.stop(), signal.target(), fill.time()));
        if (!ledger.recordExecution(order, fill, position)) {
            return new OrderOutcome.AlreadyOnRecord(signal.id());
        }
        afterExecution(signal, fill);
        return new OrderOutcome.Filled(fill);
    }

    /**
     * Gives up on an approval whose attempts ran out (the broker kept failing): recorded as rejected with
     * {@code reason} and its slot given back, unless an order is already on record, which is then finished as on a
     * redelivery.
     */
    public OrderOutcome abandon(Signal signal, String reason) {
        if (ledger.order(signal.id()).isPresent()) {
            finishRecorded(signal);
            return new OrderOutcome.AlreadyOnRecord(signal.id());
        }
        return reject(orderFor(signal), signal, reason);
    }

    private Order orderFor(Signal signal) {
        return signal.option()
                .map(leg -> new Order(signal.id(), leg.contract().compact(), Direction.LONG, signal.quantity(),
                        clock.instant(), broker.nameFor(signal)))
                .orElseGet(() -> new Order(signal.id(), signal.instrument(), signal.direction(), signal.quantity(),
                        clock.instant(), broker.nameFor(signal)));
    }

    private OrderOutcome reject(Order order, Signal signal, String reason) {
        if (!ledger.recordRejection(order, reason)) {
            finishRecorded(signal);
            return new OrderOutcome.AlreadyOnRecord(signal.id());
        }
        slots.releaseUnfilled(signal.id(), signal.marketTime());
        return new OrderOutcome.Rejected(signal.id(), reason);
    }

    /**
     * A redelivery after the order was recorded: finish what the first attempt may have failed in after recording
     * (publishing the fill and the exit check are both harmless twice; so is giving a rejected order's slot back).
     */
    private void finishRecorded(Signal signal) {
        ledger.fill(signal.id()).ifPresentOrElse(fill -> afterExecution(signal, fill),
                () -> slots.releaseUnfilled(signal.id(), signal.marketTime()));
    }

    private void afterExecution(Signal signal, Fill fill) {
        publications.publish(new Publication.Filled(fill, signal.underlying()));
        market.latest(signal.underlying()).ifPresent(latest -> exitChecks.requestUpTo(latest.bar()));
    }
}
