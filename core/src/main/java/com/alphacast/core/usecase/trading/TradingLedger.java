package com.alphacast.core.usecase.trading;

import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.util.List;
import java.util.Optional;

/**
 * Orders, fills and positions. Both writes are conditional, so at-least-once callers record each effect once.
 */
public interface TradingLedger {

    Optional<Order> order(String orderId);

    /** The fill recorded with order {@code orderId}; empty when no execution is on record (or it was rejected). */
    Optional<Fill> fill(String orderId);

    /**
     * Records the order with its fill and the position it opened, together.
     *
     * @return false when an order for this signal was already on record (nothing written)
     */
    boolean recordExecution(Order order, Fill fill, Position position);

    /**
     * Records that the broker will never fill {@code order}, with its reason, so no later attempt places it.
     *
     * @return false when an order for this signal was already on record (nothing written)
     */
    boolean recordRejection(Order order, String reason);

    /**
     * Closes a position at its exit.
     *
     * @return false when it was no longer open (closed by an earlier or concurrent evaluation)
     */
    boolean close(Position position, PositionExit exit, double realizedPnl);

    List<Position> openPositions();
}
