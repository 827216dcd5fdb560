package com.alphacast.functions.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes an SQS batch record by record and reports the failures ({@code ReportBatchItemFailures}),
 * so one bad record is retried (and eventually dead-lettered) alone while the rest of the batch is done.
 */
public final class PartialBatch {

    private PartialBatch() {
    }

    public static SQSBatchResponse process(SQSEvent event, Context context, RecordProcessor processor) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            try {
                processor.process(message);
            } catch (Exception e) {
                String receiveCount = message.getAttributes() == null ? "?"
                        : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
                context.getLogger().log("record " + message.getMessageId() + " failed (receive " + receiveCount
                        + "), will be retried or dead-lettered: " + e + "\n");
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
