package com.alphacast.core.usecase.briefing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one request to a model provider. */
public sealed interface ModelAttempt {

    /**
     * The provider answered.
     *
     * @param text         the answer's text
     * @param model        the model id the provider reports
     * @param inputTokens  prompt tokens billed
     * @param outputTokens completion tokens billed
     */
    record Answered(String text, String model, long inputTokens, long outputTokens) implements ModelAttempt {
        public Answered {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(model, "model");
        }
    }

    /**
     * Worth asking again: throttled (429), a server error (5xx), a timeout or a dropped connection.
     *
     * @param reason     what happened, for operators
     * @param retryAfter how long the provider asked us to wait, when it said so
     */
    record Transient(String reason, Optional<Duration> retryAfter) implements ModelAttempt {
        public Transient {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Asking again would fail the same way: bad key, unknown model, request refused, answer cut off. */
    record Failed(String reason) implements ModelAttempt {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
