package com.alphacast.core.briefing.answer;

import java.util.Objects;

/**
 * One reason an answer cannot be published, precise enough to show the model in its one retry.
 *
 * @param path   where in the answer, e.g. "key_levels[1].value", "headline", or "$" for the whole answer
 * @param reason what is wrong, e.g. "668.4 does not equal gex.zero_gamma (668.50)"
 */
public record Violation(String path, String reason) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
