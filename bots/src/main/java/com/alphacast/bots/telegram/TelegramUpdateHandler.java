package com.alphacast.bots.telegram;

import com.alphacast.bots.command.Caller;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.CommandReply;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.ParsedText;
import com.alphacast.bots.command.Routing;
import com.alphacast.core.distribution.Channel;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns a Telegram update into a routing decision and the Bot API calls that answer it. Commands come from
 * new messages (a {@code bot_command} entity at offset 0) and from inline buttons (callback data holding
 * a command). Edited messages, channel posts, membership changes and service messages are ignored with a
 * reason, so an edit can never re-run a command.
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
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TelegramUpdateHandler(CommandParser parser, CommandRouter router) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.router = Objects.requireNonNull(router, "router");
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
            throw new IllegalArgumentException("not a Telegram update: " + e.getMessage(), e);
        }
    }

    public Handling handle(Update update) {
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
        if (message.getText() == null) {
            String kind = message.getSuccessfulPayment() != null ? "successful_payment"
                    : message.getNewChatMembers() != null && !message.getNewChatMembers().isEmpty() ? "new_chat_members"
                    : "non-text message";
            return new Handling(Routing.ignored(Routing.Verdict.NOT_A_COMMAND, "not a command: " + kind), List.of());
        }
        if (message.getFrom() == null) {
            return ignored("ignored: message without a sender");
        }
        List<CommandParser.Entity> entities = new ArrayList<>();
        if (message.getEntities() != null) {
            for (MessageEntity entity : message.getEntities()) {
                entities.add(new CommandParser.Entity(entity.getType(), entity.getOffset(), entity.getLength()));
            }
        }
        ParsedText parsed = parser.parse(message.getText(), entities);
        Caller caller = new Caller(Channel.TELEGRAM, Long.toString(message.getFrom().getId()), Long.toString(message.getChatId()));
        Routing routing = router.route(caller, parsed);
        List<BotApiMethod<?>> replies = new ArrayList<>();
        routing.reply().ifPresent(reply -> replies.add(send(caller.chatId(), reply)));
        return new Handling(routing, replies);
    }

    private Handling callback(CallbackQuery query) {
        String data = query.getData() == null ? "" : query.getData();
        AnswerCallbackQuery acknowledge = AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build();
        if (!data.startsWith("/") || query.getMessage() == null) {
            return new Handling(Routing.ignored(Routing.Verdict.NOT_A_COMMAND,
                    "not a command: callback data '" + data + "' is not a command"), List.of(acknowledge));
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
