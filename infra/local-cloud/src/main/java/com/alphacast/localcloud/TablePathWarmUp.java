package com.alphacast.localcloud;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Runs the writes and reads the pipeline makes of DynamoDB, each one succeeding, on a scratch table of its own, so the
 * embedded DynamoDB's write path is compiled before the first event: a conditional put beside a counter update in one
 * transaction (an approval and its slot), a conditional put, an update that sets and removes attributes, a consistent
 * GetItem and BatchGetItem, and a Query of a secondary index with a projection. The functions' own priming cannot do
 * this: it must change nothing in the stack's tables, so its writes are refused by their condition and the server never
 * runs a write through. No table of the template is touched; the scratch table is deleted afterwards.
 */
final class TablePathWarmUp {

    /** A body the size of a recorded signal, so the same code paths (and buffer sizes) are used. */
    private static final AttributeValue BODY = AttributeValue.fromS("{\"warmUp\":\"" + "x".repeat(600) + "\"}");
    private static final AttributeValue FEED = AttributeValue.fromS("WARM-UP");
    private static final String INDEX = "ByTime";

    private final DynamoDbClient db;
    private final String tableName;

    TablePathWarmUp(DynamoDbClient db, String tableName) {
        this.db = db;
        this.tableName = tableName;
    }

    /** The scratch table is deleted whatever happens; a failed deletion rides on the warm-up's own failure. */
    void run(int rounds) {
        create();
        try (ScratchTable table = new ScratchTable(db, tableName)) {
            for (int round = 0; round < rounds; round++) {
                round(round);
            }
        }
    }

    /** The warm-up's own table, deleted on close. */
    private record ScratchTable(DynamoDbClient db, String name) implements AutoCloseable {

        @Override
        public void close() {
            db.deleteTable(b -> b.tableName(name));
        }
    }

    private void round(int round) {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("item-" + round));
        Map<String, AttributeValue> counter = Map.of("id", AttributeValue.fromS("counter"));
        db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(put -> put.tableName(tableName).item(Map.of(
                        "id", key.get("id"), "feed", FEED, "placedAt", AttributeValue.fromN(Integer.toString(round)),
                        "body", BODY, "pending", AttributeValue.fromSs(List.of("orders", "premium"))))
                        .conditionExpression("attribute_not_exists(id)")).build(),
                TransactWriteItem.builder().update(update -> update.tableName(tableName).key(counter)
                        .updateExpression("ADD #c :one")
                        .conditionExpression("attribute_not_exists(#c) OR #c < :max")
                        .expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                ":max", AttributeValue.fromN(Integer.toString(Integer.MAX_VALUE))))).build()));
        // As a rejection is recorded: a put conditioned on no decision being on record yet.
        db.putItem(b -> b.tableName(tableName).item(Map.of("id", AttributeValue.fromS("rejected-" + round),
                "body", BODY)).conditionExpression("attribute_not_exists(id)"));
        db.updateItem(b -> b.tableName(tableName).key(key)
                .updateExpression("DELETE pending :sent SET #d = :now REMOVE waiting")
                .conditionExpression("attribute_exists(id)")
                .expressionAttributeNames(Map.of("#d", "done"))
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromSs(List.of("orders", "premium")),
                        ":now", AttributeValue.fromN(Long.toString(round)))));
        db.getItem(b -> b.tableName(tableName).key(key).consistentRead(true));
        db.batchGetItem(b -> b.requestItems(Map.of(tableName,
                KeysAndAttributes.builder().keys(key, counter).consistentRead(true).build())));
        db.query(b -> b.tableName(tableName).indexName(INDEX).keyConditionExpression("feed = :feed")
                .expressionAttributeValues(Map.of(":feed", FEED)).projectionExpression("id, placedAt, body"));
    }

    /** A scratch table left in a data directory by a run that stopped mid warm-up is replaced. */
    private void create() {
        try {
            createTable();
        } catch (ResourceInUseException leftBehind) {
            db.deleteTable(b -> b.tableName(tableName));
            createTable();
        }
    }

    private void createTable() {
        db.createTable(b -> b.tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("feed").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("placedAt").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(INDEX)
                        .keySchema(KeySchemaElement.builder().attributeName("feed").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("placedAt").keyType(KeyType.RANGE).build())
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }
}
