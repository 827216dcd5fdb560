package com.alphacast.localcloud.function.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Builds the event Lambda's SQS poller sends, as the JSON document the function receives
 * ({@code {"Records":[{"messageId":...,"eventSource":"aws:sqs","eventSourceARN":...,...}]}}); binary message
 * attributes are base64, as on Lambda.
 */
final class SqsEventFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> SYSTEM_ATTRIBUTES = List.of("ApproximateReceiveCount", "SentTimestamp",
            "SenderId", "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageGroupId",
            "MessageDeduplicationId", "AWSTraceHeader", "DeadLetterQueueSourceArn");

    private final String queueArn;
    private final String region;

    SqsEventFactory(String queueArn, String region) {
        this.queueArn = queueArn;
        this.region = region;
    }

    /** The event's JSON, exactly as Lambda's poller sends it to the function. */
    byte[] json(List<Message> messages) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Message message : messages) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            record.put("attributes", systemAttributes(message));
            Map<String, Object> attributes = new LinkedHashMap<>();
            message.messageAttributes().forEach((name, value) -> {
                Map<String, Object> attribute = new LinkedHashMap<>();
                if (value.stringValue() != null) {
                    attribute.put("stringValue", value.stringValue());
                }
                if (value.binaryValue() != null) {
                    attribute.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
                }
                attribute.put("stringListValues", value.stringListValues());
                attribute.put("binaryListValues", value.binaryListValues().stream()
                        .map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList());
                attribute.put("dataType", value.dataType());
                attributes.put(name, attribute);
            });
            record.put("messageAttributes", attributes);
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
            records.add(record);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("Records", records);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SQS event as JSON", e);
        }
    }

    private static Map<String, String> systemAttributes(Message message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> received = message.attributesAsStrings();
        for (String name : SYSTEM_ATTRIBUTES) {
            String value = received.get(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        return attributes;
    }
}
