package com.alphacast.core.settings;

import com.alphacast.core.risk.RiskLimits;

/**
 * Every setting of one profile, validated. Loaded from {@code config/<profile>.yaml}.
 *
 * @param profile the profile name
 * @param source  the file the settings were read from, for error messages about them
 * @param subscriptions paid tiers (prices in Stars, premium chats and roles); {@link SubscriptionSettings#none()} when absent
 */
public record AlphacastSettings(String profile, String source, MarketSettings market, ReplaySettings replay,
                                VolumeSpikeSettings volumeSpike, RiskLimits risk, BrokerSettings broker,
                                DistributionSettings distribution, SubscriptionSettings subscriptions,
                                WorkerSettings worker) {
}
