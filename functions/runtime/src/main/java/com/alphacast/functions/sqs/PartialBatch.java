package com.alphacast.functions.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Processes an SQS batch record by record and reports the failures ({@code ReportBatchItemFailures}),
 * so one bad record is retried (and eventually dead-lettered) alone while the rest of the batch is done.
 *
 * <p>From a FIFO queue (its ARN ends in {@code .fifo}) a record that fails blocks its message group: every later
 * record of the same group in the batch is reported failed without being processed, as Lambda requires, since
 * processing it would put it ahead of the failed one. Records of other groups go on.
 *
 * <p>{@link #processWhileTimeLeft} also stops starting records when the batch's time is nearly out: a timeout would
 * leave the whole batch hidden until the queue's visibility timeout, the records already done included.
 */
public final class PartialBatch {

    private static final String FIFO_SUFFIX = ".fifo";
    private static final String MESSAGE_GROUP = "MessageGroupId";

    private PartialBatch() {
    }

    /**
     * What became of a batch: the failures to report, and which of them were never started for want of time (they
     * did not fail, so they need no delay before their retry).
     */
    public record Outcome(SQSBatchResponse response, Set<String> notStarted) {

        public Outcome {
            notStarted = Set.copyOf(notStarted);
        }
    }

    public static SQSBatchResponse process(SQSEvent event, Context context, RecordProcessor processor) {
        return processWhileTimeLeft(event, context, () -> ChronoUnit.FOREVER.getDuration(), Duration.ZERO, processor)
                .response();
    }

    /**
     * Like {@link #process}, but a record after the first is started only while {@code timeLeft} is at least
     * {@code reserve} (the longest one record may take): once it is not, that record and every later one are
     * reported failed without being processed, as not started, and come back in the next batch (each with one
     * receive more: the caller keeps this for records that overran, not for ordinary batches).
     *
     * @param timeLeft what is left of the batch's time (the invocation's, or less)
     */
    public static Outcome processWhileTimeLeft(SQSEvent event, Context context, Supplier<Duration> timeLeft,
                                               Duration reserve, RecordProcessor processor) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        Set<String> blockedGroups = new HashSet<>();
        Set<String> notStarted = new HashSet<>();
        boolean started = false;
        for (SQSEvent.SQSMessage message : records) {
            String group = fifoGroup(message);
            if (group != null && blockedGroups.contains(group)) {
                context.getLogger().log("record " + message.getMessageId() + " not processed: an earlier record of"
                        + " message group " + group + " failed in this batch; it will be retried after it\n");
                failures.add(failure(message));
                continue;
            }
            boolean outOfTime = !notStarted.isEmpty();
            if (!outOfTime && started && !reserve.isZero()) {
                Duration left = timeLeft.get();
                if (left.compareTo(reserve) < 0) {
                    context.getLogger().log("records from " + message.getMessageId() + " on not started: "
                            + left.toMillis() + " ms left, below the " + reserve.toMillis()
                            + " ms one record may need; they come back in the next batch\n");
                    outOfTime = true;
                }
            }
            if (outOfTime) {
                notStarted.add(message.getMessageId());
                failures.add(failure(message));
                continue;
            }
            started = true;
            try {
                processor.process(message);
            } catch (Exception e) {
                String receiveCount = message.getAttributes() == null ? "?"
                        : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
                context.getLogger().log("record " + message.getMessageId() + " failed (receive " + receiveCount
                        + "), will be retried or dead-lettered: " + e + "\n");
                failures.add(failure(message));
                if (group != null) {
                    blockedGroups.add(group);
                }
            }
        }
        return new Outcome(SQSBatchResponse.builder().withBatchItemFailures(failures).build(), notStarted);
    }

    /** Whether the record comes from a FIFO queue (its source ARN ends in {@code .fifo}). */
    public static boolean fromFifoQueue(SQSEvent.SQSMessage message) {
        String source = message.getEventSourceArn();
        return source != null && source.endsWith(FIFO_SUFFIX);
    }

    /** The record's message group when it comes from a FIFO queue; null otherwise. */
    private static String fifoGroup(SQSEvent.SQSMessage message) {
        if (!fromFifoQueue(message)) {
            return null;
        }
        Map<String, String> attributes = message.getAttributes();
        // Lambda always sends the group of a FIFO record; without it the whole batch counts as one group.
        return attributes == null ? "" : attributes.getOrDefault(MESSAGE_GROUP, "");
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage message) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build();
    }
}
