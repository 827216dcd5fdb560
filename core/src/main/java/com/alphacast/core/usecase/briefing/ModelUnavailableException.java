package com.alphacast.core.usecase.briefing;

/**
 * No usable answer came from the model: unreachable, throttled past the deadline, refused, or over budget.
 * The message is for operators; it never carries a key.
 */
public final class ModelUnavailableException extends Exception {

    private final int attempts;

    public ModelUnavailableException(String reason, int attempts) {
        super(reason);
        this.attempts = attempts;
    }

    /** Requests sent before giving up (0 when the prompt was refused before sending). */
    public int attempts() {
        return attempts;
    }
}
