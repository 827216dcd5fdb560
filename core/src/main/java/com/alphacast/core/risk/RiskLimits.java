package com.alphacast.core.risk;

/**
 * The limits every candidate signal is checked against.
 *
 * @param maxOpenPositions   positions (including approved signals not yet filled) allowed open at once
 * @param maxSignalsPerDay   approved signals allowed per trading day
 * @param maxQuantity        largest size a single signal may suggest, in contracts
 * @param minRewardToRisk    smallest acceptable ratio of target distance to stop distance
 * @param maxSignalAgeSeconds how old (market event to risk check, wall clock) a signal may be before it is stale
 */
public record RiskLimits(int maxOpenPositions, int maxSignalsPerDay, int maxQuantity, double minRewardToRisk,
                         long maxSignalAgeSeconds) {

    public RiskLimits {
        if (maxOpenPositions < 0) {
            throw new IllegalArgumentException("maxOpenPositions must be >= 0, was " + maxOpenPositions);
        }
        if (maxSignalsPerDay < 0) {
            throw new IllegalArgumentException("maxSignalsPerDay must be >= 0, was " + maxSignalsPerDay);
        }
        if (maxQuantity < 1) {
            throw new IllegalArgumentException("maxQuantity must be >= 1, was " + maxQuantity);
        }
        if (!(minRewardToRisk >= 0)) {
            throw new IllegalArgumentException("minRewardToRisk must be >= 0, was " + minRewardToRisk);
        }
        if (maxSignalAgeSeconds < 1) {
            throw new IllegalArgumentException("maxSignalAgeSeconds must be >= 1, was " + maxSignalAgeSeconds);
        }
    }
}
