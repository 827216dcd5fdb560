package com.alphacast.core.distribution;

import java.util.Locale;

/**
 * A subscription tier. Premium subscribers get every detail at once; lower tiers get less, later.
 */
public enum Tier {
    PREMIUM,
    BASIC,
    FREE;

    /** Lower-case name used in config, table keys and file names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a tier from config or a message attribute, naming the bad value if it is not one. */
    public static Tier fromKey(String key) {
        for (Tier tier : values()) {
            if (tier.key().equalsIgnoreCase(key)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + key + "' (expected premium, basic or free)");
    }
}
