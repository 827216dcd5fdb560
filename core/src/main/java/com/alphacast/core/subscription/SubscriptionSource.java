package com.alphacast.core.subscription;

import java.util.Locale;

/** Why a subscription exists: paid (Telegram Stars), granted by an operator, or a trial. */
public enum SubscriptionSource {
    PAYMENT,
    GRANT,
    TRIAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionSource fromKey(String key) {
        for (SubscriptionSource source : values()) {
            if (source.key().equals(key)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown subscription source '" + key + "' (expected payment, grant or trial)");
    }
}
