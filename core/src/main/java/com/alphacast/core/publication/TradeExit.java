package com.alphacast.core.publication;

import com.alphacast.core.signal.Direction;
import java.time.Instant;
import java.util.Objects;

/**
 * A position opened by a signal was closed, with what it made.
 *
 * @param signalId    the signal that opened it
 * @param underlying  the underlying subscribers know (ES, SPY)
 * @param instrument  the exact contract
 * @param direction   the position's direction
 * @param quantity    contracts closed
 * @param entryPrice  average entry
 * @param exitPrice   average exit
 * @param reason      why it closed
 * @param openedAt    entry time
 * @param closedAt    exit time
 * @param realizedPnl realized P&amp;L in account currency (points × contracts × multiplier)
 */
public record TradeExit(String signalId, String underlying, String instrument, Direction direction, int quantity,
                        double entryPrice, double exitPrice, ExitReason reason, Instant openedAt, Instant closedAt,
                        double realizedPnl) {

    public TradeExit {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (!(entryPrice > 0) || !(exitPrice > 0)) {
            throw new IllegalArgumentException("prices must be positive, were " + entryPrice + " and " + exitPrice);
        }
        if (!Double.isFinite(realizedPnl)) {
            throw new IllegalArgumentException("realizedPnl must be finite, was " + realizedPnl);
        }
    }

    /** Result per contract in price points, positive when the trade made money. */
    public double points() {
        return direction.sign() * (exitPrice - entryPrice);
    }

    public enum ExitReason {
        TARGET("target hit"),
        STOP("stopped out"),
        MANUAL("closed manually"),
        EXPIRY("closed at session end");

        private final String description;

        ExitReason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
