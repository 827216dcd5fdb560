package com.alphacast.core.distribution;

import java.util.Locale;

/** A platform subscribers receive messages on. */
public enum Channel {
    TELEGRAM,
    DISCORD,
    X;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromKey(String key) {
        for (Channel channel : values()) {
            if (channel.key().equalsIgnoreCase(key)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + key + "' (expected telegram, discord or x)");
    }
}
