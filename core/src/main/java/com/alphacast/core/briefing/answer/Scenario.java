package com.alphacast.core.briefing.answer;

import java.util.Objects;

/**
 * One "if this, then that" of the answer.
 *
 * @param condition what has to happen, e.g. "Holds above the prior high"
 * @param outcome   what the model expects then
 */
public record Scenario(String condition, String outcome) {

    public Scenario {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(outcome, "outcome");
    }
}
