package com.alphacast.bots.delivery;

import java.time.Duration;

/** How a platform answered one request, classified for retry decisions. */
public sealed interface SendOutcome {

    /** Accepted; {@code reference} is the platform's message id (e.g. {@code 123456:42}). */
    record Accepted(String reference) implements SendOutcome {}

    /**
     * 429: wait at least {@code retryAfter}. {@code wholeAccount} is true when the limit is the bot's or
     * account's (Telegram's flood control, Discord's global limit, X's posting window) rather than one
     * destination's.
     */
    record Throttled(Duration retryAfter, boolean wholeAccount, String detail) implements SendOutcome {}

    /** Worth retrying: 5xx, timeouts, connection failures. */
    record Transient(String detail) implements SendOutcome {}

    /** Retrying cannot help: blocked or kicked, unknown channel, bad token, malformed request. */
    record Permanent(String detail) implements SendOutcome {}
}
