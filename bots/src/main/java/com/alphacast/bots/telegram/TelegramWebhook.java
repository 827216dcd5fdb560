package com.alphacast.bots.telegram;

import com.alphacast.bots.inbound.SecretToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The HTTP side of a Telegram webhook: checks {@code X-Telegram-Bot-Api-Secret-Token} in constant time
 * (401 when it is missing or wrong), parses the update (400 naming the problem), and answers 200 with the
 * first reply as a Bot API method in the response body (Telegram executes it); further replies are
 * returned for the caller to send through the client. A readable update is always answered 200, even when it
 * cannot be handled or was handled before: Telegram redelivers anything else.
 */
public final class TelegramWebhook {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /** What to answer Telegram, plus calls still to execute. */
    public record Response(int status, String body, TelegramUpdateHandler.Handling handling, List<BotApiMethod<?>> toExecute) {}

    private final Optional<SecretToken> secret;
    private final TelegramUpdateHandler handler;
    private final ObjectMapper json = new ObjectMapper();

    /** @param secret the {@code secret_token} passed to setWebhook; empty accepts any request (not recommended) */
    public TelegramWebhook(Optional<SecretToken> secret, TelegramUpdateHandler handler) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    public Response handle(String secretHeader, byte[] body) {
        if (secret.isPresent() && !secret.get().matches(secretHeader)) {
            return new Response(401, "{\"error\":\"missing or wrong " + SECRET_HEADER + "\"}", null, List.of());
        }
        Update update;
        try {
            update = handler.parse(body);
        } catch (IllegalArgumentException e) {
            ObjectNode error = json.createObjectNode().put("error", e.getMessage());
            return new Response(400, error.toString(), null, List.of());
        }
        TelegramUpdateHandler.Handling handling = handler.handle(update);
        if (handling.replies().isEmpty()) {
            return new Response(200, "", handling, List.of());
        }
        BotApiMethod<?> first = handling.replies().get(0);
        ObjectNode method;
        try {
            method = json.valueToTree(first);
        } catch (IllegalArgumentException e) {
            // Answer 200 all the same: anything else makes Telegram redeliver the update, and fail again, forever.
            return new Response(200, "", handling, handling.replies());
        }
        method.put("method", first.getMethod());
        return new Response(200, method.toString(), handling, handling.replies().subList(1, handling.replies().size()));
    }
}
