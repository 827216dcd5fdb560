package com.alphacast.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the SDK lets one attempt of a DynamoDB, SQS, SSM or Secrets Manager request run, and the whole call with
 * its retries, before abandoning it ({@code apiCallAttemptTimeout}, {@code apiCallTimeout}).
 *
 * <p>Why: without them a request on a connection that went dead (a dropped NAT mapping, a server that stopped
 * answering) waits out the HTTP client's 30 s read timeout on each of the SDK's three attempts, past every function's
 * timeout and far past the 10 s the risk check keeps for one decision. DynamoDB and SQS answer in milliseconds in a
 * region and in well under a second on the local cloud on two busy cores, so {@link #STANDARD} abandons an attempt
 * after 2 s (the SDK then retries on a new connection) and a call after 5 s: one hung request fits a decision's room.
 *
 * @param attempt longest one attempt may take
 * @param call    longest the call may take, all its attempts and the pauses between them included
 */
public record RequestTimeouts(Duration attempt, Duration call) {

    public static final RequestTimeouts STANDARD = new RequestTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    public RequestTimeouts {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(call, "call");
        if (attempt.isNegative() || attempt.isZero()) {
            throw new IllegalArgumentException("attempt timeout must be positive, was " + attempt);
        }
        if (call.compareTo(attempt) < 0) {
            throw new IllegalArgumentException("call timeout " + call + " is shorter than one attempt's " + attempt);
        }
    }
}
