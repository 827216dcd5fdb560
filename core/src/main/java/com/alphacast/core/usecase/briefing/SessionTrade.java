package com.alphacast.core.usecase.briefing;

import com.alphacast.core.briefing.SignalOutcome;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.trading.Position;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A position one signal opened, as the positions table recorded it: its bracket, and its exit and realized P&amp;L
 * once it closed.
 *
 * @param exit        how it closed; empty while open
 * @param realizedPnl P&amp;L in account currency of the close (0 while open)
 */
public record SessionTrade(Position position, Optional<PositionExit> exit, double realizedPnl) {

    public SessionTrade {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(exit, "exit");
        if (!Double.isFinite(realizedPnl)) {
            throw new IllegalArgumentException("trade " + position.signalId() + ": realized P&L must be finite, was "
                    + realizedPnl);
        }
        if (exit.isEmpty() && realizedPnl != 0) {
            throw new IllegalArgumentException("trade " + position.signalId() + " is open and cannot have realized P&L");
        }
    }

    /** Whether it had closed by {@code asOf} (an exit recorded later did not happen yet, as of then). */
    public boolean closedBy(Instant asOf) {
        return exit.isPresent() && !exit.get().time().isAfter(asOf);
    }

    /** Realized points per contract of the close, in the position's favour. */
    public double points() {
        return exit.map(e -> position.direction().sign() * (e.price() - position.entryPrice())).orElse(0.0);
    }

    /** How the signal ended as of {@code asOf}, for the briefing's facts. */
    public SignalOutcome outcomeAsOf(Instant asOf) {
        if (!closedBy(asOf)) {
            return new SignalOutcome(position.signalId(), position.instrument(), position.direction(),
                    SignalOutcome.Result.STILL_OPEN, 0);
        }
        SignalOutcome.Result result = switch (exit.get().reason()) {
            case TARGET -> SignalOutcome.Result.TARGET_HIT;
            case STOP -> SignalOutcome.Result.STOPPED_OUT;
            case EXPIRY_CUTOFF, OPERATOR -> SignalOutcome.Result.CLOSED;
        };
        return new SignalOutcome(position.signalId(), position.instrument(), position.direction(), result, points());
    }
}
