package com.alphacast.core.usecase.approval;

import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What deciding a signal reads first ({@link RiskLedger#inputsFor}): the decision already on record for it (a
 * redelivery), the positions open at its market time as the ledger's index shows them, and its trading day's state.
 */
public record DecisionInputs(Optional<RecordedDecision> recorded, List<CountedPosition> open, RiskState state) {

    public DecisionInputs {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(state, "state");
        open = List.copyOf(open);
    }
}
