package com.alphacast.aws.feed;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedStatus;
import com.alphacast.core.usecase.feed.FeedStatusBoard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Feed status records in the control table, one per instrument under {@code feed|<instrument>}, beside the kill switch
 * ({@code kill-switch}) and the risk counters: {@code instrument}, {@code source}, {@code health}, {@code reason},
 * {@code since} (ISO-8601) and {@code sinceNanos}. A put is conditional on not being older than the record it replaces,
 * so a late write (a retry, or the old task during a deployment) never hides a newer status.
 */
public final class DynamoFeedStatusBoard implements FeedStatusBoard {

    static final String KEY_PREFIX = "feed|";

    private final DynamoDbClient db;
    private final String controlTable;

    public DynamoFeedStatusBoard(DynamoDbClient db, String controlTable) {
        this.db = Objects.requireNonNull(db, "db");
        this.controlTable = Objects.requireNonNull(controlTable, "controlTable");
    }

    @Override
    public void publish(FeedStatus status) {
        Instant since = Instant.ofEpochSecond(0, status.sinceNanos());
        try {
            db.putItem(PutItemRequest.builder().tableName(controlTable).item(Map.of(
                            "controlKey", s(KEY_PREFIX + status.instrument()),
                            "instrument", s(status.instrument()),
                            "source", s(status.source()),
                            "health", s(status.health().name()),
                            "reason", s(status.reason().isEmpty() ? "-" : status.reason()),
                            "since", s(since.toString()),
                            "sinceNanos", n(status.sinceNanos())))
                    .conditionExpression("attribute_not_exists(sinceNanos) OR sinceNanos <= :since")
                    .expressionAttributeValues(Map.of(":since", n(status.sinceNanos())))
                    .build());
        } catch (ConditionalCheckFailedException newerAlreadyThere) {
            // a newer status for this instrument is recorded: this one is history
        }
    }

    /** A scan of the (small) control table for the {@code feed|} records: for /status, not a hot path. */
    @Override
    public List<FeedStatus> statuses() {
        List<FeedStatus> out = new ArrayList<>();
        db.scanPaginator(ScanRequest.builder().tableName(controlTable).consistentRead(true)
                        .filterExpression("begins_with(controlKey, :feed)")
                        .expressionAttributeValues(Map.of(":feed", s(KEY_PREFIX))).build())
                .items().forEach(item -> out.add(toStatus(item)));
        out.sort(Comparator.comparing(FeedStatus::instrument));
        return out;
    }

    private static FeedStatus toStatus(Map<String, AttributeValue> item) {
        String reason = AttributeValues.string(item, "reason");
        return new FeedStatus(AttributeValues.string(item, "instrument"), AttributeValues.string(item, "source"),
                FeedHealth.valueOf(AttributeValues.string(item, "health")), reason.equals("-") ? "" : reason,
                AttributeValues.longValue(item, "sinceNanos", 0));
    }
}
