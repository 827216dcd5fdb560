package com.alphacast.aws.sqs;

import com.alphacast.aws.json.JsonCodec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sends JSON messages to one SQS queue. */
public final class QueuePublisher {

    /** SQS's per-message delay ceiling. */
    public static final int MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonCodec json;

    public QueuePublisher(SqsClient sqs, String queueUrl, JsonCodec json) {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("queue URL must be set");
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    /**
     * Sends {@code message} as JSON, delayed by {@code delaySeconds}, with string attributes (used for
     * routing and for tracing a message back to its signal without parsing the body).
     *
     * @return the SQS message id
     */
    public String publish(Object message, int delaySeconds, Map<String, String> attributes) {
        if (delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
            throw new IllegalArgumentException("delay must be within 0.." + MAX_DELAY_SECONDS + " s, was " + delaySeconds);
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(json.write(message))
                .delaySeconds(delaySeconds);
        if (!attributes.isEmpty()) {
            Map<String, MessageAttributeValue> values = new HashMap<>();
            attributes.forEach((k, v) -> values.put(k,
                    MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
            request.messageAttributes(values);
        }
        return sqs.sendMessage(request.build()).messageId();
    }
}
