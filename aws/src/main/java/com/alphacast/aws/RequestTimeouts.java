package com.alphacast.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the HTTP client under a DynamoDB, SQS, SSM or Secrets Manager client waits to connect, and for the next
 * bytes of an answer, before it fails the attempt; the SDK then retries it on a new connection (in its default retry
 * mode DynamoDB's client makes up to nine attempts, the others four).
 *
 * <p>Why: with the SDK's defaults a request on a connection that went dead (a dropped NAT mapping, a server that stopped
 * answering) waits 30 s for each attempt, past every function's timeout and far past the 10 s the risk check keeps for
 * one decision. DynamoDB and SQS answer in milliseconds in a region and well within a second on the local cloud on two
 * busy cores (in the sixth session's load runs the slowest hop, its requests and queueing together, took 0.5 s),
 * so {@link #STANDARD} gives up on silence after 2 s: one hung request costs about 2 s and then succeeds on a new
 * connection. A service that answers nothing at all fails an SQS request in about 8 s and a DynamoDB request in about
 * 20 s (instead of 120 s and 270 s); a function caught in that outage fails or times out, and its records come back
 * after the queue's visibility timeout.
 *
 * <p>Why the socket's timeouts and not the SDK's {@code apiCallAttemptTimeout} and {@code apiCallTimeout}: the SDK
 * schedules a timer task for every attempt and call, which cost 2–5 ms of CPU per risk decision (7 requests) in a
 * {@code RiskDecisionBench} A/B of two runs each (indicative: runs of the same code differ by 2–4 ms); with the
 * socket's timeouts the decision's CPU was as before.
 *
 * @param connect longest wait for a new connection
 * @param read    longest silence while waiting for an answer's next bytes
 */
public record RequestTimeouts(Duration connect, Duration read) {

    public static final RequestTimeouts STANDARD = new RequestTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    public RequestTimeouts {
        requirePositive("connect", connect);
        requirePositive("read", read);
    }

    private static void requirePositive(String name, Duration timeout) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be positive, was " + timeout);
        }
    }
}
