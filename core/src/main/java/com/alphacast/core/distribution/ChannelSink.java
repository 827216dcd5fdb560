package com.alphacast.core.distribution;

/**
 * Where rendered deliveries go: a platform sender, or the outbox that records exactly what a platform
 * would have received. Implementations render the delivery for their platform and tier themselves.
 *
 * <p>A transient failure (timeout, 5xx, rate limit exhausted) is thrown as
 * {@link DeliveryFailedException} so the caller can retry later; permanent refusals are returned as
 * {@link DeliveryResult.Rejected}.
 */
public interface ChannelSink {

    Channel channel();

    DeliveryResult deliver(Delivery delivery) throws DeliveryFailedException;
}
