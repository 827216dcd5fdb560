package com.alphacast.core.subscription;

import com.alphacast.core.distribution.Channel;
import java.util.Objects;

/**
 * A platform user who may hold a subscription. The id is the platform's numeric user id, never a display name
 * (those can be changed and spoofed).
 *
 * @param platform where the user is (Telegram or Discord; X has no subscribers)
 * @param userId   the platform's user id, digits only
 */
public record Subscriber(Channel platform, String userId) {

    public Subscriber {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        if (platform == Channel.X) {
            throw new IllegalArgumentException("X has no subscribers: subscriptions are held on telegram or discord");
        }
        if (userId.isEmpty() || userId.length() > 20 || !userId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a " + platform.key() + " user id is 1-20 digits, was '"
                    + (userId.length() > 24 ? userId.substring(0, 24) + "…" : userId) + "'");
        }
    }

    /** {@code telegram:123}: the table key, and how operators name a user in {@code /grant}. */
    public String key() {
        return platform.key() + ":" + userId;
    }

    /**
     * Parses {@code telegram:123}, {@code discord:456}, or a bare id on {@code defaultPlatform} (an operator on
     * Telegram granting a Telegram user).
     */
    public static Subscriber parse(String text, Channel defaultPlatform) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Subscriber(defaultPlatform, text);
        }
        return new Subscriber(Channel.fromKey(text.substring(0, colon)), text.substring(colon + 1));
    }
}
