package com.alphacast.core.strategy;

import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.signal.Signal;
import java.util.Objects;
import java.util.Optional;

/**
 * A strategy's proposal before conflict resolution: the underlying-level signal, the factors behind its confidence
 * and, for options strategies, the contract it would trade (named in the rationale until signals carry contracts).
 */
public record Candidate(Signal signal, Rationale rationale, Optional<OccSymbol> contract) {

    public Candidate {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(contract, "contract");
    }

    public double confidence() {
        return signal.confidence();
    }
}
