package com.alphacast.bots.telegram;

import com.alphacast.bots.delivery.PlatformTransport;
import com.alphacast.bots.delivery.SendOutcome;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.settings.Redaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Executes rendered {@code sendMessage} calls through TelegramBots' {@link OkHttpTelegramClient} and
 * classifies Telegram's answers: 429 → wait {@code retry_after} for the whole bot; 403 (blocked, kicked),
 * 400 (chat not found, bad request), 401/404 (bad token) → permanent; 5xx and I/O failures → transient.
 */
public final class TelegramTransport implements PlatformTransport {

    private final TelegramClient client;
    private final List<String> secrets;
    private final ObjectMapper json = new ObjectMapper();

    /** @param botToken the token {@code client} sends with; scrubbed from every reason this transport reports */
    public TelegramTransport(TelegramClient client, String botToken) {
        this.client = Objects.requireNonNull(client, "client");
        this.secrets = List.of(Objects.requireNonNull(botToken, "botToken"));
    }

    /**
     * @param baseUrl Bot API server, {@code https://api.telegram.org} in production
     * @param timeout whole-call timeout; a call that takes longer counts as a transient failure
     */
    public static TelegramTransport create(String token, java.net.URI baseUrl, Duration timeout) {
        return new TelegramTransport(client(token, baseUrl, timeout), token);
    }

    /** A TelegramBots client for {@code baseUrl} whose calls time out after {@code callTimeout}. */
    public static OkHttpTelegramClient client(String token, java.net.URI baseUrl, Duration callTimeout) {
        // Keep enough idle connections for a busy fan-out: reconnecting per message adds latency jitter,
        // and jitter is what makes carefully paced sends bunch up into a 429.
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(callTimeout).readTimeout(callTimeout)
                .connectionPool(new okhttp3.ConnectionPool(64, 5, java.util.concurrent.TimeUnit.MINUTES)).build();
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : ("https".equals(baseUrl.getScheme()) ? 443 : 80);
        TelegramUrl url = new TelegramUrl(baseUrl.getScheme(), baseUrl.getHost(), port, false);
        return new OkHttpTelegramClient(http, token, url);
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public SendOutcome send(PlatformRequest request) {
        String method = request.path().substring(request.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (method.equals("sendphoto")) {
            return sendPhoto(request);
        }
        if (!method.equals(SendMessage.PATH.toLowerCase(Locale.ROOT))) {
            return new SendOutcome.Permanent("this transport sends sendMessage and sendPhoto calls, not " + method);
        }
        SendMessage sendMessage;
        try {
            sendMessage = json.treeToValue(request.body(), SendMessage.class);
        } catch (Exception e) {
            return new SendOutcome.Permanent("rendered sendMessage is unreadable: " + e.getMessage());
        }
        try {
            return accepted(client.execute(sendMessage));
        } catch (TelegramApiRequestException e) {
            return scrubbed(classify(e));
        } catch (TelegramApiException e) {
            // The client's message may carry the request URL, and the URL carries the token.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new SendOutcome.Transient("Telegram call failed: " + Redaction.scrub(cause.toString(), secrets));
        }
    }

    /** The client sends a {@link SendPhoto} with a new file as multipart/form-data, the file as its {@code photo} part. */
    private SendOutcome sendPhoto(PlatformRequest request) {
        if (request.attachment().isEmpty()) {
            return new SendOutcome.Permanent("rendered sendPhoto has no photo attached");
        }
        var file = request.attachment().get();
        var body = request.body();
        if (!body.path("chat_id").isTextual()) {
            return new SendOutcome.Permanent("rendered sendPhoto has no chat_id");
        }
        SendPhoto.SendPhotoBuilder<?, ?> photo = SendPhoto.builder()
                .chatId(body.get("chat_id").asText())
                .photo(new InputFile(new java.io.ByteArrayInputStream(file.bytes()), file.filename()));
        if (body.hasNonNull("caption")) {
            photo.caption(body.get("caption").asText());
        }
        if (body.hasNonNull("parse_mode")) {
            photo.parseMode(body.get("parse_mode").asText());
        }
        try {
            return accepted(client.execute(photo.build()));
        } catch (TelegramApiRequestException e) {
            return scrubbed(classify(e));
        } catch (TelegramApiException e) {
            // The client's message may carry the request URL, and the URL carries the token.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new SendOutcome.Transient("Telegram call failed: " + Redaction.scrub(cause.toString(), secrets));
        }
    }

    private static SendOutcome accepted(Message message) {
        return new SendOutcome.Accepted(message.getChatId() + ":" + message.getMessageId());
    }

    private SendOutcome scrubbed(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Throttled t) {
            return new SendOutcome.Throttled(t.retryAfter(), t.wholeAccount(), Redaction.scrub(t.detail(), secrets));
        }
        if (outcome instanceof SendOutcome.Transient t) {
            return new SendOutcome.Transient(Redaction.scrub(t.detail(), secrets));
        }
        if (outcome instanceof SendOutcome.Permanent p) {
            return new SendOutcome.Permanent(Redaction.scrub(p.detail(), secrets));
        }
        return outcome;
    }

    static SendOutcome classify(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String description = e.getApiResponse() != null ? e.getApiResponse() : e.getMessage();
        if (code == null) {
            return new SendOutcome.Transient("Telegram call failed: " + e.getMessage());
        }
        if (code == 429) {
            Integer retryAfter = e.getParameters() != null ? e.getParameters().getRetryAfter() : null;
            return new SendOutcome.Throttled(Duration.ofSeconds(retryAfter == null ? 1 : Math.max(1, retryAfter)), true,
                    "Telegram flood control: " + description);
        }
        if (code >= 500) {
            return new SendOutcome.Transient("Telegram " + code + ": " + description);
        }
        if (code == 400 && description != null && description.contains("message is not modified")) {
            return new SendOutcome.Accepted("not-modified");
        }
        return new SendOutcome.Permanent("Telegram " + code + ": " + description);
    }
}
