package com.alphacast.core.distribution;

/** What happened to a delivery handed to a {@link ChannelSink}. */
public sealed interface DeliveryResult {

    /** The platform accepted the message. {@code reference} is its message id, file offset or similar. */
    record Sent(String reference) implements DeliveryResult {}

    /**
     * The platform refused permanently (blocked by the user, unknown channel, bad token): retrying would
     * not help, so the delivery is recorded as failed and not retried.
     */
    record Rejected(String reason) implements DeliveryResult {}
}
