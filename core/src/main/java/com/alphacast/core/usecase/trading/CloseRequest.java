package com.alphacast.core.usecase.trading;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's request that one open position be closed now (/closeall asks one per position), for the position
 * function, which alone closes positions.
 *
 * @param signalId    the position (the signal that opened it)
 * @param requestedBy who asked ({@code telegram:123}), kept with the close in the log
 * @param requestedAt when: the position closes at the latest market price stored at or before this time, so a
 *                    redelivered request closes at the same price
 */
public record CloseRequest(String signalId, String requestedBy, Instant requestedAt) {

    public CloseRequest {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (signalId.isBlank()) {
            throw new IllegalArgumentException("a close request needs the signal id of the position to close");
        }
        if (requestedBy.isBlank()) {
            throw new IllegalArgumentException("a close request needs who asked for it");
        }
    }
}
