package com.alphacast.bots.wiring;

import com.alphacast.bots.command.SubscriberRegistry;
import com.alphacast.bots.subscription.DiscordTierRoles;
import com.alphacast.bots.subscription.PlatformAccessWithdrawal;
import com.alphacast.bots.subscription.PremiumChats;
import com.alphacast.bots.subscription.StarRefunds;
import com.alphacast.bots.subscription.SubscriptionAdministration;
import com.alphacast.bots.subscription.SubscriptionRoles;
import com.alphacast.bots.subscription.SubscriptionUpdates;
import com.alphacast.core.settings.SubscriptionSettings;
import com.alphacast.core.usecase.subscription.ExpirySweep;
import com.alphacast.core.usecase.subscription.SubscriptionGrants;
import com.alphacast.core.usecase.subscription.SubscriptionLedger;
import java.time.Clock;
import java.util.Optional;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What a bot with paid tiers is built from, wired once: give {@link #roles()} to the {@code CommandRouter} as its
 * registry and {@link #administration()} as its subscription commands, and {@link #updates()} to the
 * {@code TelegramUpdateHandler}. The ledger is DynamoDB's in a deployed webhook function, in memory in tests.
 */
public record SubscriptionServices(SubscriberRegistry roles, SubscriptionAdministration administration,
                                   SubscriptionUpdates updates, ExpirySweep sweep) {

    /** How many lapsed subscriptions a /revoke or /refund sweeps at once (the scheduled sweep takes the rest). */
    private static final int IMMEDIATE_SWEEP = 25;

    /**
     * @param operators who is an operator (only {@code ADMIN} answers count)
     * @param telegram  the Telegram client the payments, invite links and removals go through
     * @param discord   the Discord tier roles, when the guild has any
     */
    public static SubscriptionServices wire(SubscriptionSettings settings, SubscriptionLedger ledger,
                                            SubscriberRegistry operators, TelegramClient telegram,
                                            Optional<DiscordTierRoles> discord, Clock clock) {
        SubscriptionGrants grants = new SubscriptionGrants(ledger, clock);
        PremiumChats chats = new PremiumChats(telegram);
        SubscriptionUpdates updates = new SubscriptionUpdates(settings, grants, chats, clock);
        ExpirySweep sweep = new ExpirySweep(ledger, new PlatformAccessWithdrawal(settings, Optional.of(chats), discord),
                clock, IMMEDIATE_SWEEP);
        SubscriptionAdministration administration = new SubscriptionAdministration(settings, grants, ledger, sweep,
                Optional.of(updates), Optional.of(chats), Optional.of(new StarRefunds(telegram)), discord);
        return new SubscriptionServices(new SubscriptionRoles(operators, ledger, clock), administration, updates, sweep);
    }
}
