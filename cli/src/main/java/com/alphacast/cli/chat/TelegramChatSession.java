package com.alphacast.cli.chat;

import com.alphacast.fakes.telegram.FakeTelegram;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One person talking to the local stack's Telegram webhook: each line becomes a Telegram update (a private-chat
 * message from the user, a {@code bot_command} entity when it starts with {@code /}) posted to the webhook route
 * with the secret header, and the answer is what the loopback Bot API received for that chat meanwhile.
 */
public final class TelegramChatSession {

    /** One exchange: what was said, the webhook's HTTP status, and the bot's answers in the user's chat. */
    public record Exchange(String said, int status, List<String> answers) {}

    private final HttpClient http;
    private final URI webhook;
    private final String secret;
    private final FakeTelegram telegram;
    private final long userId;
    private final Clock clock;
    private final AtomicLong updateIds;
    private final AtomicLong messageIds = new AtomicLong(1);
    private final ObjectMapper json = new ObjectMapper();

    /** @param firstUpdateId distinct per session on one stack: the webhook handles each update id once */
    public TelegramChatSession(HttpClient http, URI webhook, String secret, FakeTelegram telegram, long userId, Clock clock,
                               long firstUpdateId) {
        this.http = Objects.requireNonNull(http, "http");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.telegram = Objects.requireNonNull(telegram, "telegram");
        this.userId = userId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.updateIds = new AtomicLong(firstUpdateId);
    }

    public Exchange say(String text) throws IOException, InterruptedException {
        int before = telegram.sentMessages().size();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(update(text).toString())).build(), HttpResponse.BodyHandlers.ofString());
        List<FakeTelegram.SentMessage> sent = telegram.sentMessages();
        List<String> answers = sent.subList(before, sent.size()).stream()
                .filter(message -> message.chatId().equals(Long.toString(userId)))
                .map(FakeTelegram.SentMessage::text).toList();
        return new Exchange(text, response.statusCode(), answers);
    }

    private ObjectNode update(String text) {
        ObjectNode update = json.createObjectNode();
        update.put("update_id", updateIds.getAndIncrement());
        ObjectNode message = update.putObject("message");
        message.put("message_id", messageIds.getAndIncrement());
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Local");
        message.putObject("chat").put("id", userId).put("type", "private").put("first_name", "Local");
        message.put("date", clock.instant().getEpochSecond());
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        return update;
    }
}
