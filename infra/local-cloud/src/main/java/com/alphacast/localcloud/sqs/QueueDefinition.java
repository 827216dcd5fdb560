package com.alphacast.localcloud.sqs;

import com.alphacast.localcloud.template.Properties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An {@code AWS::SQS::Queue} as the local cloud will create it in ElasticMQ.
 *
 * @param attributes           the CreateQueue attributes ElasticMQ enforces itself (FIFO, dedup, delay, visibility,
 *                             long-poll wait, redrive)
 * @param deadLetterQueue      logical id of the redrive target, if any
 * @param retentionSeconds     MessageRetentionPeriod; ElasticMQ keeps messages forever, so the function runner
 *                             drops messages older than this instead of delivering them
 * @param maximumMessageBytes  MaximumMessageSize; ElasticMQ does not enforce it on send, so the function runner
 *                             fails oversized records (they end in the DLQ) instead of delivering them
 */
public record QueueDefinition(String logicalId, String queueName, boolean fifo, Map<String, String> attributes,
                              int visibilityTimeoutSeconds, Optional<String> deadLetterQueue, int maxReceiveCount,
                              int retentionSeconds, int maximumMessageBytes) {

    public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
    public static final int DEFAULT_RETENTION = 345_600;
    public static final int DEFAULT_MAXIMUM_MESSAGE_SIZE = 262_144;

    public static final Set<String> HONOURED = Set.of("QueueName", "FifoQueue", "ContentBasedDeduplication", "DelaySeconds",
            "VisibilityTimeout", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize",
            "RedrivePolicy", "DeduplicationScope", "FifoThroughputLimit");
    /** Encryption, tagging and permission settings: no observable effect on a local queue. */
    public static final Set<String> IGNORED = Set.of("Tags", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds",
            "SqsManagedSseEnabled", "RedriveAllowPolicy");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param queueByArn finds the logical id of a queue of this stack by its local ARN (for the redrive target)
     */
    public static QueueDefinition from(String queueName, boolean fifo, Properties properties,
                                       Function<String, Optional<String>> queueByArn) {
        properties.allowOnly(HONOURED, IGNORED);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoQueue", "true");
            properties.bool("ContentBasedDeduplication").ifPresent(v -> attributes.put("ContentBasedDeduplication", v.toString()));
        } else {
            if (properties.has("ContentBasedDeduplication")) {
                throw properties.refuse("ContentBasedDeduplication", "only valid on a FIFO queue");
            }
            for (String fifoOnly : new String[] {"DeduplicationScope", "FifoThroughputLimit"}) {
                if (properties.has(fifoOnly)) {
                    throw properties.refuse(fifoOnly, "only valid on a FIFO queue");
                }
            }
        }
        // High-throughput FIFO changes only AWS-side throughput; per-message-group deduplication changes semantics
        // ElasticMQ does not offer, so only the default scope is accepted.
        properties.string("DeduplicationScope").ifPresent(scope -> {
            if (!scope.equals("queue")) {
                throw properties.refuse("DeduplicationScope", "'" + scope
                        + "' is not honoured locally (ElasticMQ deduplicates per queue); use 'queue' or remove it");
            }
        });
        properties.string("FifoThroughputLimit").ifPresent(limit -> {
            if (!Set.of("perQueue", "perMessageGroupId").contains(limit)) {
                throw properties.refuse("FifoThroughputLimit", "'" + limit + "' is not perQueue or perMessageGroupId");
            }
        });
        properties.integer("DelaySeconds", 0, 900).ifPresent(v -> attributes.put("DelaySeconds", v.toString()));
        int visibility = properties.integer("VisibilityTimeout", 0, 43_200).orElse(DEFAULT_VISIBILITY_TIMEOUT);
        attributes.put("VisibilityTimeout", Integer.toString(visibility));
        properties.integer("ReceiveMessageWaitTimeSeconds", 0, 20)
                .ifPresent(v -> attributes.put("ReceiveMessageWaitTimeSeconds", v.toString()));
        int retention = properties.integer("MessageRetentionPeriod", 60, 1_209_600).orElse(DEFAULT_RETENTION);
        int maximumSize = properties.integer("MaximumMessageSize", 1024, 1_048_576).orElse(DEFAULT_MAXIMUM_MESSAGE_SIZE);

        Optional<String> deadLetterQueue = Optional.empty();
        int maxReceiveCount = 0;
        if (properties.has("RedrivePolicy")) {
            Properties redrive = redrivePolicy(properties);
            redrive.allowOnly(Set.of("deadLetterTargetArn", "maxReceiveCount"), Set.of());
            String targetArn = redrive.requiredString("deadLetterTargetArn");
            String target = queueByArn.apply(targetArn).orElseThrow(() -> redrive.refuse("deadLetterTargetArn",
                    "'" + targetArn + "' is not a queue of this template (use !GetAtt <Queue>.Arn)"));
            if (target.equals(properties.resource())) {
                throw redrive.refuse("deadLetterTargetArn", "a queue cannot be its own dead-letter queue");
            }
            maxReceiveCount = redrive.integer("maxReceiveCount", 1, 1000)
                    .orElseThrow(() -> redrive.refuse("maxReceiveCount", "is required"));
            deadLetterQueue = Optional.of(target);
            try {
                attributes.put("RedrivePolicy", JSON.writeValueAsString(Map.of("deadLetterTargetArn", targetArn,
                        "maxReceiveCount", Integer.toString(maxReceiveCount))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new QueueDefinition(properties.resource(), queueName, fifo, Map.copyOf(attributes), visibility,
                deadLetterQueue, maxReceiveCount, retention, maximumSize);
    }

    /** CloudFormation accepts the redrive policy as a mapping or as a JSON string. */
    private static Properties redrivePolicy(Properties properties) {
        Object raw = properties.values().get("RedrivePolicy");
        if (raw instanceof String json) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = JSON.readValue(json, Map.class);
                return new Properties(properties.resource(), "RedrivePolicy", parsed);
            } catch (JsonProcessingException e) {
                throw properties.refuse("RedrivePolicy", "is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return properties.object("RedrivePolicy").orElseThrow();
    }
}
