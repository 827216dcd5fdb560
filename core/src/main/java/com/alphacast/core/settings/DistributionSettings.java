package com.alphacast.core.settings;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import java.util.Map;

/**
 * Tiers, channels and where the outbox lives.
 *
 * @param outboxDirectory directory of the outbox sink's files (relative paths resolve against the working directory)
 * @param tiers           policy per tier
 * @param channels        sink per channel
 */
public record DistributionSettings(String outboxDirectory, Map<Tier, TierPolicy> tiers,
                                   Map<Channel, ChannelSettings> channels) {

    public DistributionSettings {
        tiers = Map.copyOf(tiers);
        channels = Map.copyOf(channels);
    }
}
