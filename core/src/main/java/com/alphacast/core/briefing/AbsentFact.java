package com.alphacast.core.briefing;

import java.util.Objects;

/**
 * A fact that could not be computed, with the reason (e.g. "no option chain for 2026-11-27"). It is never guessed:
 * the briefing leaves its section out and says so.
 */
public record AbsentFact(String id, String reason) {

    public AbsentFact {
        if (id == null || !Fact.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("fact id '" + id + "' must be lower-case dot-separated words");
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("absent fact " + id + " needs a reason");
        }
    }
}
