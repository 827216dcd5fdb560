package com.alphacast.core.risk;

import com.alphacast.core.signal.Signal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A risk decision as stored: the signal, its trading day, the decision, and the keys of the forwards that
 * were recorded with it and are not yet marked as sent ({@code orders}, {@code tier:<key>}).
 */
public record RecordedDecision(Signal signal, LocalDate tradingDay, RiskDecision decision, Set<String> pendingForwards) {

    public RecordedDecision {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(tradingDay, "tradingDay");
        Objects.requireNonNull(decision, "decision");
        pendingForwards = Set.copyOf(pendingForwards);
        if (!decision.approved() && !pendingForwards.isEmpty()) {
            throw new IllegalArgumentException("a rejection forwards nothing, but " + pendingForwards
                    + " are pending for " + signal.id());
        }
    }

    /** A decision with nothing left to forward. */
    public RecordedDecision(Signal signal, LocalDate tradingDay, RiskDecision decision) {
        this(signal, tradingDay, decision, Set.of());
    }
}
