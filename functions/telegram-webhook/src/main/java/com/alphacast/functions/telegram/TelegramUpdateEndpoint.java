package com.alphacast.functions.telegram;

import com.alphacast.bots.inbound.SecretToken;
import com.alphacast.bots.telegram.TelegramUpdateHandler;
import com.alphacast.bots.telegram.TelegramWebhook;
import com.alphacast.functions.chat.InboundHttp;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Objects;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The HTTP rules of the Telegram webhook route: a missing or wrong {@code X-Telegram-Bot-Api-Secret-Token}
 * (compared in constant time) is 401 and nothing is recorded; anything else is answered 200, because Telegram
 * redelivers every non-2xx answer: a body over 64 KiB, unreadable JSON or an update the bot does not handle is
 * logged and acknowledged. Each update id is handled once ({@link TelegramUpdateHandler}); its answers are sent
 * through the Bot API, so a failed send is logged rather than lost in a response body nobody checks.
 */
final class TelegramUpdateEndpoint {

    /** Telegram's updates are far smaller; a larger body is not an update worth reading. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final SecretToken secret;
    private final TelegramUpdateHandler updates;
    private final TelegramClient client;
    private final String token;

    TelegramUpdateEndpoint(SecretToken secret, TelegramUpdateHandler updates, TelegramClient client, String token) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.updates = Objects.requireNonNull(updates, "updates");
        this.client = Objects.requireNonNull(client, "client");
        this.token = Objects.requireNonNull(token, "token");
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Consumer<String> log) {
        if (!secret.matches(InboundHttp.header(event, TelegramWebhook.SECRET_HEADER))) {
            log.accept("refused: missing or wrong " + TelegramWebhook.SECRET_HEADER);
            return answer(401, "{\"error\":\"missing or wrong " + TelegramWebhook.SECRET_HEADER + "\"}");
        }
        byte[] body;
        try {
            body = InboundHttp.body(event);
        } catch (IllegalArgumentException e) {
            log.accept("acknowledged without handling: body is marked base64 but is not");
            return answer(200, "");
        }
        if (body.length > MAX_BODY_BYTES) {
            log.accept("acknowledged without handling: body of " + body.length + " bytes is over " + MAX_BODY_BYTES);
            return answer(200, "");
        }
        Update update;
        try {
            update = updates.parse(body);
        } catch (IllegalArgumentException e) {
            log.accept("acknowledged without handling: " + e.getMessage());
            return answer(200, "");
        }
        TelegramUpdateHandler.Handling handling = updates.handle(update);
        log.accept("update " + update.getUpdateId() + ": " + handling.routing().explanation());
        for (BotApiMethod<?> reply : handling.replies()) {
            try {
                client.execute(reply);
            } catch (TelegramApiException | RuntimeException e) {
                // The client's message may carry the request URL, and with it the token.
                log.accept("answer " + reply.getMethod() + " to update " + update.getUpdateId() + " failed: "
                        + String.valueOf(e.getMessage()).replace(token, "<token>"));
            }
        }
        return answer(200, "");
    }

    private static APIGatewayV2HTTPResponse answer(int status, String body) {
        return InboundHttp.json(status, body);
    }
}
