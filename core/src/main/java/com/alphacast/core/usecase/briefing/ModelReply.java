package com.alphacast.core.usecase.briefing;

import java.util.Objects;

/**
 * A model's answer and what it cost.
 *
 * @param text  the answer as the model wrote it (expected to be JSON; validated by the caller, never trusted)
 * @param usage model, tokens, latency, attempts and cost
 */
public record ModelReply(String text, ModelUsage usage) {
    public ModelReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
    }
}
