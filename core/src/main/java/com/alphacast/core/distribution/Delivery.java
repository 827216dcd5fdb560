package com.alphacast.core.distribution;

import com.alphacast.core.publication.Publication;
import java.util.Objects;
import java.util.Optional;

/**
 * One publication going to one destination (chat, channel, webhook or account) of one channel at one tier.
 *
 * @param publication what is delivered (a signal, an update to one, a recap, a briefing)
 * @param tier        the tier whose rules decide how much of it is shown
 * @param channel     the platform
 * @param destination platform-specific address: a Telegram chat id, a Discord webhook or channel id, an X account
 * @param inReplyTo   the platform's reference of the message this one is threaded under (an update's signal as
 *                    it was sent to this destination); empty for a message that stands alone
 */
public record Delivery(Publication publication, Tier tier, Channel channel, String destination,
                       Optional<String> inReplyTo) {

    public Delivery {
        Objects.requireNonNull(publication, "publication");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("destination must not be blank");
        }
    }

    /** A delivery that stands alone (not threaded). */
    public Delivery(Publication publication, Tier tier, Channel channel, String destination) {
        this(publication, tier, channel, destination, Optional.empty());
    }

    /** The idempotency key: the same publication is never sent twice to the same destination at the same tier. */
    public String id() {
        return idOf(publication.id(), tier, channel, destination);
    }

    /** The id of the delivery of {@code publicationId} to one destination at one tier. */
    public static String idOf(String publicationId, Tier tier, Channel channel, String destination) {
        return publicationId + "|" + tier.key() + "|" + channel.key() + "|" + destination;
    }
}
