package com.alphacast.bots.render;

import java.util.Objects;

/**
 * One labelled value of a message (e.g. "Entry" → "5012.25").
 *
 * @param label     short label, plain text
 * @param value     the value, plain text (renderers escape it for their platform)
 * @param monospace whether the value is an identifier best shown as code (contract symbols)
 */
public record Fact(String label, String value, boolean monospace) {

    public Fact {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    public static Fact of(String label, String value) {
        return new Fact(label, value, false);
    }

    public static Fact code(String label, String value) {
        return new Fact(label, value, true);
    }
}
