package com.alphacast.functions.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>The delay grows fourfold with each receive of the record (5 s, 20 s, 80 s, ...), up to a ceiling: a record that
 * keeps failing goes to the dead-letter queue after MaxReceiveCount receives, so a flat short delay would dead-letter
 * every signal of a half-minute outage of a table or queue; growing delays ride out several minutes.
 */
public final class FailedRecordRetry {

    /** Long enough for a throttled or briefly unreachable table or queue to recover, short enough to keep a group moving. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private static final int GROWTH = 4;

    private final Duration retryAfter;
    private final Duration ceiling;

    /**
     * @param retryAfter when a failed record is visible again, every time; at most SQS's 12 hours
     */
    public FailedRecordRetry(SqsClient sqs, String queueUrl, Duration retryAfter) {
        this(sqs, queueUrl, retryAfter, retryAfter);
    }

    /**
     * @param retryAfter when a record that failed on its first receive is visible again
     * @param ceiling    the longest delay, however often it was received (the queue's visibility timeout: never later
     *                   than the queue would bring it back); at most SQS's 12 hours
     */
    public FailedRecordRetry(SqsClient sqs, String queueUrl, Duration retryAfter, Duration ceiling) {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("queue URL must be set");
        }
        if (retryAfter.isNegative() || retryAfter.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("a retry delay must be within 0 s..12 h, was " + retryAfter);
        }
        if (ceiling.compareTo(retryAfter) < 0 || ceiling.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("a retry ceiling must be within " + retryAfter + "..12 h, was " + ceiling);
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.retryAfter = retryAfter;
        this.ceiling = ceiling;
    }

    /** The delay before the next receive of a record received {@code receiveCount} times (1 on its first receive). */
    public Duration delayAfter(int receiveCount) {
        Duration delay = retryAfter;
        for (int receive = 1; receive < receiveCount && delay.compareTo(ceiling) < 0; receive++) {
            delay = delay.multipliedBy(GROWTH);
        }
        return delay.compareTo(ceiling) > 0 ? ceiling : delay;
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        String count = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * {@link #RETRY_AFTER}, or the queue's visibility timeout when that is shorter (tests run with a few seconds): a
     * retry is never made later than the queue would make it.
     *
     * @param visibilityTimeoutSeconds the queue's VisibilityTimeout, as the template passes it to the function
     */
    public static Duration retryWithin(String visibilityTimeoutSeconds) {
        Duration timeout = ceilingOf(visibilityTimeoutSeconds);
        return timeout.compareTo(RETRY_AFTER) < 0 ? timeout : RETRY_AFTER;
    }

    /**
     * The queue's visibility timeout as the longest delay (within SQS's 0 s..12 h).
     *
     * @param visibilityTimeoutSeconds the queue's VisibilityTimeout, as the template passes it to the function
     */
    public static Duration ceilingOf(String visibilityTimeoutSeconds) {
        long seconds;
        try {
            seconds = Long.parseLong(visibilityTimeoutSeconds.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a visibility timeout must be a whole number of seconds, was '"
                    + visibilityTimeoutSeconds + "'");
        }
        return Duration.ofSeconds(Math.min(Math.max(0, seconds), Duration.ofHours(12).toSeconds()));
    }

    /** Shortens the visibility of every record {@code response} reports failed; returns {@code response} unchanged. */
    public SQSBatchResponse retrySoon(SQSEvent event, SQSBatchResponse response, Context context) {
        return retrySoon(event, new PartialBatch.Outcome(response, Set.of()), context);
    }

    /**
     * Like {@link #retrySoon(SQSEvent, SQSBatchResponse, Context)}; the records the batch did not start (they did not
     * fail) are visible again at once. Returns the outcome's response unchanged.
     */
    public SQSBatchResponse retrySoon(SQSEvent event, PartialBatch.Outcome outcome, Context context) {
        SQSBatchResponse response = outcome.response();
        Map<String, SQSEvent.SQSMessage> records = new HashMap<>();
        if (event.getRecords() != null) {
            event.getRecords().forEach(record -> records.put(record.getMessageId(), record));
        }
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            SQSEvent.SQSMessage record = records.get(failure.getItemIdentifier());
            if (record != null && record.getReceiptHandle() != null && !record.getReceiptHandle().isBlank()) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(record.getReceiptHandle())
                        .visibilityTimeout(outcome.notStarted().contains(record.getMessageId()) ? 0
                                : (int) delayAfter(receiveCount(record)).toSeconds())
                        .build());
            }
        }
        for (int from = 0; from < entries.size(); from += MAX_BATCH) {
            List<ChangeMessageVisibilityBatchRequestEntry> chunk =
                    entries.subList(from, Math.min(entries.size(), from + MAX_BATCH));
            try {
                ChangeMessageVisibilityBatchResponse changed = sqs.changeMessageVisibilityBatch(
                        b -> b.queueUrl(queueUrl).entries(chunk));
                changed.failed().forEach(f -> context.getLogger().log("could not bring a failed record back"
                        + " sooner (" + f.code() + ": " + f.message()
                        + "); it returns after the queue's visibility timeout\n"));
            } catch (SdkException e) {
                context.getLogger().log("could not bring " + chunk.size() + " failed records back sooner ("
                        + e.getMessage()
                        + "); they return after the queue's visibility timeout\n");
            }
        }
        return response;
    }
}
