package com.alphacast.core.briefing.answer;

import java.util.Objects;

/**
 * A price level the answer points out, tied to the fact it comes from.
 *
 * @param fact  the id of a price fact, e.g. "gex.zero_gamma"
 * @param value the level, which must equal the fact at its display precision
 * @param note  why it matters, plain text
 */
public record KeyLevel(String fact, double value, String note) {

    public KeyLevel {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(note, "note");
    }
}
