package com.alphacast.aws.sqs;

import com.alphacast.aws.json.JsonCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sends JSON messages to one SQS queue, and says beforehand whether SQS would ever accept one. */
public final class QueuePublisher {

    /** SQS's per-message delay ceiling. */
    public static final int MAX_DELAY_SECONDS = SqsMessageRules.MAX_DELAY_SECONDS;

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

    /** Every reason SQS would refuse {@code message} as {@link #publish} would send it; empty when it would be accepted. */
    public List<String> refusals(Object message, int delaySeconds, Map<String, String> attributes) {
        return SqsMessageRules.refusals(json.write(message), attributes, delaySeconds);
    }

    /**
     * Sends {@code message} as JSON, delayed by {@code delaySeconds}, with string attributes (used for
     * routing and for tracing a message back to its signal without parsing the body).
     *
     * @return the SQS message id
     * @throws IllegalArgumentException naming every reason when SQS would refuse the message for good
     */
    public String publish(Object message, int delaySeconds, Map<String, String> attributes) {
        String body = json.write(message);
        List<String> refusals = SqsMessageRules.refusals(body, attributes, delaySeconds);
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException("SQS would refuse this " + message.getClass().getSimpleName()
                    + ": " + String.join("; ", refusals));
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(body)
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
