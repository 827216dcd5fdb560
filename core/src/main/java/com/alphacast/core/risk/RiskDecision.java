package com.alphacast.core.risk;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the risk check for one signal, with every reason that applied.
 *
 * @param signalId  the signal decided on
 * @param approved  true when no rule rejected it
 * @param reasons   why it was rejected (empty when approved)
 * @param decidedAt wall-clock time of the decision
 */
public record RiskDecision(String signalId, boolean approved, List<String> reasons, Instant decidedAt) {

    public RiskDecision {
        reasons = List.copyOf(reasons);
        if (approved && !reasons.isEmpty()) {
            throw new IllegalArgumentException("an approved decision carries no rejection reasons: " + reasons);
        }
        if (!approved && reasons.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one reason");
        }
    }

    public static RiskDecision approve(String signalId, Instant at) {
        return new RiskDecision(signalId, true, List.of(), at);
    }

    public static RiskDecision reject(String signalId, List<String> reasons, Instant at) {
        return new RiskDecision(signalId, false, reasons, at);
    }
}
