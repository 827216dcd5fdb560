package com.alphacast.bots.render;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import java.util.List;
import java.util.Optional;

/**
 * Turns what subscribers should be told into the platform API request(s) that tell them. Both the real
 * senders and the outbox use this, so the outbox records exactly what a platform would have received.
 */
public interface ChannelRenderer {

    Channel channel();

    /**
     * The requests for one publication at one tier to one destination, in sending order (never empty).
     *
     * @param inReplyTo the sender's reference of the message to thread under (what the delivery of the signal an
     *                  update follows returned); empty: stand alone
     */
    List<PlatformRequest> requestsFor(Publication publication, Tier tier, String destination, Optional<String> inReplyTo);

    /** The requests for a publication that stands alone. */
    default List<PlatformRequest> requestsFor(Publication publication, Tier tier, String destination) {
        return requestsFor(publication, tier, destination, Optional.empty());
    }

    /** The requests a delivery produces. */
    default List<PlatformRequest> requestsFor(Delivery delivery) {
        if (delivery.channel() != channel()) {
            throw new IllegalArgumentException("delivery " + delivery.id() + " is for " + delivery.channel().key()
                    + ", this renderer renders " + channel().key());
        }
        return requestsFor(delivery.publication(), delivery.tier(), delivery.destination(), delivery.inReplyTo());
    }

    /**
     * The platform's message id in a sender's reference: the first message of a split delivery, after the chat
     * ({@code -1001:42} → {@code 42}) or the outbox file ({@code telegram.jsonl#7} → {@code 7}); empty when the
     * reference names no numeric message (e.g. an X post accepted as a duplicate).
     */
    static Optional<String> messageId(Optional<String> reference) {
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        String first = reference.get().split(",", 2)[0];
        String id = first.substring(Math.max(first.lastIndexOf(':'), first.lastIndexOf('#')) + 1);
        return !id.isEmpty() && id.length() <= 19 && id.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Optional.of(id) : Optional.empty();
    }
}
