package com.alphacast.worker.live;

import com.alphacast.bots.delivery.PlatformTransport;
import com.alphacast.bots.delivery.SendOutcome;
import com.alphacast.bots.render.PlatformRequest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Feed alerts as Telegram {@code sendMessage} calls to the operator chat, through the bots module's Telegram transport
 * (the one the distribution function sends with: its classification of Telegram's answers, token scrubbed from every
 * reason). Plain text, no parse mode, so a reason with {@code <} or {@code _} arrives as written.
 */
public final class TelegramOperatorChat implements OperatorChat {

    private final PlatformTransport telegram;
    private final String chatId;

    public TelegramOperatorChat(PlatformTransport telegram, String chatId) {
        this.telegram = Objects.requireNonNull(telegram, "telegram");
        if (chatId == null || chatId.isBlank()) {
            throw new IllegalArgumentException("the operator chat id is empty (subscriptions.operatorChat)");
        }
        this.chatId = chatId;
    }

    @Override
    public void post(String text) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("chat_id", chatId).put("text", text);
        SendOutcome outcome = telegram.send(new PlatformRequest("POST", "/bot{token}/sendMessage", body));
        if (!(outcome instanceof SendOutcome.Accepted)) {
            throw new IllegalStateException("operator chat " + chatId + " refused the alert: " + outcome);
        }
    }
}
