package com.alphacast.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/** The SQS event a bench hands a queue-fed function's handler: one record, as Lambda's event source mapping builds it. */
public final class LambdaBenchEvent {

    private LambdaBenchEvent() {
    }

    /** @param attributes the record's system attributes (ApproximateReceiveCount, SentTimestamp, ...) */
    public static SQSEvent oneRecord(String messageId, String receiptHandle, String body, String queueArn,
                                     Map<String, String> attributes) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setReceiptHandle(receiptHandle);
        message.setBody(body);
        message.setAttributes(attributes);
        message.setMessageAttributes(Map.of());
        message.setEventSource("aws:sqs");
        message.setEventSourceArn(queueArn);
        message.setAwsRegion(queueArn.split(":")[3]);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
