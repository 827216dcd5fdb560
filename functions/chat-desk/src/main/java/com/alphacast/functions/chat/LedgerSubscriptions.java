package com.alphacast.functions.chat;

import com.alphacast.aws.config.SecretResolver;
import com.alphacast.aws.subscription.DynamoSubscriptionLedger;
import com.alphacast.bots.command.InMemorySubscriberRegistry;
import com.alphacast.bots.command.SubscriberRegistry;
import com.alphacast.bots.subscription.DiscordTierRoles;
import com.alphacast.bots.subscription.PlatformAccessWithdrawal;
import com.alphacast.bots.subscription.SubscriptionAdministration;
import com.alphacast.bots.subscription.SubscriptionRoles;
import com.alphacast.bots.wiring.SubscriptionServices;
import com.alphacast.core.settings.SubscriptionSettings;
import com.alphacast.core.usecase.subscription.ExpirySweep;
import com.alphacast.core.usecase.subscription.SubscriptionGrants;
import com.alphacast.functions.FunctionResources;
import java.time.Clock;
import java.util.Optional;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The chat functions' subscriptions on SubscribersTable ({@code SUBSCRIBERS_TABLE}): a caller's tier is what the
 * ledger holds now (expired: free), operators still come from {@code ALPHACAST_ROLES} (template parameter
 * {@code BotRoles}; only its admin entries count). A /grant, /revoke or /refund of a Discord user also grants or
 * removes the tier's Discord role when roles are configured ({@link ChatDiscordRoles}).
 */
public final class LedgerSubscriptions {

    /** How many lapsed subscriptions a /revoke or /refund sweeps at once (the scheduled sweep takes the rest). */
    private static final int IMMEDIATE_SWEEP = 25;

    private final SubscriptionSettings settings;
    private final DynamoSubscriptionLedger ledger;
    private final SubscriberRegistry operators;
    private final Optional<DiscordTierRoles> discordRoles;
    private final Clock clock;

    public LedgerSubscriptions(FunctionResources resources, Clock clock) {
        this.settings = resources.settings().subscriptions();
        this.ledger = new DynamoSubscriptionLedger(resources.dynamoDb(), resources.require("SUBSCRIBERS_TABLE"));
        this.operators = InMemorySubscriberRegistry.parse(resources.environment().getOrDefault("ALPHACAST_ROLES", ""));
        // Function logs go to stdout/stderr on Lambda; this is wired once per instance, so said once.
        this.discordRoles = ChatDiscordRoles.from(resources.settings(), new SecretResolver(resources.environment(),
                () -> resources.clients().ssm(), () -> resources.clients().secretsManager()), System.err::println);
        this.clock = clock;
    }

    /** Telegram: Stars invoices, pre-checkout answers, grants per charge id, invite links, joins, /grant /revoke /refund. */
    public SubscriptionServices telegram(TelegramClient telegram) {
        return SubscriptionServices.wire(settings, ledger, operators, telegram, discordRoles, clock);
    }

    /** Roles for a platform without payments (Discord): tiers from the ledger, operators from configuration. */
    public SubscriberRegistry roles() {
        return new SubscriptionRoles(operators, ledger, clock);
    }

    /**
     * /grant, /revoke and /refund on the ledger for a platform without payments: no Telegram client is at hand
     * here, so a Telegram grant is recorded without an invite link and a Telegram lapse is left to the scheduled
     * sweep; Discord roles are granted and removed at once when configured.
     */
    public SubscriptionAdministration administration() {
        SubscriptionGrants grants = new SubscriptionGrants(ledger, clock);
        ExpirySweep sweep = new ExpirySweep(ledger, new PlatformAccessWithdrawal(settings, Optional.empty(), discordRoles),
                clock, IMMEDIATE_SWEEP);
        return new SubscriptionAdministration(settings, grants, ledger, sweep, Optional.empty(), Optional.empty(),
                Optional.empty(), discordRoles);
    }
}
