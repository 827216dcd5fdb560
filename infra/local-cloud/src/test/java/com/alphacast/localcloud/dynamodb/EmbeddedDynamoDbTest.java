package com.alphacast.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The server through the unchanged AWS SDK client: error mapping, TTL on a test clock, persistence, concurrency. */
class EmbeddedDynamoDbTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static DynamoDbClient client(EmbeddedDynamoDb server) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static void createOrders(DynamoDbClient dynamoDb) {
        dynamoDb.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    @Test
    void listensOnLoopbackOnlyAndCanBeStartedAgainAfterClosing() {
        // start-up time is a benchmark's concern (bench coldstart.ColdStartBench), not a timed assertion on a shared CI machine
        EmbeddedDynamoDb.start().close();
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start()) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void sdkReadsCancellationReasonsInItemOrder() {
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(); DynamoDbClient dynamoDb = client(server)) {
            createOrders(dynamoDb);
            dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("o1"),
                    "state", AttributeValue.fromS("FILLED"))));
            List<TransactWriteItem> items = List.of(
                    TransactWriteItem.builder().put(p -> p.tableName("Orders").item(key("o2"))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName("Orders").item(key("o1"))
                            .conditionExpression("attribute_not_exists(id)")
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());

            assertThatThrownBy(() -> dynamoDb.transactWriteItems(b -> b.transactItems(items)))
                    .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                        assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                                .containsExactly("None", "ConditionalCheckFailed");
                        assertThat(e.cancellationReasons().get(1).item()).containsEntry("state",
                                AttributeValue.fromS("FILLED"));
                    });
            assertThat(dynamoDb.getItem(b -> b.tableName("Orders").key(key("o2"))).hasItem()).isFalse();
        }
    }

    @Test
    void sdkReadsTheOldItemOfAFailedCondition() {
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(); DynamoDbClient dynamoDb = client(server)) {
            createOrders(dynamoDb);
            dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("o1"),
                    "qty", AttributeValue.fromN("3"))));

            assertThatThrownBy(() -> dynamoDb.putItem(b -> b.tableName("Orders").item(key("o1"))
                    .conditionExpression("attribute_not_exists(id)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                    .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                            e -> assertThat(e.item()).containsEntry("qty", AttributeValue.fromN("3")));
            assertThatThrownBy(() -> dynamoDb.getItem(b -> b.tableName("Missing").key(key("x"))))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Requested resource not found");
        }
    }

    @Test
    void expiredItemsDisappearFromEveryReadAndArePurgedOnTheNextWrite() {
        AdjustableClock clock = new AdjustableClock(START);
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(DynamoDbSettings.inMemory().withClock(clock));
             DynamoDbClient dynamoDb = client(server)) {
            createOrders(dynamoDb);
            dynamoDb.updateTimeToLive(b -> b.tableName("Orders")
                    .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
            long inOneHour = START.plus(Duration.ofHours(1)).getEpochSecond();
            dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("o1"),
                    "expiresAt", AttributeValue.fromN(Long.toString(inOneHour)))));
            dynamoDb.putItem(b -> b.tableName("Orders").item(key("kept")));

            clock.advance(Duration.ofMinutes(59));
            assertThat(dynamoDb.getItem(b -> b.tableName("Orders").key(key("o1"))).hasItem()).isTrue();

            clock.advance(Duration.ofMinutes(2));
            assertThat(dynamoDb.getItem(b -> b.tableName("Orders").key(key("o1"))).hasItem()).isFalse();
            assertThat(dynamoDb.scan(b -> b.tableName("Orders")).count()).isEqualTo(1);
            assertThatThrownBy(() -> dynamoDb.updateItem(b -> b.tableName("Orders").key(key("o1"))
                    .updateExpression("SET qty = :one").conditionExpression("attribute_exists(id)")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            dynamoDb.putItem(b -> b.tableName("Orders").item(key("other")));
            assertThat(dynamoDb.describeTable(b -> b.tableName("Orders")).table().itemCount()).isEqualTo(2);
        }
    }

    @Test
    void persistedTablesItemsAndTtlSurviveACleanStop(@TempDir Path directory) {
        DynamoDbSettings settings = DynamoDbSettings.inMemory().persistedIn(directory);
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(settings); DynamoDbClient dynamoDb = client(server)) {
            createOrders(dynamoDb);
            dynamoDb.updateTimeToLive(b -> b.tableName("Orders")
                    .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
            dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("o1"),
                    "price", AttributeValue.fromN("4512.25"), "tags", AttributeValue.fromSs(List.of("es", "long")))));
            dynamoDb.putItem(b -> b.tableName("Orders").item(key("gone")));
            dynamoDb.deleteItem(b -> b.tableName("Orders").key(key("gone")));
        }
        assertThat(directory.resolve("dynamodb-snapshot.json")).exists();
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(settings); DynamoDbClient dynamoDb = client(server)) {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName("Orders").key(key("o1"))).item();
            assertThat(item.get("price").n()).isEqualTo("4512.25");
            assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("es", "long");
            assertThat(dynamoDb.getItem(b -> b.tableName("Orders").key(key("gone"))).hasItem()).isFalse();
            assertThat(dynamoDb.describeTimeToLive(b -> b.tableName("Orders")).timeToLiveDescription().attributeName())
                    .isEqualTo("expiresAt");
        }
    }

    @Test
    void changesWrittenBeforeACrashAreReplayedFromTheChangeLog(@TempDir Path directory) throws IOException {
        DynamoDbSettings settings = DynamoDbSettings.inMemory().persistedIn(directory);
        EmbeddedDynamoDb crashed = EmbeddedDynamoDb.start(settings);
        DynamoDbClient first = client(crashed);
        createOrders(first);
        first.putItem(b -> b.tableName("Orders").item(key("o1")));
        first.close();
        // No close(): no snapshot is written, as after a kill -9. A second server reads the same directory.
        assertThat(Files.readAllLines(directory.resolve("dynamodb-changes.jsonl"))).hasSize(2);
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(settings); DynamoDbClient dynamoDb = client(server)) {
            assertThat(dynamoDb.getItem(b -> b.tableName("Orders").key(key("o1"))).hasItem()).isTrue();
        }
        crashed.close();
    }

    @Test
    void concurrentConditionalIncrementsNeverLoseAnUpdate() throws Exception {
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(); DynamoDbClient dynamoDb = client(server)) {
            createOrders(dynamoDb);
            dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("counter"),
                    "n", AttributeValue.fromN("0"))));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            // Optimistic locking: read, then write only if nobody wrote in between; retry otherwise.
                            while (true) {
                                String seen = dynamoDb.getItem(b -> b.tableName("Orders").key(key("counter"))
                                        .consistentRead(true)).item().get("n").n();
                                try {
                                    dynamoDb.updateItem(b -> b.tableName("Orders").key(key("counter"))
                                            .updateExpression("SET n = n + :one").conditionExpression("n = :seen")
                                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                                    ":seen", AttributeValue.fromN(seen))));
                                    break;
                                } catch (ConditionalCheckFailedException raced) {
                                    // another thread won this round
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(dynamoDb.getItem(b -> b.tableName("Orders").key(key("counter"))).item().get("n").n())
                    .isEqualTo("400");
        }
    }

    @Test
    void neverHangsOnHostileRequestsAndKeepsServing() throws Exception {
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(); DynamoDbClient dynamoDb = client(server)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> noTarget = http.send(post(server.endpoint(), null, "{}"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noTarget.statusCode()).isEqualTo(400);
            assertThat(noTarget.body()).contains("UnknownOperationException");

            HttpResponse<String> garbage = http.send(post(server.endpoint(), "DynamoDB_20120810.PutItem",
                    "{\"TableName\": [[[[["), HttpResponse.BodyHandlers.ofString());
            assertThat(garbage.statusCode()).isEqualTo(400);
            assertThat(garbage.body()).contains("SerializationException");

            String deep = "{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"x\"},\"d\":" + "{\"L\":[".repeat(5000)
                    + "]}".repeat(5000) + "}}";
            HttpResponse<String> nested = http.send(post(server.endpoint(), "DynamoDB_20120810.PutItem", deep),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(nested.statusCode()).isBetween(400, 499);

            String huge = "{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}}}";
            HttpResponse<String> tooBig = http.send(post(server.endpoint(), "DynamoDB_20120810.PutItem", huge),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tooBig.statusCode()).isEqualTo(413);

            createOrders(dynamoDb);
            assertThat(dynamoDb.listTables().tableNames()).containsExactly("Orders");
        }
    }

    private static HttpRequest post(URI endpoint, String target, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0").POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return request.build();
    }
}
