package com.alphacast.bots.subscription;

import com.alphacast.bots.command.Caller;
import com.alphacast.bots.command.CommandReply;
import com.alphacast.bots.command.SubscriptionCommands;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.settings.SubscriptionSettings;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import com.alphacast.core.usecase.subscription.ExpirySweep;
import com.alphacast.core.usecase.subscription.SubscriptionGrants;
import com.alphacast.core.usecase.subscription.SubscriptionLedger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /grant <user> <tier> <days>}, {@code /revoke <user>} and {@code /refund <charge>} for operators. A user is
 * {@code telegram:123}, {@code discord:456} or a bare id on the caller's platform. A grant also lets the user in (a
 * Telegram invite link sent to them, the Discord tier role); a revoke or refund ends the subscription now and withdraws
 * access at once through the sweep (which is idempotent, so the scheduled run does not repeat it).
 */
public final class SubscriptionAdministration implements SubscriptionCommands {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SubscriptionSettings settings;
    private final SubscriptionGrants grants;
    private final SubscriptionLedger ledger;
    private final ExpirySweep sweep;
    private final Optional<SubscriptionUpdates> telegram;
    private final Optional<PremiumChats> chats;
    private final Optional<StarRefunds> refunds;
    private final Optional<DiscordTierRoles> discord;

    public SubscriptionAdministration(SubscriptionSettings settings, SubscriptionGrants grants, SubscriptionLedger ledger,
                                      ExpirySweep sweep, Optional<SubscriptionUpdates> telegram, Optional<PremiumChats> chats,
                                      Optional<StarRefunds> refunds, Optional<DiscordTierRoles> discord) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.telegram = Objects.requireNonNull(telegram, "telegram");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.refunds = Objects.requireNonNull(refunds, "refunds");
        this.discord = Objects.requireNonNull(discord, "discord");
    }

    @Override
    public CommandReply answer(Caller caller, String command, List<String> arguments) {
        // A Discord slash command carries "telegram:1 premium 30" as one option value: split it like typed text.
        List<String> args = arguments.stream().flatMap(a -> java.util.Arrays.stream(a.strip().split("\\s+")))
                .filter(a -> !a.isEmpty()).toList();
        return switch (command) {
            case "grant" -> grant(caller, args);
            case "revoke" -> revoke(caller, args);
            case "refund" -> refund(args);
            default -> throw new IllegalArgumentException("/" + command + " is not a subscription command");
        };
    }

    private CommandReply grant(Caller caller, List<String> args) {
        if (args.size() != 3) {
            throw new IllegalArgumentException("Usage: /grant <user> <tier> <days>, e.g. /grant telegram:123 premium 30.");
        }
        Subscriber subscriber = Subscriber.parse(args.get(0), caller.platform());
        Tier tier = Tier.fromKey(args.get(1));
        if (tier == Tier.FREE) {
            throw new IllegalArgumentException("Everyone has free; grant premium or basic (or /revoke to end a subscription).");
        }
        int days;
        try {
            days = Integer.parseInt(args.get(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("<days> must be a whole number of days (1-3650), was '" + args.get(2) + "'.");
        }
        Subscription granted = grants.grant(subscriber, tier, days);
        String access = letIn(granted);
        return CommandReply.text("Granted " + tier.key() + " to " + subscriber.key() + " until "
                + DAY.format(granted.expiresAt()) + "." + access);
    }

    private String letIn(Subscription granted) {
        String user = granted.subscriber().userId();
        if (granted.subscriber().platform() == Channel.TELEGRAM && telegram.isPresent() && chats.isPresent()) {
            Optional<String> link = telegram.get().inviteFor(granted);
            if (link.isPresent()) {
                boolean told = chats.get().tell(user, "You have been given " + granted.tier().key() + " until "
                        + DAY.format(granted.expiresAt()) + ". Join the " + granted.tier().key()
                        + " chat with this link (single use): " + link.get());
                return told ? " Invite link sent to them." : " They have not started the bot, so no invite link could be sent.";
            }
        }
        if (granted.subscriber().platform() == Channel.DISCORD && discord.isPresent()) {
            Optional<String> role = settings.accessOf(granted.tier()).discordRole();
            if (role.isPresent()) {
                discord.get().grant(user, role.get());
                return " Discord role granted.";
            }
        }
        return "";
    }

    private CommandReply revoke(Caller caller, List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("Usage: /revoke <user>, e.g. /revoke telegram:123.");
        }
        Subscriber subscriber = Subscriber.parse(args.get(0), caller.platform());
        Optional<Subscription> ended = grants.revoke(subscriber);
        if (ended.isEmpty()) {
            return CommandReply.text(subscriber.key() + " has no active subscription; nothing revoked.");
        }
        ExpirySweep.Report report = sweep.run();
        return CommandReply.text("Revoked " + ended.get().tier().key() + " of " + subscriber.key() + "; "
                + withdrawal(report));
    }

    private CommandReply refund(List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("Usage: /refund <telegram_payment_charge_id>.");
        }
        String charge = args.get(0);
        Optional<Subscriber> payer = ledger.payerOf(charge);
        if (payer.isEmpty()) {
            throw new IllegalArgumentException("No payment with charge id '" + (charge.length() > 64 ? charge.substring(0, 64) + "…" : charge)
                    + "' is on record.");
        }
        StarRefunds stars = refunds.orElseThrow(() -> new IllegalArgumentException("Refunds need the Telegram bot, which is not configured."));
        try {
            stars.refund(payer.get().userId(), charge);
        } catch (IllegalStateException e) {
            return CommandReply.text("Refund not made, access unchanged: " + e.getMessage());
        }
        Optional<Subscription> ended = grants.revoke(payer.get());
        String access = ended.isPresent() ? withdrawal(sweep.run()) : "their subscription had already ended.";
        return CommandReply.text("Refunded " + charge + " to " + payer.get().key() + "; " + access);
    }

    private static String withdrawal(ExpirySweep.Report report) {
        return report.failures().isEmpty() ? "access withdrawn."
                : "access not yet withdrawn (" + String.join("; ", report.failures()) + "); the scheduled sweep retries.";
    }
}
