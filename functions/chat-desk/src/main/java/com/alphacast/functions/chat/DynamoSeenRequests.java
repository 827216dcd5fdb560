package com.alphacast.functions.chat;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.bots.inbound.SeenRequests;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Inbound request ids already handled, shared by every function instance: a conditional put under
 * {@code seen|<key>} with a TTL of {@link #retention()}. DynamoDB's TTL deletes late (up to days), so an
 * expired record still present is overwritten: the condition also accepts a record past its expiry.
 */
public final class DynamoSeenRequests implements SeenRequests {

    static final String PREFIX = "seen|";

    private final DynamoDbClient db;
    private final String table;
    private final Duration retention;
    private final Clock clock;

    public DynamoSeenRequests(DynamoDbClient db, String table, Duration retention, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstSighting(String key) {
        long now = clock.instant().getEpochSecond();
        try {
            db.putItem(PutItemRequest.builder().tableName(table)
                    .item(Map.of("requestKey", s(PREFIX + key), "expiresAt", n(now + retention.toSeconds())))
                    .conditionExpression("attribute_not_exists(requestKey) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(now)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException seenBefore) {
            return false;
        }
    }

    @Override
    public Duration retention() {
        return retention;
    }
}
