package com.alphacast.core.backtest;

import com.alphacast.core.signal.Direction;
import java.time.Instant;
import java.util.Objects;

/**
 * One simulated round trip: filled by the paper broker, closed by the first bar that reached its stop or target (or
 * marked at the last price when the data ended first).
 *
 * @param strategy   the strategy whose signal opened it
 * @param signalId   the signal (and order) id
 * @param underlying the feed symbol
 * @param direction  long or short
 * @param quantity   contracts or shares
 * @param entry      fill price
 * @param exit       exit price
 * @param riskPoints the signal's stop distance from its entry, in price points (what 1 R is)
 * @param openedAt   fill time (market time)
 * @param closedAt   exit time (market time)
 * @param exitReason {@code STOP}, {@code TARGET}, {@code EXPIRY_CUTOFF} or {@code END_OF_DATA}
 * @param pnl        realized P&amp;L in currency: points × quantity × multiplier
 * @param multiplier currency per point per contract
 */
public record ClosedTrade(String strategy, String signalId, String underlying, Direction direction, int quantity,
                          double entry, double exit, double riskPoints, Instant openedAt, Instant closedAt,
                          String exitReason, double pnl, double multiplier) {

    public ClosedTrade {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        if (closedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException(signalId + ": closed at " + closedAt + " before it opened at " + openedAt);
        }
        if (!(riskPoints > 0) || !(multiplier > 0) || quantity <= 0) {
            throw new IllegalArgumentException(signalId + ": risk, multiplier and quantity must be positive");
        }
    }

    /** The result in units of the risk taken: P&amp;L / (stop distance × quantity × multiplier). */
    public double rMultiple() {
        return pnl / (riskPoints * quantity * multiplier);
    }

    public boolean won() {
        return pnl > 0;
    }
}
