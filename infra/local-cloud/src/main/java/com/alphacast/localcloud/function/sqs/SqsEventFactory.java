package com.alphacast.localcloud.function.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Builds the event Lambda's SQS poller sends: as an {@link SQSEvent} for typed handlers and as the exact JSON
 * document ({@code {"Records":[{"messageId":...,"eventSource":"aws:sqs",...}]}}) for stream and POJO handlers.
 */
final class SqsEventFactory {

    private static final List<String> SYSTEM_ATTRIBUTES = List.of("ApproximateReceiveCount", "SentTimestamp",
            "SenderId", "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageGroupId",
            "MessageDeduplicationId", "AWSTraceHeader", "DeadLetterQueueSourceArn");

    private final String queueArn;
    private final String region;

    SqsEventFactory(String queueArn, String region) {
        this.queueArn = queueArn;
        this.region = region;
    }

    SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
            record.setAttributes(systemAttributes(message));
            Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
            message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
            record.setMessageAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(region);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    Map<String, Object> json(List<Message> messages) {
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
        return event;
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

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(ByteBuffer.wrap(value.binaryValue().asByteArray()));
        }
        attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
        attribute.setBinaryListValues(value.binaryListValues().stream()
                .map(b -> ByteBuffer.wrap(b.asByteArray())).toList());
        return attribute;
    }
}
