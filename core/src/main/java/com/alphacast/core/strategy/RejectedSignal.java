package com.alphacast.core.strategy;

import com.alphacast.core.signal.Signal;
import java.util.Objects;

/**
 * A candidate that lost a conflict, kept so the decision can be audited: the losing signal, the id of the signal
 * that won and why.
 */
public record RejectedSignal(Signal signal, String winnerId, String reason) {

    public RejectedSignal {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(winnerId, "winnerId");
        Objects.requireNonNull(reason, "reason");
    }
}
