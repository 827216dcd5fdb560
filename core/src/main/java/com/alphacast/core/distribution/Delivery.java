package com.alphacast.core.distribution;

import com.alphacast.core.signal.Signal;
import java.util.Objects;

/**
 * One signal going to one destination (chat, channel, webhook or account) of one channel at one tier.
 *
 * @param signal      the signal being delivered
 * @param tier        the tier whose rules decide how much of the signal is shown
 * @param channel     the platform
 * @param destination platform-specific address: a Telegram chat id, a Discord webhook or channel id, an X account
 */
public record Delivery(Signal signal, Tier tier, Channel channel, String destination) {

    public Delivery {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(channel, "channel");
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("destination must not be blank");
        }
    }

    /** The idempotency key: the same signal is never sent twice to the same destination at the same tier. */
    public String id() {
        return signal.id() + "|" + tier.key() + "|" + channel.key() + "|" + destination;
    }
}
