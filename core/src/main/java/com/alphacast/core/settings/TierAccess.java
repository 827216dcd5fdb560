package com.alphacast.core.settings;

import java.util.Optional;

/**
 * Where a paid tier's members are let in, and removed from when their subscription lapses.
 *
 * @param telegramChat the premium chat (supergroup or channel id) a payer gets a single-use invite link to
 * @param discordRole  the Discord role id granted to the tier's members in the guild
 */
public record TierAccess(Optional<String> telegramChat, Optional<String> discordRole) {

    public static TierAccess none() {
        return new TierAccess(Optional.empty(), Optional.empty());
    }
}
