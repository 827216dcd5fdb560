package com.alphacast.core.trading;

import com.alphacast.core.market.Bar;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.util.Optional;

/**
 * A position opened by one signal's fill, with the signal's bracket (stop and target).
 *
 * @param signalId   the signal (and order) that opened it
 * @param underlying the feed symbol whose bars decide its exit (e.g. {@code ES})
 * @param instrument what is held (e.g. {@code ESU1})
 * @param direction  long or short
 * @param quantity   contracts held
 * @param entryPrice average fill price
 * @param stop       protective stop from the signal
 * @param target     profit target from the signal
 * @param openedAt   fill time (market time)
 */
public record Position(String signalId, String underlying, String instrument, Direction direction, int quantity,
                       double entryPrice, double stop, double target, Instant openedAt) {

    /** The exposure a signal creates if it trades at its own entry price (what the risk check counts). */
    public static Position intendedBy(Signal signal) {
        return new Position(signal.id(), signal.underlying(), signal.instrument(), signal.direction(), signal.quantity(),
                signal.entry(), signal.stop(), signal.target(), signal.marketTime());
    }

    /** Unrealized P&amp;L at {@code markPrice}: price points × contracts × {@code multiplier}. */
    public double unrealizedPnl(double markPrice, double multiplier) {
        return direction.sign() * (markPrice - entryPrice) * quantity * multiplier;
    }

    /**
     * Whether {@code bar} takes this position out, and at what price. Only bars that open at or after the fill
     * count. A bar that opens beyond a level (a gap) exits at its open, which is worse than the stop or better
     * than the target; a bar whose range touches both levels is taken as a stop, because bars do not say which
     * came first and a risk system must assume the worse.
     */
    public Optional<PositionExit> exitIn(Bar bar) {
        if (bar.startMillis() < openedAt.toEpochMilli()) {
            return Optional.empty();
        }
        Instant at = bar.end();
        int sign = direction.sign();
        // Distances in the position's favour: negative means through the stop, positive beyond the target.
        if (sign * (bar.open() - stop) <= 0) {
            return Optional.of(new PositionExit(signalId, ExitReason.STOP, bar.open(), bar.start()));
        }
        double worst = direction == Direction.LONG ? bar.low() : bar.high();
        if (sign * (worst - stop) <= 0) {
            return Optional.of(new PositionExit(signalId, ExitReason.STOP, stop, at));
        }
        if (sign * (bar.open() - target) >= 0) {
            return Optional.of(new PositionExit(signalId, ExitReason.TARGET, bar.open(), bar.start()));
        }
        double best = direction == Direction.LONG ? bar.high() : bar.low();
        if (sign * (best - target) >= 0) {
            return Optional.of(new PositionExit(signalId, ExitReason.TARGET, target, at));
        }
        return Optional.empty();
    }

    /** The first exit among {@code bars} (in time order), if any. */
    public Optional<PositionExit> firstExitIn(Iterable<Bar> bars) {
        for (Bar bar : bars) {
            Optional<PositionExit> exit = exitIn(bar);
            if (exit.isPresent()) {
                return exit;
            }
        }
        return Optional.empty();
    }

    /** Realized P&amp;L of closing this position at {@code exit}. */
    public double realizedPnl(PositionExit exit, double multiplier) {
        return unrealizedPnl(exit.price(), multiplier);
    }
}
