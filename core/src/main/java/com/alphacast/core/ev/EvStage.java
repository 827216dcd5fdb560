package com.alphacast.core.ev;

import java.util.List;

/** One stage of the pipeline: a filter, an enrichment or a sort. Stages are pure: they return a new list. */
public interface EvStage {

    /** The name configuration uses for this stage. */
    String name();

    List<EvCandidate> apply(List<EvCandidate> candidates, EvContext context);
}
