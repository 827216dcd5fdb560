package com.alphacast.bots.subscription;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.settings.SubscriptionSettings;
import com.alphacast.core.subscription.InvoicePayload;
import com.alphacast.core.subscription.Plan;
import com.alphacast.core.subscription.PriceList;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import com.alphacast.core.usecase.subscription.SubscriptionGrants;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.groupadministration.ApproveChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.DeclineChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ChatJoinRequest;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;

/**
 * The subscription side of Telegram updates: Stars invoices for {@code /subscribe}, the pre-checkout check, a
 * successful payment (grant until the period ends, then a single-use invite link to the tier's chat), join requests
 * to the premium chats (approved only for current subscribers of that tier or higher) and members who turn up in a
 * premium chat without a subscription (removed). {@code TelegramUpdateHandler} routes the updates here.
 */
public final class SubscriptionUpdates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What was done and why, and the calls that answer the update. */
    public record Reaction(String explanation, List<BotApiMethod<?>> replies) {
        public Reaction {
            replies = List.copyOf(replies);
        }
    }

    private final SubscriptionSettings settings;
    private final SubscriptionGrants grants;
    private final PremiumChats chats;
    private final Clock clock;

    public SubscriptionUpdates(SubscriptionSettings settings, SubscriptionGrants grants, PremiumChats chats, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.chats = Objects.requireNonNull(chats, "chats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One Stars invoice per plan on sale, cheapest tier first; empty when nothing is sold. */
    public List<SendInvoice> invoices(String chatId) {
        List<SendInvoice> invoices = new ArrayList<>();
        for (Tier tier : List.of(Tier.BASIC, Tier.PREMIUM)) {
            for (Plan plan : settings.prices().of(tier)) {
                String title = "Alphacast " + tier.key() + ", " + plan.days() + " days";
                invoices.add(SendInvoice.builder().chatId(chatId).title(title)
                        .description(tier == Tier.PREMIUM
                                ? "Every signal in real time: contract, entry, stop, target, size and rationale, plus the premium chat."
                                : "Signals with underlying, direction and entry zone, plus the basic chat.")
                        .payload(InvoicePayload.of(plan).encode()).providerToken("").currency(Plan.CURRENCY)
                        .prices(List.of(new LabeledPrice(title, (int) plan.stars()))).build());
            }
        }
        return invoices;
    }

    /**
     * Telegram holds the payment until this answer (at most 10 s): ok only when the payload names a plan still on
     * sale, at today's price, in Stars; otherwise refused with the reason the payer sees.
     */
    public Reaction preCheckout(PreCheckoutQuery query) {
        PriceList.Verdict verdict = settings.prices().verify(query.getInvoicePayload(), query.getCurrency(),
                query.getTotalAmount() == null ? -1 : query.getTotalAmount());
        if (verdict instanceof PriceList.Verdict.Accepted accepted) {
            return new Reaction("pre-checkout " + query.getId() + " accepted: " + accepted.plan().key() + " for "
                    + accepted.plan().stars() + " XTR", List.of(AnswerPreCheckoutQuery.builder()
                    .preCheckoutQueryId(query.getId()).ok(true).build()));
        }
        String reason = ((PriceList.Verdict.Refused) verdict).reason();
        return new Reaction("pre-checkout " + query.getId() + " refused: " + reason, List.of(AnswerPreCheckoutQuery.builder()
                .preCheckoutQueryId(query.getId()).ok(false).errorMessage(reason).build()));
    }

    /**
     * A payment Telegram has taken: the tier it bought is granted until the period ends (once per charge id, however
     * often the update arrives), and the payer gets a single-use invite link to the tier's chat.
     */
    public Reaction payment(Message message) {
        SuccessfulPayment payment = message.getSuccessfulPayment();
        if (message.getFrom() == null || message.getFrom().getId() == null) {
            return new Reaction("ignored: successful_payment without a payer", List.of());
        }
        String payer = Long.toString(message.getFrom().getId());
        String chatId = message.getChatId() == null ? payer : Long.toString(message.getChatId());
        // Telegram already took the money, so the plan is the one the payload names even if its price changed since
        // the pre-checkout; a payload that is not ours (or not in Stars) grants nothing and is reported.
        Optional<InvoicePayload> payload = InvoicePayload.parse(payment.getInvoicePayload()).payload();
        if (payload.isEmpty() || !Plan.CURRENCY.equals(payment.getCurrency()) || payload.get().tier() == Tier.FREE) {
            return new Reaction("payment " + payment.getTelegramPaymentChargeId() + " from " + payer
                    + " not granted: not an Alphacast Stars invoice (currency " + payment.getCurrency() + ")", List.of());
        }
        if (payment.getTotalAmount() == null || payment.getTotalAmount() != payload.get().stars()) {
            return new Reaction("payment " + payment.getTelegramPaymentChargeId() + " from " + payer + " not granted: "
                    + payment.getTotalAmount() + " XTR paid for an invoice of " + payload.get().stars(), List.of());
        }
        Plan plan;
        try {
            plan = new Plan(payload.get().tier(), payload.get().days(), payload.get().stars());
        } catch (IllegalArgumentException e) {
            return new Reaction("payment " + payment.getTelegramPaymentChargeId() + " not granted: " + e.getMessage(), List.of());
        }
        Subscriber subscriber = new Subscriber(Channel.TELEGRAM, payer);
        SubscriptionGrants.Payment outcome = grants.pay(subscriber, plan, payment.getTelegramPaymentChargeId());
        if (outcome instanceof SubscriptionGrants.Payment.AlreadyApplied) {
            return new Reaction("payment " + payment.getTelegramPaymentChargeId() + " was already applied", List.of());
        }
        Subscription granted = ((SubscriptionGrants.Payment.Granted) outcome).subscription();
        String text = "Thank you! You are " + granted.tier().key() + " until " + DAY.format(granted.expiresAt()) + ".";
        Optional<String> link = inviteFor(granted);
        if (link.isPresent()) {
            text += "\nJoin the " + granted.tier().key() + " chat with this link (single use, valid until "
                    + DAY.format(linkExpiry(granted)) + "): " + link.get();
        }
        return new Reaction("payment " + payment.getTelegramPaymentChargeId() + ": " + subscriber.key() + " granted "
                + plan.key() + " until " + granted.expiresAt() + (link.isPresent() ? ", invite link sent" : ""),
                List.of(SendMessage.builder().chatId(chatId).text(text).build()));
    }

    /** A single-use link to the subscription's chat, when its tier has one. */
    public Optional<String> inviteFor(Subscription subscription) {
        return settings.accessOf(subscription.tier()).telegramChat().map(chat ->
                chats.singleUseInvite(chat, subscription.subscriber().userId(), linkExpiry(subscription)));
    }

    private Instant linkExpiry(Subscription subscription) {
        Instant byLifetime = clock.instant().plus(settings.inviteLinkLifetime());
        return byLifetime.isBefore(subscription.expiresAt()) ? byLifetime : subscription.expiresAt();
    }

    /** Approves a join request to a tier's chat for a current subscriber of that tier (or higher), declines others. */
    public Reaction joinRequest(ChatJoinRequest request) {
        if (request.getChat() == null || request.getChat().getId() == null || request.getUser() == null) {
            return new Reaction("ignored: chat_join_request without chat or user", List.of());
        }
        String chatId = Long.toString(request.getChat().getId());
        Optional<Tier> chatTier = settings.tierOfChat(chatId);
        if (chatTier.isEmpty()) {
            return new Reaction("ignored: join request to chat " + chatId + ", which no tier guards", List.of());
        }
        Long userId = request.getUser().getId();
        Tier held = grants.tierOf(new Subscriber(Channel.TELEGRAM, Long.toString(userId)));
        if (includes(held, chatTier.get())) {
            return new Reaction("join request of " + userId + " to the " + chatTier.get().key() + " chat approved ("
                    + held.key() + ")", List.of(ApproveChatJoinRequest.builder().chatId(chatId).userId(userId).build()));
        }
        return new Reaction("join request of " + userId + " to the " + chatTier.get().key() + " chat declined: tier "
                + held.key(), List.of(DeclineChatJoinRequest.builder().chatId(chatId).userId(userId).build()));
    }

    /**
     * A member who turns up in a tier's chat without a current subscription of that tier (a forwarded link, an
     * admin's mistake) is removed at once; any other membership change is only noted.
     */
    public Reaction chatMember(ChatMemberUpdated update) {
        if (update.getChat() == null || update.getChat().getId() == null || update.getNewChatMember() == null
                || update.getNewChatMember().getUser() == null) {
            return new Reaction("ignored: chat_member without chat or member", List.of());
        }
        String chatId = Long.toString(update.getChat().getId());
        Optional<Tier> chatTier = settings.tierOfChat(chatId);
        if (chatTier.isEmpty()) {
            return new Reaction("ignored: membership change in chat " + chatId + ", which no tier guards", List.of());
        }
        String status = update.getNewChatMember().getStatus();
        Long userId = update.getNewChatMember().getUser().getId();
        if (!"member".equals(status) || Boolean.TRUE.equals(update.getNewChatMember().getUser().getIsBot())) {
            return new Reaction("noted: " + userId + " is now " + status + " in the " + chatTier.get().key() + " chat", List.of());
        }
        Tier held = grants.tierOf(new Subscriber(Channel.TELEGRAM, Long.toString(userId)));
        if (includes(held, chatTier.get())) {
            return new Reaction("noted: subscriber " + userId + " joined the " + chatTier.get().key() + " chat", List.of());
        }
        chats.remove(chatId, Long.toString(userId));
        return new Reaction("removed " + userId + " from the " + chatTier.get().key() + " chat: tier " + held.key(), List.of());
    }

    /** Premium includes basic: a premium subscriber may join the basic chat too. */
    private static boolean includes(Tier held, Tier required) {
        return held != Tier.FREE && held.ordinal() <= required.ordinal();
    }
}
