package com.alphacast.core.usecase.approval;

import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskState;
import java.util.List;
import java.util.Objects;

/**
 * What deciding a signal reads first ({@link RiskLedger#inputsFor}): either the decision already on record for it (a
 * redelivery, which only finishes what that decision still owes), or what a new decision is made on.
 */
public sealed interface DecisionInputs {

    /** The signal was decided before: its decision is reused, never made again. */
    record Recorded(RecordedDecision decision) implements DecisionInputs {

        public Recorded {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * The signal is not decided yet: the positions open at its market time as the ledger's index shows them, and its
     * trading day's kill switch and counters.
     */
    record Undecided(List<CountedPosition> open, RiskState state) implements DecisionInputs {

        public Undecided {
            open = List.copyOf(Objects.requireNonNull(open, "open"));
            Objects.requireNonNull(state, "state");
        }
    }
}
