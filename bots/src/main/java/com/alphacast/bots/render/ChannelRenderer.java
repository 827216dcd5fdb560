package com.alphacast.bots.render;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.Tier;
import java.util.List;

/**
 * Turns what subscribers should be told into the platform API request(s) that tell them. Both the real
 * senders and the outbox use this, so the outbox records exactly what a platform would have received.
 */
public interface ChannelRenderer {

    Channel channel();

    /** The requests for one announcement at one tier to one destination, in sending order (never empty). */
    List<PlatformRequest> requestsFor(Announcement announcement, Tier tier, String destination);

    /** The requests a signal delivery produces. */
    default List<PlatformRequest> requestsFor(Delivery delivery) {
        if (delivery.channel() != channel()) {
            throw new IllegalArgumentException("delivery " + delivery.id() + " is for " + delivery.channel().key()
                    + ", this renderer renders " + channel().key());
        }
        return requestsFor(new Announcement.NewSignal(delivery.signal()), delivery.tier(), delivery.destination());
    }
}
