package com.alphacast.core.usecase.publication;

import java.time.Instant;
import java.util.Optional;

/** When a signal was approved, which is when its tiers' releases started counting their delays. */
public interface SignalReleases {

    /** The approval time of {@code signalId}; empty when no approval of it is recorded. */
    Optional<Instant> approvedAt(String signalId);
}
