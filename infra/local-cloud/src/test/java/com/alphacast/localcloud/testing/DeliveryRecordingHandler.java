package com.alphacast.localcloud.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A handler written the way the project's functions are: built from its environment map, talking to DynamoDB through
 * the endpoint the environment names. It records every delivery of every record (one item per receive) in
 * {@code DELIVERIES_TABLE}, so tests observe exactly what Lambda would have delivered.
 *
 * <p>Record bodies are JSON: {@code {"id":"a"}} succeeds; {@code "fail":true} is reported in batchItemFailures;
 * {@code "throwOnFirstDelivery":true} makes the whole invocation throw on the record's first delivery; a body that is
 * not a JSON object with an id is malformed and reported as failed.
 */
public final class DeliveryRecordingHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final String table;
    /**
     * Where the delivery sequence is counted: one item shared by every execution environment, since concurrent
     * environments each have their own instance (a sort key of 0 when the table has one).
     */
    private final Map<String, AttributeValue> sequenceKey = new HashMap<>();

    public DeliveryRecordingHandler(Map<String, String> environment) {
        this.table = environment.get("DELIVERIES_TABLE");
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL_DYNAMODB")))
                .region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        sequenceKey.put("pk", AttributeValue.fromS("#sequence"));
        dynamoDb.describeTable(b -> b.tableName(table)).table().keySchema().stream()
                .filter(key -> key.keyTypeAsString().equals("RANGE"))
                .forEach(key -> sequenceKey.put(key.attributeName(), AttributeValue.fromN("0")));
    }

    private long nextSequence() {
        return Long.parseLong(dynamoDb.updateItem(b -> b.tableName(table).key(sequenceKey)
                .updateExpression("ADD seq :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues("UPDATED_NEW")).attributes().get("seq").n());
    }

    public SQSBatchResponse handle(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean throwAfterRecording = false;
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            JsonNode body = parse(record.getBody());
            String id = body != null && body.hasNonNull("id") ? body.get("id").asText() : "malformed:" + record.getMessageId();
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(id));
            item.put("sk", AttributeValue.fromN(record.getAttributes().get("ApproximateReceiveCount")));
            item.put("body", AttributeValue.fromS(record.getBody()));
            item.put("seq", AttributeValue.fromN(Long.toString(nextSequence())));
            item.put("batchSize", AttributeValue.fromN(Integer.toString(event.getRecords().size())));
            item.put("messageId", AttributeValue.fromS(record.getMessageId()));
            item.put("md5OfBody", AttributeValue.fromS(record.getMd5OfBody()));
            item.put("eventSource", AttributeValue.fromS(record.getEventSource()));
            item.put("eventSourceARN", AttributeValue.fromS(record.getEventSourceArn()));
            item.put("awsRegion", AttributeValue.fromS(record.getAwsRegion()));
            item.put("attributes", AttributeValue.fromS(new java.util.TreeMap<>(record.getAttributes()).toString()));
            if (record.getMessageAttributes().containsKey("tier")) {
                item.put("tier", AttributeValue.fromS(record.getMessageAttributes().get("tier").getStringValue()));
            }
            item.put("functionName", AttributeValue.fromS(context.getFunctionName()));
            item.put("remainingMillis", AttributeValue.fromN(Integer.toString(context.getRemainingTimeInMillis())));
            dynamoDb.putItem(b -> b.tableName(table).item(item));
            context.getLogger().log("recorded " + id);

            if (body == null || !body.hasNonNull("id") || body.path("fail").asBoolean(false)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            }
            if (body != null && body.path("throwOnFirstDelivery").asBoolean(false)
                    && record.getAttributes().get("ApproximateReceiveCount").equals("1")) {
                throwAfterRecording = true;
            }
        }
        if (throwAfterRecording) {
            throw new IllegalStateException("asked to fail the whole batch");
        }
        return new SQSBatchResponse(failures);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
