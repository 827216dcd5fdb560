package com.alphacast.functions.distribution;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.bots.delivery.SentDeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The live senders' record of every platform request sent (one per part of a split message), in the
 * deliveries table under {@code request|<key>}: a delivery retried after its second part failed does not
 * send the first part again, whichever Lambda container retries it.
 */
final class DynamoSentRequestLedger implements SentDeliveryLedger {

    static final String PREFIX = "request|";

    private final DynamoDbClient db;
    private final String table;
    private final Duration retention;

    DynamoSentRequestLedger(DynamoDbClient db, String table, Duration retention) {
        this.db = db;
        this.table = table;
        this.retention = retention;
    }

    @Override
    public Optional<String> sentReference(String key) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("deliveryId", s(PREFIX + key))).consistentRead(true).build()).item();
        if (item == null || item.isEmpty() || !"SENT".equals(AttributeValues.optionalString(item, "status").orElse(""))) {
            return Optional.empty();
        }
        return AttributeValues.optionalString(item, "reference");
    }

    @Override
    public boolean tryClaim(String key, Instant now, Instant leaseUntil) {
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(Map.of(
                            "deliveryId", s(PREFIX + key),
                            "status", s("SENDING"),
                            "leaseUntil", n(leaseUntil.toEpochMilli()),
                            "expiresAt", n(now.plus(retention).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(deliveryId) OR (#st = :sending AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":sending", s("SENDING"), ":now", n(now.toEpochMilli())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void recordSent(String key, String reference) {
        db.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(Map.of("deliveryId", s(PREFIX + key)))
                .updateExpression("SET #st = :sent, #ref = :ref REMOVE leaseUntil")
                .expressionAttributeNames(Map.of("#st", "status", "#ref", "reference"))
                .expressionAttributeValues(Map.of(":sent", s("SENT"), ":ref", s(reference)))
                .build());
    }

    @Override
    public void release(String key) {
        try {
            db.deleteItem(DeleteItemRequest.builder().tableName(table)
                    .key(Map.of("deliveryId", s(PREFIX + key)))
                    .conditionExpression("#st = :sending")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":sending", s("SENDING")))
                    .build());
        } catch (ConditionalCheckFailedException alreadySent) {
            // A sent record is permanent: never release it.
        }
    }
}
