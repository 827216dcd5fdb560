package com.alphacast.core.strategy;

import java.util.List;

/** The outcome of one conflict check: the candidates to publish and the ones that lost, with reasons. */
public record Resolution(List<Candidate> accepted, List<RejectedSignal> rejected) {

    /** Nothing fired: shared, so a quiet bar close allocates no outcome. */
    public static final Resolution NONE = new Resolution(List.of(), List.of());

    public Resolution {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    public boolean isEmpty() {
        return accepted.isEmpty() && rejected.isEmpty();
    }
}
