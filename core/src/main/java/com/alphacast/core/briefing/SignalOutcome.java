package com.alphacast.core.briefing;

import com.alphacast.core.signal.Direction;
import java.util.Objects;

/**
 * How one of the previous session's signals ended, as the ledgers recorded it.
 *
 * @param signalId   the signal's id
 * @param instrument the contract traded
 * @param direction  long or short
 * @param result     how it ended (or that it is still open)
 * @param points     realized points for a closed position, 0 while open
 */
public record SignalOutcome(String signalId, String instrument, Direction direction, Result result, double points) {

    public enum Result {
        TARGET_HIT,
        STOPPED_OUT,
        /** Closed otherwise than by its bracket: by an operator (/closeall) or at the contract's expiry cutoff. */
        CLOSED,
        STILL_OPEN
    }

    public SignalOutcome {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(result, "result");
        if (!Double.isFinite(points)) {
            throw new IllegalArgumentException("signal " + signalId + ": points must be finite, was " + points);
        }
        if (result == Result.STILL_OPEN && points != 0) {
            throw new IllegalArgumentException("signal " + signalId + " is still open and cannot have realized points");
        }
    }
}
