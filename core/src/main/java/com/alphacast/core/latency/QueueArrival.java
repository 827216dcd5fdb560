package com.alphacast.core.latency;

import java.time.Instant;
import java.util.Objects;

/**
 * When a queue message was sent and first received, as the queue itself stamped it (SQS's {@code SentTimestamp}
 * and {@code ApproximateFirstReceiveTimestamp}): the queue owns these facts, the consumer only copies them into the
 * record it writes, so the hop through the queue can be measured end to end.
 *
 * @param sentAt     when the queue accepted the message
 * @param receivedAt when a consumer first received it (its first receive, also on a redelivery)
 */
public record QueueArrival(Instant sentAt, Instant receivedAt) {

    public QueueArrival {
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
