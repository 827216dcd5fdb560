package com.alphacast.bots.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * A self-hosted bot without a public URL: long-polls {@code getUpdates}, routes each update and sends the
 * answers. Polling and a webhook cannot both consume one token, so the webhook is removed first. An update
 * is acknowledged (offset advanced) only after it was handled, so a crash re-reads rather than drops it; an
 * update that cannot be read or whose handling fails is logged and acknowledged all the same, so it cannot
 * stop the bot for good (updates are read one by one for this: {@link GetUpdatesAsJson}).
 * Log lines name exceptions by type, not message: a client's message may carry the request URL, and with it
 * the bot token.
 */
public final class TelegramPollingBot {

    private final TelegramClient client;
    private final TelegramUpdateHandler handler;
    private final int pollTimeoutSeconds;
    private final Consumer<String> log;
    private long offset;

    /** @param pollTimeoutSeconds long-poll timeout; the client's call timeout must be longer */
    public TelegramPollingBot(TelegramClient client, TelegramUpdateHandler handler, int pollTimeoutSeconds, Consumer<String> log) {
        this.client = Objects.requireNonNull(client, "client");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.log = Objects.requireNonNull(log, "log");
        if (pollTimeoutSeconds < 0 || pollTimeoutSeconds > 50) {
            throw new IllegalArgumentException("poll timeout must be 0-50 s, was " + pollTimeoutSeconds);
        }
        this.pollTimeoutSeconds = pollTimeoutSeconds;
    }

    public void start() throws TelegramApiException {
        client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
    }

    /** One getUpdates round; returns how many updates were handled. */
    public int pollOnce() throws TelegramApiException {
        List<ObjectNode> updates = client.execute(new GetUpdatesAsJson(offset, pollTimeoutSeconds,
                List.of("message", "callback_query", "pre_checkout_query")));
        for (ObjectNode raw : updates) {
            JsonNode id = raw.path("update_id");
            Update update;
            try {
                update = handler.parse(raw.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                log.accept("update " + (id.canConvertToLong() ? id.asLong() : "?") + ": skipped, " + e.getMessage());
                if (id.canConvertToLong()) {
                    offset = Math.max(offset, id.asLong() + 1L);
                }
                continue;
            }
            try {
                answer(update);
            } catch (RuntimeException e) {
                // One bad update must not stop the bot: without this, it would be re-read and fail on every restart.
                log.accept("update " + update.getUpdateId() + ": skipped, handling failed (" + e.getClass().getSimpleName() + ")");
            }
            offset = Math.max(offset, update.getUpdateId() + 1L);
        }
        return updates.size();
    }

    private void answer(Update update) {
        TelegramUpdateHandler.Handling handling = handler.handle(update);
        log.accept("update " + update.getUpdateId() + ": " + handling.routing().explanation());
        for (BotApiMethod<?> reply : handling.replies()) {
            try {
                client.execute(reply);
            } catch (TelegramApiException | RuntimeException e) {
                log.accept("update " + update.getUpdateId() + ": answer failed: " + e.getClass().getSimpleName()
                        + (e instanceof TelegramApiRequestException request ? " " + request.getErrorCode() : ""));
            }
        }
    }

    /** The offset of the next getUpdates: one past the last update handled or skipped. */
    public long offset() {
        return offset;
    }

    /** Polls until {@code keepRunning} turns false, backing off after failures. */
    public void run(BooleanSupplier keepRunning) throws InterruptedException {
        long failureDelayMillis = 1000;
        while (keepRunning.getAsBoolean()) {
            try {
                pollOnce();
                failureDelayMillis = 1000;
            } catch (TelegramApiException | RuntimeException e) {
                log.accept("getUpdates failed (" + e.getClass().getSimpleName()
                        + (e instanceof TelegramApiRequestException request ? " " + request.getErrorCode() + " "
                        + request.getApiResponse() : "") + "); retrying in " + failureDelayMillis + " ms");
                Thread.sleep(failureDelayMillis);
                failureDelayMillis = Math.min(failureDelayMillis * 2, 60_000);
            }
        }
    }
}
