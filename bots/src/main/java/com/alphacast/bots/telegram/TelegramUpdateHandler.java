package com.alphacast.bots.telegram;

import com.alphacast.bots.command.Caller;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.CommandReply;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.ParsedText;
import com.alphacast.bots.command.Routing;
import com.alphacast.core.distribution.Channel;
import com.alphacast.bots.inbound.SeenRequests;
import com.alphacast.bots.subscription.SubscriptionUpdates;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns a Telegram update into a routing decision and the Bot API calls that answer it. Commands come from
 * new messages (a {@code bot_command} entity at offset 0) and from inline buttons (callback data holding
 * a command). Edited messages, channel posts, membership changes and service messages are ignored with a
 * reason, so an edit can never re-run a command. With {@link SubscriptionUpdates}, pre-checkout queries, payments,
 * join requests and chat members of the premium chats go there, and {@code /subscribe} also sends Stars invoices.
 *
 * <p>Each update id, and each payment charge id, is handled at most once ({@link SeenRequests}): Telegram
 * redelivers a webhook update whose answer it did not get, and a replayed request must not run a command
 * twice. An update this handler cannot read (a command entity outside the text, a message without a chat)
 * is skipped with the reason in its explanation, never thrown: one bad update must not stop the bot.
 */
public final class TelegramUpdateHandler {

    /** The decision and the calls to make (empty when there is nothing to say). */
    public record Handling(Routing routing, List<BotApiMethod<?>> replies) {
        public Handling {
            replies = List.copyOf(replies);
        }
    }

    private final CommandParser parser;
    private final CommandRouter router;
    private final SeenRequests seen;
    private final Optional<SubscriptionUpdates> subscriptions;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** @param seen update and payment charge ids already handled */
    public TelegramUpdateHandler(CommandParser parser, CommandRouter router, SeenRequests seen) {
        this(parser, router, seen, Optional.empty());
    }

