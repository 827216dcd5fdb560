package com.alphacast.functions.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;

/**
 * Makes the records a batch reported failed visible again after a short delay instead of the queue's visibility
 * timeout (ChangeMessageVisibility with the records' receipt handles). On a FIFO queue a failed record blocks its
 * message group until it is visible again: with the template's 360 s timeout one transient failure would hold
 * every later signal for six minutes. Best effort: a change SQS refuses (receipt expired, SQS unreachable) is
 * logged, and that record returns after the full timeout as it would have anyway.
 */
public final class FailedRecordRetry {

    /** Long enough for a throttled or briefly unreachable table or queue to recover, short enough to keep a group moving. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Duration retryAfter;

    /**
     * @param retryAfter when a failed record is visible again; at most SQS's 12 hours
     */
    public FailedRecordRetry(SqsClient sqs, String queueUrl, Duration retryAfter) {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("queue URL must be set");
        }
        if (retryAfter.isNegative() || retryAfter.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("a retry delay must be within 0 s..12 h, was " + retryAfter);
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.retryAfter = retryAfter;
    }

    /**
     * {@link #RETRY_AFTER}, or the queue's visibility timeout when that is shorter (tests run with a few seconds): a
     * retry is never made later than the queue would make it.
     *
     * @param visibilityTimeoutSeconds the queue's VisibilityTimeout, as the template passes it to the function
     */
    public static Duration retryWithin(String visibilityTimeoutSeconds) {
        long seconds;
        try {
            seconds = Long.parseLong(visibilityTimeoutSeconds.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a visibility timeout must be a whole number of seconds, was '"
                    + visibilityTimeoutSeconds + "'");
        }
        return seconds < RETRY_AFTER.toSeconds() ? Duration.ofSeconds(Math.max(0, seconds)) : RETRY_AFTER;
    }

    /** Shortens the visibility of every record {@code response} reports failed; returns {@code response} unchanged. */
    public SQSBatchResponse retrySoon(SQSEvent event, SQSBatchResponse response, Context context) {
        Map<String, String> receipts = new HashMap<>();
        if (event.getRecords() != null) {
            event.getRecords().forEach(record -> receipts.put(record.getMessageId(), record.getReceiptHandle()));
        }
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String receipt = receipts.get(failure.getItemIdentifier());
            if (receipt != null && !receipt.isBlank()) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(receipt)
                        .visibilityTimeout((int) retryAfter.toSeconds())
                        .build());
            }
        }
        for (int from = 0; from < entries.size(); from += MAX_BATCH) {
            List<ChangeMessageVisibilityBatchRequestEntry> chunk =
                    entries.subList(from, Math.min(entries.size(), from + MAX_BATCH));
            try {
                ChangeMessageVisibilityBatchResponse changed = sqs.changeMessageVisibilityBatch(
                        b -> b.queueUrl(queueUrl).entries(chunk));
                changed.failed().forEach(f -> context.getLogger().log("could not bring a failed record back in "
                        + retryAfter.toSeconds() + " s (" + f.code() + ": " + f.message()
                        + "); it returns after the queue's visibility timeout\n"));
            } catch (SdkException e) {
                context.getLogger().log("could not bring " + chunk.size() + " failed records back in "
                        + retryAfter.toSeconds() + " s (" + e.getMessage()
                        + "); they return after the queue's visibility timeout\n");
            }
        }
        return response;
    }
}
