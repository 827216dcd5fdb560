package com.alphacast.core.strategy;

import java.util.List;

/** The outcome of one conflict check: the candidates to publish and the ones that lost, with reasons. */
public record Resolution(List<Candidate> accepted, List<RejectedSignal> rejected) {

    public Resolution {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