    /** @param subscriptions Stars invoices, payments and the premium chats' joins; empty: payments are declined */
    public TelegramUpdateHandler(CommandParser parser, CommandRouter router, SeenRequests seen,
                                 Optional<SubscriptionUpdates> subscriptions) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.router = Objects.requireNonNull(router, "router");
        this.seen = Objects.requireNonNull(seen, "seen");
    }

    /** Parses a webhook or getUpdates payload; fails naming the problem when it is not an Update. */
    public Update parse(byte[] body) {
        try {
            Update update = json.readValue(body, Update.class);
            if (update == null || update.getUpdateId() == null) {
                throw new IllegalArgumentException("not a Telegram update: update_id is missing");
            }
            return update;
        } catch (IOException e) {
            // Jackson's message quotes the payload; the location says enough.
            throw new IllegalArgumentException("not a Telegram update: " + parseProblem(e));
        }
    }

    private static String parseProblem(IOException e) {
        if (e instanceof JsonProcessingException parse) {
            String what = parse.getOriginalMessage();
            what = what == null ? "unreadable JSON" : what.length() > 80 ? what.substring(0, 80) + "…" : what;
            return parse.getLocation() == null ? what
                    : what + " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
        }
        return e.getClass().getSimpleName();
    }

    /** Handles an update once; a repeat of an update id already handled, or an unreadable update, is skipped. */
    public Handling handle(Update update) {
        if (update == null || update.getUpdateId() == null) {
            return ignored("ignored: update without an update_id");
        }
        if (!seen.firstSighting("telegram:update:" + update.getUpdateId())) {
            return ignored("ignored: update " + update.getUpdateId() + " was already handled");
        }
        try {
            return dispatch(update);
        } catch (RuntimeException e) {
            return new Handling(Routing.ignored(Routing.Verdict.IGNORED, "skipped: update " + update.getUpdateId()
                    + " cannot be handled (" + e.getClass().getSimpleName() + ")"), List.of());
        }
    }

    private Handling dispatch(Update update) {
        if (update.hasMessage()) {
            return message(update.getMessage());
        }
        if (update.hasCallbackQuery()) {
            return callback(update.getCallbackQuery());
        }
        if (update.hasEditedMessage()) {
            return ignored("ignored: edited message (commands run only from new messages)");
        }
        if (update.hasChannelPost() || update.hasEditedChannelPost()) {
            return ignored("ignored: channel post (channels have no sender to authorize)");
        }
        if (update.hasPreCheckoutQuery() && subscriptions.isPresent()) {
            return reacted(subscriptions.get().preCheckout(update.getPreCheckoutQuery()));
        }
        if (update.hasChatJoinRequest() && subscriptions.isPresent()) {
            return reacted(subscriptions.get().joinRequest(update.getChatJoinRequest()));
        }
        if (update.hasChatMember() && subscriptions.isPresent()) {
            return reacted(subscriptions.get().chatMember(update.getChatMember()));
        }
        if (update.hasPreCheckoutQuery()) {
            // Telegram waits at most 10 s for an answer; declining at once beats leaving the payer hanging.
            AnswerPreCheckoutQuery decline = AnswerPreCheckoutQuery.builder().preCheckoutQueryId(update.getPreCheckoutQuery().getId())
                    .ok(false).errorMessage("Payments are not accepted by this bot yet. Please use /subscribe.").build();
            return new Handling(Routing.ignored(Routing.Verdict.IGNORED,
                    "ignored: pre_checkout_query declined (payments are not handled by this bot)"), List.of(decline));
        }
        if (update.hasMyChatMember() || update.hasChatMember()) {
            return ignored("ignored: chat membership change");
        }
        return ignored("ignored: update without a message or callback");
    }

    private Handling message(Message message) {
        if (message.getSuccessfulPayment() != null) {
            return payment(message);
        }
        if (message.getText() == null) {
            String kind = message.getNewChatMembers() != null && !message.getNewChatMembers().isEmpty() ? "new_chat_members"
                    : "non-text message";
            return new Handling(Routing.ignored(Routing.Verdict.NOT_A_COMMAND, "not a command: " + kind), List.of());
        }
        if (message.getFrom() == null || message.getFrom().getId() == null) {
            return ignored("ignored: message without a sender");
        }
        if (message.getChat() == null || message.getChat().getId() == null) {
            return ignored("ignored: message without a chat");
        }
        List<CommandParser.Entity> entities = new ArrayList<>();
        List<MessageEntity> reported;
        try {
            // TelegramBots cuts each entity's text out of the message here, and throws when one does not fit.
            reported = message.getEntities();
        } catch (RuntimeException e) {
            return new Handling(Routing.ignored(Routing.Verdict.NOT_A_COMMAND,
                    "not a command: a message entity does not fit the text"), List.of());
        }
        if (reported != null) {
            for (MessageEntity entity : reported) {
                if (entity == null || entity.getType() == null || entity.getOffset() == null || entity.getLength() == null) {
                    return new Handling(Routing.ignored(Routing.Verdict.NOT_A_COMMAND,
                            "not a command: a message entity lacks its type, offset or length"), List.of());
                }
                entities.add(new CommandParser.Entity(entity.getType(), entity.getOffset(), entity.getLength()));
            }
        }
        ParsedText parsed = parser.parse(message.getText(), entities);
        Caller caller = new Caller(Channel.TELEGRAM, Long.toString(message.getFrom().getId()), Long.toString(message.getChatId()));
        Routing routing = router.route(caller, parsed);
        List<BotApiMethod<?>> replies = new ArrayList<>();
        routing.reply().ifPresent(reply -> replies.add(send(caller.chatId(), reply)));
        if (routing.verdict() == Routing.Verdict.HANDLED && routing.command().equals("subscribe") && subscriptions.isPresent()) {
            replies.addAll(subscriptions.get().invoices(caller.chatId()));
        }
        return new Handling(routing, replies);
    }

    private Handling callback(CallbackQuery query) {
        String data = query.getData() == null ? "" : query.getData();
        AnswerCallbackQuery acknowledge = AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build();
        if (!data.startsWith("/") || query.getMessage() == null || query.getMessage().getChat() == null
                || query.getMessage().getChat().getId() == null) {
            return new Handling(Routing.ignored(Routing.Verdict.NOT_A_COMMAND,
                    "not a command: callback data '" + shortened(data) + "' is not a command"), List.of(acknowledge));
        }
        if (query.getFrom() == null || query.getFrom().getId() == null) {
            return new Handling(Routing.ignored(Routing.Verdict.IGNORED, "ignored: callback without a sender"), List.of(acknowledge));
        }
        Caller caller = new Caller(Channel.TELEGRAM, Long.toString(query.getFrom().getId()),
                Long.toString(query.getMessage().getChatId()));
        // Button data is ours, so it carries no @addressee and no entities.
        Routing routing = router.route(caller, parser.parse(data, null));
        List<BotApiMethod<?>> replies = new ArrayList<>();
        replies.add(acknowledge);
        routing.reply().ifPresent(reply -> replies.add(send(caller.chatId(), reply)));
        return new Handling(routing, replies);
    }

    /**
     * A payment Telegram reports as done: granted through {@link SubscriptionUpdates} (once per charge id, which the
     * ledger enforces too), or only noted when this bot takes no payments.
     */
    private Handling payment(Message message) {
        SuccessfulPayment payment = message.getSuccessfulPayment();
        String charge = payment.getTelegramPaymentChargeId();
        if (charge == null || charge.isBlank()) {
            return new Handling(Routing.ignored(Routing.Verdict.IGNORED, "ignored: successful_payment without a charge id"), List.of());
        }
        if (!seen.firstSighting("telegram:payment:" + charge)) {
            return new Handling(Routing.ignored(Routing.Verdict.IGNORED,
                    "ignored: payment charge " + shortened(charge) + " was already handled"), List.of());
        }
        if (subscriptions.isPresent()) {
            return reacted(subscriptions.get().payment(message));
        }
        return new Handling(Routing.ignored(Routing.Verdict.NOT_A_COMMAND, "not a command: successful_payment"), List.of());
    }

    private static Handling reacted(SubscriptionUpdates.Reaction reaction) {
        return new Handling(new Routing(Routing.Verdict.HANDLED, "", List.of(), com.alphacast.bots.command.Role.UNKNOWN,
                reaction.explanation(), Optional.empty()), reaction.replies());
    }

    private static String shortened(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }

    /** Plain text, no parse mode: nothing in a reply can be mistaken for markup. */
    static SendMessage send(String chatId, CommandReply reply) {
        String text = reply.text().length() > TelegramMessageSplitter.TEXT_LIMIT
                ? reply.text().substring(0, TelegramMessageSplitter.TEXT_LIMIT - 1) + "…" : reply.text();
        SendMessage message = SendMessage.builder().chatId(chatId).text(text).build();
        if (!reply.buttons().isEmpty()) {
            InlineKeyboardRow row = new InlineKeyboardRow();
            for (CommandReply.Button button : reply.buttons()) {
                row.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.command()).build());
            }
            message.setReplyMarkup(InlineKeyboardMarkup.builder().keyboardRow(row).build());
        }
        return message;
    }

    private static Handling ignored(String explanation) {
        return new Handling(Routing.ignored(Routing.Verdict.IGNORED, explanation), List.of());
    }
}
