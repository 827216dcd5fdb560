package com.alphacast.bots.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code getUpdates} whose answer is kept as one JSON object per update. TelegramBots' own {@code GetUpdates}
 * reads the whole batch into {@code Update}s at once, so one update it cannot read would fail every poll and
 * never be acknowledged; read one by one, that update alone is skipped.
 */
final class GetUpdatesAsJson extends BotApiMethod<ArrayList<ObjectNode>> {

    @JsonProperty("offset")
    private final long offset;
    @JsonProperty("timeout")
    private final int timeout;
    @JsonProperty("allowed_updates")
    private final List<String> allowedUpdates;

    GetUpdatesAsJson(long offset, int timeout, List<String> allowedUpdates) {
        this.offset = offset;
        this.timeout = timeout;
        this.allowedUpdates = List.copyOf(allowedUpdates);
    }

    @Override
    public String getMethod() {
        return "getUpdates";
    }

    @Override
    public ArrayList<ObjectNode> deserializeResponse(String answer) throws TelegramApiRequestException {
        return deserializeResponseArray(answer, ObjectNode.class);
    }
}
