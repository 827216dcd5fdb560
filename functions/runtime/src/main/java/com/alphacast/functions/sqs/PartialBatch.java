package com.alphacast.functions.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Processes an SQS batch record by record and reports the failures ({@code ReportBatchItemFailures}),
 * so one bad record is retried (and eventually dead-lettered) alone while the rest of the batch is done.
 *
 * <p>From a FIFO queue (its ARN ends in {@code .fifo}) a record that fails blocks its message group: every later
 * record of the same group in the batch is reported failed without being processed, as Lambda requires, since
 * processing it would put it ahead of the failed one. Records of other groups go on.
 */
public final class PartialBatch {

    private static final String FIFO_SUFFIX = ".fifo";
    private static final String MESSAGE_GROUP = "MessageGroupId";

    private PartialBatch() {
    }

    public static SQSBatchResponse process(SQSEvent event, Context context, RecordProcessor processor) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        Set<String> blockedGroups = new HashSet<>();
        for (SQSEvent.SQSMessage message : records) {
            String group = fifoGroup(message);
            if (group != null && blockedGroups.contains(group)) {
                context.getLogger().log("record " + message.getMessageId() + " not processed: an earlier record of"
                        + " message group " + group + " failed in this batch; it will be retried after it\n");
                failures.add(failure(message));
                continue;
            }
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
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
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
