package com.alphacast.functions.sqs;

import com.alphacast.core.latency.QueueArrival;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SQS's own stamps of a record ({@code SentTimestamp}, {@code ApproximateFirstReceiveTimestamp}, epoch ms),
 * which Lambda's event source passes in every record's attributes. Empty when either is missing or not a number
 * (a hand-made event): the stamps are for measuring, never a reason to fail a record.
 */
public final class QueueStamps {

    private QueueStamps() {
    }

    public static Optional<QueueArrival> of(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        Optional<Instant> sent = epochMillis(attributes.get("SentTimestamp"));
        Optional<Instant> received = epochMillis(attributes.get("ApproximateFirstReceiveTimestamp"));
        return sent.isPresent() && received.isPresent()
                ? Optional.of(new QueueArrival(sent.get(), received.get())) : Optional.empty();
    }

    private static Optional<Instant> epochMillis(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(value.strip())));
        } catch (NumberFormatException notStamped) {
            return Optional.empty();
        }
    }
}
