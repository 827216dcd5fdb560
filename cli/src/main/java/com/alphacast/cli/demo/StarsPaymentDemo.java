package com.alphacast.cli.demo;

import com.alphacast.aws.subscription.DynamoSubscriptionLedger;
import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.InMemoryPendingConfirmations;
import com.alphacast.bots.command.SubscriberRegistry;
import com.alphacast.bots.command.data.InMemoryTradingDesk;
import com.alphacast.bots.inbound.InMemorySeenRequests;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.telegram.TelegramUpdateHandler;
import com.alphacast.bots.wiring.SubscriptionServices;
import com.alphacast.core.settings.SubscriptionSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The demo's "a Stars payment that upgrades a user": a Telegram user sends {@code /tier} (free), {@code /subscribe}
 * (Stars invoices), pays the premium invoice (pre-checkout answered ok after the price check, then the successful
 * payment grants premium in the stack's SubscribersTable and sends a single-use invite link), and {@code /tier} again
 * (premium). Each step is a real Telegram update through {@link TelegramUpdateHandler}, and every answer is executed
 * against the Telegram API the client points at (the demo's fake Telegram, which checks each call against the Bot
 * API spec). Returns one transcript line per step.
 */
public final class StarsPaymentDemo {

    private final SubscriptionSettings settings;
    private final DynamoSubscriptionLedger ledger;
    private final TelegramClient telegram;
    private final SubscriberRegistry operators;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong updateIds = new AtomicLong(900_000);

    /**
     * @param ledger    the stack's SubscribersTable
     * @param telegram  a client of the (fake) Telegram API
     * @param operators who may /grant, /revoke and /refund
     */
    public StarsPaymentDemo(SubscriptionSettings settings, DynamoSubscriptionLedger ledger, TelegramClient telegram,
                            SubscriberRegistry operators, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.telegram = Objects.requireNonNull(telegram, "telegram");
        this.operators = Objects.requireNonNull(operators, "operators");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the upgrade of Telegram user {@code userId}; fails naming the step when the stack or the API refused one. */
    public List<String> upgrade(long userId) {
        if (settings.prices().plans().isEmpty()) {
            throw new IllegalStateException("the profile sells nothing (subscriptions.plans is empty): no payment to show");
        }
        SubscriptionServices services = SubscriptionServices.wire(settings, ledger, operators, telegram, Optional.empty(), clock);
        InMemoryTradingDesk desk = new InMemoryTradingDesk(clock);
        CommandRouter router = new CommandRouter(new CommandCatalog(), services.roles(), desk, desk, desk, desk,
                BriefingComposer.standard(), clock, new SplittableRandom(), "/subscribe", ZoneId.of("America/New_York"),
                new InMemoryPendingConfirmations(), services.administration());
        TelegramUpdateHandler handler = new TelegramUpdateHandler(new CommandParser(""), router,
                new InMemorySeenRequests(Duration.ofHours(1), 1_000, clock), Optional.of(services.updates()));

        List<String> transcript = new ArrayList<>();
        transcript.add(step(handler, command(userId, "/tier"), "/tier"));
        TelegramUpdateHandler.Handling subscribe = handler.handle(handler.parse(bytes(command(userId, "/subscribe"))));
        execute(subscribe, "/subscribe");
        SendInvoice premium = subscribe.replies().stream().filter(SendInvoice.class::isInstance).map(SendInvoice.class::cast)
                .filter(invoice -> invoice.getPayload().startsWith("sub:v1:premium:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("/subscribe sent no premium invoice"));
        transcript.add("/subscribe → " + subscribe.replies().stream().filter(SendInvoice.class::isInstance).count()
                + " Stars invoices; paying '" + premium.getTitle() + "' (" + premium.getPrices().get(0).getAmount() + " XTR)");
        int amount = premium.getPrices().get(0).getAmount();
        transcript.add(step(handler, preCheckout(userId, premium.getPayload(), amount), "pre_checkout_query"));
        transcript.add(step(handler, payment(userId, premium.getPayload(), amount), "successful_payment"));
        transcript.add(step(handler, command(userId, "/tier"), "/tier"));
        return transcript;
    }

    private String step(TelegramUpdateHandler handler, ObjectNode update, String label) {
        TelegramUpdateHandler.Handling handling = handler.handle(handler.parse(bytes(update)));
        execute(handling, label);
        return label + " → " + handling.routing().explanation();
    }

    private void execute(TelegramUpdateHandler.Handling handling, String label) {
        for (BotApiMethod<?> method : handling.replies()) {
            try {
                telegram.execute(method);
            } catch (TelegramApiException e) {
                throw new IllegalStateException(label + ": Telegram refused " + method.getMethod() + " (" + e.getMessage() + ")", e);
            }
        }
    }

    private ObjectNode update() {
        ObjectNode update = json.createObjectNode();
        update.put("update_id", updateIds.incrementAndGet());
        return update;
    }

    private ObjectNode user(ObjectNode parent, String field, long userId) {
        return parent.putObject(field).put("id", userId).put("is_bot", false).put("first_name", "Demo").put("language_code", "en");
    }

    private ObjectNode message(ObjectNode update, long userId) {
        ObjectNode message = update.putObject("message");
        message.put("message_id", updateIds.get());
        user(message, "from", userId);
        message.putObject("chat").put("id", userId).put("type", "private").put("first_name", "Demo");
        message.put("date", clock.instant().getEpochSecond());
        return message;
    }

    private ObjectNode command(long userId, String text) {
        ObjectNode update = update();
        ObjectNode message = message(update, userId);
        message.put("text", text);
        message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", text.length());
        return update;
    }

    private ObjectNode preCheckout(long userId, String payload, int amount) {
        ObjectNode update = update();
        ObjectNode query = update.putObject("pre_checkout_query");
        query.put("id", "demo-" + updateIds.get());
        user(query, "from", userId);
        query.put("currency", "XTR").put("total_amount", amount).put("invoice_payload", payload);
        return update;
    }

    private ObjectNode payment(long userId, String payload, int amount) {
        ObjectNode update = update();
        ObjectNode paid = message(update, userId).putObject("successful_payment");
        paid.put("currency", "XTR").put("total_amount", amount).put("invoice_payload", payload)
                .put("telegram_payment_charge_id", "demo-charge-" + userId + "-" + clock.millis());
        return update;
    }

    private byte[] bytes(ObjectNode update) {
        return update.toString().getBytes(StandardCharsets.UTF_8);
    }
}
