package com.alphacast.localcloud.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Observes how Lambda runs a function's batches, through DynamoDB only (so it works the same on any Lambda): each
 * record counts itself in {@code <PROBE>#arrived} and {@code <PROBE>#running}, records the most running at once in
 * {@code <PROBE>#peak} and the handler instance that took it in {@code <PROBE>#instance#<id>}, then waits until
 * {@code PROCEED_WHEN_ARRIVED} records have arrived or, without it, until the test puts {@code <PROBE>#gate}. A
 * wait that outlasts the invocation's remaining time fails the batch.
 */
public final class ConcurrencyProbeHandler {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String probe;
    private final int proceedWhenArrived;
    /** Identifies this instance, i.e. this execution environment. */
    private final String instance = UUID.randomUUID().toString();

    public ConcurrencyProbeHandler(Map<String, String> environment) {
        this.table = environment.get("PROBES_TABLE");
        this.probe = environment.get("PROBE");
        this.proceedWhenArrived = Integer.parseInt(environment.getOrDefault("PROCEED_WHEN_ARRIVED", "0"));
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL_DYNAMODB")))
                .region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public void handle(SQSEvent event, Context context) throws InterruptedException {
        for (SQSEvent.SQSMessage ignored : event.getRecords()) {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(probe + "#instance#" + instance))));
            // Running before arrived: a record released by this arrival has already been counted as running with it.
            long running = add("running", 1);
            add("arrived", 1);
            try {
                dynamoDb.updateItem(b -> b.tableName(table).key(key("peak"))
                        .updateExpression("SET n = :n")
                        .conditionExpression("attribute_not_exists(n) OR n < :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(running))))
                        .build());
            } catch (ConditionalCheckFailedException notHigher) {
                // an earlier peak was at least as high
            }
            awaitRelease(context);
            add("running", -1);
        }
    }

    private void awaitRelease(Context context) throws InterruptedException {
        while (!released()) {
            if (context.getRemainingTimeInMillis() < 2_000) {
                throw new IllegalStateException(probe + ": never released");
            }
            Thread.sleep(20);
        }
    }

    private boolean released() {
        if (proceedWhenArrived > 0) {
            Map<String, AttributeValue> arrived = dynamoDb.getItem(b -> b.tableName(table).key(key("arrived"))
                    .consistentRead(true)).item();
            return Long.parseLong(arrived.get("n").n()) >= proceedWhenArrived;
        }
        return dynamoDb.getItem(b -> b.tableName(table).key(key("gate")).consistentRead(true)).hasItem();
    }

    private long add(String counter, int delta) {
        return Long.parseLong(dynamoDb.updateItem(b -> b.tableName(table).key(key(counter))
                .updateExpression("ADD n :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromN(Integer.toString(delta))))
                .returnValues("UPDATED_NEW")).attributes().get("n").n());
    }

    private Map<String, AttributeValue> key(String name) {
        return Map.of("pk", AttributeValue.fromS(probe + "#" + name));
    }
}
