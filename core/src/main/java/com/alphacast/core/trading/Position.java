package com.alphacast.core.trading;

import com.alphacast.core.signal.Direction;
import java.time.Instant;

/**
 * An open position opened by one signal's fill.
 *
 * @param signalId   the signal (and order) that opened it
 * @param instrument what is held
 * @param direction  long or short
 * @param quantity   contracts held
 * @param entryPrice average fill price
 * @param stop       protective stop from the signal
 * @param target     profit target from the signal
 * @param openedAt   fill time
 */
public record Position(String signalId, String instrument, Direction direction, int quantity, double entryPrice,
                       double stop, double target, Instant openedAt) {

    /** Unrealized P&amp;L at {@code markPrice} in price points × contracts × {@code multiplier}. */
    public double unrealizedPnl(double markPrice, double multiplier) {
        return direction.sign() * (markPrice - entryPrice) * quantity * multiplier;
    }
}
