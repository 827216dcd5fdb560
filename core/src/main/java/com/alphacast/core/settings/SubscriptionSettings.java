package com.alphacast.core.settings;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.subscription.PriceList;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Paid tiers: what is sold for how many Stars, where each tier's members are let in, and who runs the bot.
 *
 * @param prices             plans per tier and period, in Telegram Stars
 * @param access             chats and roles per paid tier
 * @param inviteLinkLifetime how long a payer's single-use invite link stays valid
 * @param discordGuild       the guild the tier roles live in (required when any tier has a role)
 * @param operatorChat       the Telegram chat operators command from (its own command menu)
 */
public record SubscriptionSettings(PriceList prices, Map<Tier, TierAccess> access, Duration inviteLinkLifetime,
                                   Optional<String> discordGuild, Optional<String> operatorChat) {

    public SubscriptionSettings {
        Objects.requireNonNull(prices, "prices");
        access = Map.copyOf(access);
        if (access.containsKey(Tier.FREE)) {
            throw new IllegalArgumentException("the free tier has no chats or roles to guard");
        }
        if (inviteLinkLifetime.isNegative() || inviteLinkLifetime.isZero()) {
            throw new IllegalArgumentException("invite links must live a positive time, was " + inviteLinkLifetime);
        }
        if (discordGuild.isEmpty() && access.values().stream().anyMatch(a -> a.discordRole().isPresent())) {
            throw new IllegalArgumentException("tier roles need the discordGuild they belong to");
        }
    }

    public TierAccess accessOf(Tier tier) {
        return access.getOrDefault(tier, TierAccess.none());
    }

    /** The paid tier whose premium chat this is, if any. */
    public Optional<Tier> tierOfChat(String chatId) {
        return access.entrySet().stream().filter(e -> e.getValue().telegramChat().filter(chatId::equals).isPresent())
                .map(Map.Entry::getKey).findFirst();
    }

    /** Nothing on sale, no chats: the default when a profile has no {@code subscriptions} section. */
    public static SubscriptionSettings none() {
        return new SubscriptionSettings(new PriceList(java.util.List.of()), Map.of(), Duration.ofHours(24),
                Optional.empty(), Optional.empty());
    }
}
