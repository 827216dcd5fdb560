package com.alphacast.localcloud.function.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a function's response to an SQS batch as Lambda's event source mapping does when ReportBatchItemFailures is
 * on ({@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}}). No response, {@code null}, an object without
 * the list, or an empty list mean the whole batch succeeded; a response that is not a JSON object, or an item whose
 * {@code itemIdentifier} is missing, empty or not a message of the batch, fail the whole batch.
 */
final class BatchItemFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchItemFailures() {
    }

    /** The ids of the records that failed; {@code problems} hears why a whole batch counts as failed. */
    static Set<String> failedIds(byte[] response, Set<String> batch, Consumer<String> problems) {
        if (response == null || response.length == 0) {
            return Set.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(response);
        } catch (IOException e) {
            problems.accept("the response is not JSON (" + preview(response) + "); the whole batch counts as failed");
            return batch;
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return Set.of();
        }
        if (!root.isObject()) {
            problems.accept("the response " + preview(response) + " is not a batch response object; the whole batch"
                    + " counts as failed");
            return batch;
        }
        JsonNode items = root.get("batchItemFailures");
        if (items == null || items.isNull()) {
            return Set.of();
        }
        if (!items.isArray()) {
            problems.accept("batchItemFailures is not a list (" + preview(response) + "); the whole batch counts as failed");
            return batch;
        }
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode item : items) {
            JsonNode id = item == null ? null : item.get("itemIdentifier");
            String text = id == null || !id.isTextual() ? null : id.asText();
            if (text == null || text.isBlank() || !batch.contains(text)) {
                problems.accept("batchItemFailures names " + (text == null ? item : "'" + text + "'")
                        + ", which is not a record of this batch; the whole batch counts as failed");
                return batch;
            }
            failed.add(text);
        }
        return failed;
    }

    private static String preview(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
