package com.alphacast.bots.subscription;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.settings.SubscriptionSettings;
import com.alphacast.core.settings.TierAccess;
import com.alphacast.core.subscription.Subscription;
import com.alphacast.core.usecase.subscription.AccessWithdrawal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Withdraws a lapsed subscription on its platform: a Telegram subscriber is removed from the tier's chat (ban +
 * unban, no lasting ban) and told how to renew; a Discord subscriber loses the tier's role. Every step is safe to
 * repeat.
 */
public final class PlatformAccessWithdrawal implements AccessWithdrawal {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SubscriptionSettings settings;
    private final Optional<PremiumChats> telegram;
    private final Optional<DiscordTierRoles> discord;

    public PlatformAccessWithdrawal(SubscriptionSettings settings, Optional<PremiumChats> telegram,
                                    Optional<DiscordTierRoles> discord) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.telegram = Objects.requireNonNull(telegram, "telegram");
        this.discord = Objects.requireNonNull(discord, "discord");
    }

    @Override
    public void withdraw(Subscription lapsed) {
        TierAccess access = settings.accessOf(lapsed.tier());
        String user = lapsed.subscriber().userId();
        if (lapsed.subscriber().platform() == Channel.TELEGRAM) {
            PremiumChats chats = telegram.orElseThrow(() -> new IllegalStateException(
                    "a Telegram subscription lapsed but no Telegram bot is configured to remove it"));
            access.telegramChat().ifPresent(chat -> chats.remove(chat, user));
            chats.tell(user, renewal(lapsed));
        } else if (lapsed.subscriber().platform() == Channel.DISCORD && access.discordRole().isPresent()) {
            discord.orElseThrow(() -> new IllegalStateException(
                    "a Discord subscription lapsed but no Discord bot is configured to remove its role"))
                    .remove(user, access.discordRole().get());
        }
    }

    static String renewal(Subscription lapsed) {
        return "Your " + lapsed.tier().key() + " subscription ended on " + DAY.format(lapsed.expiresAt())
                + ", so you have left the " + lapsed.tier().key() + " chat. Send /subscribe to renew: "
                + "you get a new invite link as soon as the payment is through.";
    }
}
