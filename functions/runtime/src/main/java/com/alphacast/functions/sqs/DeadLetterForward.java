package com.alphacast.functions.sqs;

import com.alphacast.aws.sqs.QueuePublisher;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Moves a record that can never succeed (its body cannot be read) straight to its queue's dead-letter queue, body
 * unchanged, with the reason and the original message id as message attributes. Retrying it would only hold the
 * records behind it in its FIFO message group until it had used up its receives. A send that fails throws, and the
 * caller fails the record instead, so it reaches the dead-letter queue the slow way: never lost.
 */
public final class DeadLetterForward {

    /** SQS allows 256 KiB per attribute value; the reason is kept short enough to read in a console. */
    private static final int MAX_REASON = 1_000;

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public DeadLetterForward(SqsClient sqs, String deadLetterQueueUrl) {
        if (deadLetterQueueUrl == null || deadLetterQueueUrl.isBlank()) {
            throw new IllegalArgumentException("dead-letter queue URL must be set");
        }
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    /** Sends {@code record} to the dead-letter queue with {@code reason}; throws when SQS does not take it. */
    public void forward(SQSEvent.SQSMessage record, String reason) {
        String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(deadLetterQueueUrl)
                .messageBody(record.getBody() == null || record.getBody().isEmpty() ? "(empty body)" : record.getBody())
                .messageAttributes(Map.of(
                        "reason", MessageAttributeValue.builder().dataType("String").stringValue(shortReason).build(),
                        "sourceMessageId", MessageAttributeValue.builder().dataType("String")
                                .stringValue(record.getMessageId()).build()));
        if (QueuePublisher.isFifo(deadLetterQueueUrl)) {
            Map<String, String> attributes = record.getAttributes() == null ? Map.of() : record.getAttributes();
            request.messageGroupId(attributes.getOrDefault("MessageGroupId", "dead-letters"))
                    .messageDeduplicationId(record.getMessageId());
        }
        sqs.sendMessage(request.build());
    }
}
