package com.alphacast.core.settings;

import com.alphacast.core.risk.RiskLimits;

/** Every setting of one profile, validated. Loaded from {@code config/<profile>.yaml}. */
public record AlphacastSettings(String profile, MarketSettings market, ReplaySettings replay,
                                VolumeSpikeSettings volumeSpike, RiskLimits risk, BrokerSettings broker,
                                DistributionSettings distribution) {
}
