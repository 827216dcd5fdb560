package com.alphacast.core.usecase.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An approved position a decision counts as open at its signal's market time: approved earlier in market time and not
 * closed at or before it. {@code exitTime} is empty while the position function has not decided its exit: only such a
 * position could still turn out to have closed before the signal, so only it is worth waiting for.
 *
 * @param signalId   the approval's signal
 * @param underlying the symbol whose bars decide its exit
 * @param exitTime   when it closed, once the position function (or the order function, for an unfilled order) said so
 */
public record CountedPosition(String signalId, String underlying, Optional<Instant> exitTime) {

    public CountedPosition {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(exitTime, "exitTime");
    }

    /** True while its exit is still to be decided, so exits checked through the signal's time could free its slot. */
    public boolean exitUndecided() {
        return exitTime.isEmpty();
    }
}
