package com.alphacast.aws.feed;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedStatus;
import com.alphacast.core.usecase.feed.FeedStatusBoard;
import com.alphacast.core.usecase.feed.FeedStatusRecords;
import com.alphacast.core.usecase.feed.RecordedFeedStatus;
import java.time.Clock;
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
 * {@code since} (ISO-8601), {@code sinceNanos} and {@code recordedAt} (ISO-8601, when this board wrote it: the worker
 * rewrites an unchanged status on an interval, so an old {@code recordedAt} means the worker stopped writing). A put is
 * conditional on not being older than the record it replaces, so a late write (a retry, or the old task during a
 * deployment) never hides a newer status; rewriting the same status passes and refreshes {@code recordedAt}.
 */
public final class DynamoFeedStatusBoard implements FeedStatusBoard, FeedStatusRecords {

    static final String KEY_PREFIX = "feed|";

    private final DynamoDbClient db;
    private final String controlTable;
    private final Clock clock;

    public DynamoFeedStatusBoard(DynamoDbClient db, String controlTable) {
        this(db, controlTable, Clock.systemUTC());
    }

    /** @param clock stamps each write's {@code recordedAt} */
    public DynamoFeedStatusBoard(DynamoDbClient db, String controlTable, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.controlTable = Objects.requireNonNull(controlTable, "controlTable");
        this.clock = Objects.requireNonNull(clock, "clock");
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
                            "sinceNanos", n(status.sinceNanos()),
                            "recordedAt", s(clock.instant().toString())))
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
        return recorded().stream().map(RecordedFeedStatus::status).toList();
    }

    /**
     * The same scan with each record's {@code recordedAt}; a record written before that attribute existed counts as
     * written at its {@code since}, the earliest it can have been written, so it is never taken for fresher than it is.
     */
    @Override
    public List<RecordedFeedStatus> recorded() {
        List<RecordedFeedStatus> out = new ArrayList<>();
        db.scanPaginator(ScanRequest.builder().tableName(controlTable).consistentRead(true)
                        .filterExpression("begins_with(controlKey, :feed)")
                        .expressionAttributeValues(Map.of(":feed", s(KEY_PREFIX))).build())
                .items().forEach(item -> {
                    FeedStatus status = toStatus(item);
                    AttributeValue recordedAt = item.get("recordedAt");
                    out.add(new RecordedFeedStatus(status, recordedAt == null || recordedAt.s() == null
                            ? Instant.ofEpochSecond(0, status.sinceNanos()) : instant(status, recordedAt.s())));
                });
        out.sort(Comparator.comparing(r -> r.status().instrument()));
        return out;
    }

    private Instant instant(FeedStatus status, String recordedAt) {
        try {
            return Instant.parse(recordedAt);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("feed status record " + KEY_PREFIX + status.instrument() + " in "
                    + controlTable + " has an unreadable recordedAt '" + recordedAt + "' (ISO-8601 expected)", e);
        }
    }

    private static FeedStatus toStatus(Map<String, AttributeValue> item) {
        String reason = AttributeValues.string(item, "reason");
        return new FeedStatus(AttributeValues.string(item, "instrument"), AttributeValues.string(item, "source"),
                FeedHealth.valueOf(AttributeValues.string(item, "health")), reason.equals("-") ? "" : reason,
                AttributeValues.longValue(item, "sinceNanos", 0));
    }
}
