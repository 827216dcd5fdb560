package com.alphacast.functions.chat;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.bots.command.PendingConfirmations;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * /closeall confirmation codes in the inbound requests table under {@code confirmation|<requester>}: issued with
 * a put (replacing the requester's earlier code) and a TTL, consumed by a delete conditional on the code and its
 * expiry, so of two instances confirming one code at once exactly one succeeds.
 */
public final class DynamoPendingConfirmations implements PendingConfirmations {

    static final String PREFIX = "confirmation|";

    private final DynamoDbClient db;
    private final String table;

    public DynamoPendingConfirmations(DynamoDbClient db, String table) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void issue(String requester, String code, Instant expires) {
        db.putItem(PutItemRequest.builder().tableName(table).item(Map.of(
                "requestKey", s(PREFIX + requester),
                "code", s(code),
                "validUntil", n(expires.toEpochMilli()),
                // TTL works in epoch seconds; round up so the record never disappears before the code expires.
                "expiresAt", n(expires.getEpochSecond() + 1))).build());
    }

    @Override
    public boolean consume(String requester, String code, Instant now) {
        try {
            db.deleteItem(DeleteItemRequest.builder().tableName(table)
                    .key(Map.of("requestKey", s(PREFIX + requester)))
                    .conditionExpression("#code = :code AND validUntil >= :now")
                    .expressionAttributeNames(Map.of("#code", "code"))
                    .expressionAttributeValues(Map.of(":code", s(code), ":now", n(now.toEpochMilli())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException wrongOrExpired) {
            return false;
        }
    }
}
