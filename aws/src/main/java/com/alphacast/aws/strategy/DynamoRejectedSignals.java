package com.alphacast.aws.strategy;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.aws.dynamodb.BatchPuts;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.strategy.RejectedSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The candidates that lost a conflict on the worker's strategy desk (RejectedSignalsTable), kept for audit: which
 * strategy proposed what, which signal won and why. Items expire through DynamoDB TTL after the retention period.
 *
 * <p>Item shape (also in aws/README.md): key {@code underlying} (S, HASH) and {@code rejectedKey} (S, RANGE,
 * {@code <market time, epoch ms in 13 digits>#<signal id>}, so one underlying's rejections sort by time and a time
 * range is one Query: {@code underlying = :u AND rejectedKey BETWEEN :from AND :to}); {@code signalId strategy direction
 * winnerId reason} (S), {@code confidence} (N), {@code signal} (S, the losing signal as the signals queue's JSON),
 * {@code expiresAt} (N, TTL seconds, counted from when the worker saw the bar).
 */
public final class DynamoRejectedSignals {

    /** BatchWriteItem's limit. */
    public static final int MAX_BATCH = BatchPuts.MAX_BATCH;

    private final DynamoDbClient db;
    private final String table;
    private final BatchPuts puts;
    private final Duration retention;
    private final JsonCodec json;

    public DynamoRejectedSignals(DynamoDbClient db, String table, Duration retention, JsonCodec json) {
        this.db = db;
        this.table = table;
        this.puts = new BatchPuts(db, table, "rejected signals");
        this.retention = retention;
        this.json = json;
    }

    /**
     * Writes rejections with BatchWriteItem, 25 per request, resending what DynamoDB leaves unprocessed. The key
     * is deterministic, so a retried or replayed batch overwrites the same items.
     *
     * @throws IllegalStateException when items are still unprocessed after the retries, naming how many
     */
    public void putAll(List<RejectedSignal> rejections) {
        Map<String, Map<String, AttributeValue>> unique = new LinkedHashMap<>();
        for (RejectedSignal rejection : rejections) {
            unique.put(rejection.signal().underlying() + "\u0000" + key(rejection.signal()), item(rejection));
        }
        puts.putAll(List.copyOf(unique.values()));
    }

    /** The rejections on {@code underlying} whose market time is in [from, to], oldest first. */
    public List<RejectedSignal> between(String underlying, Instant from, Instant to) {
        List<RejectedSignal> out = new ArrayList<>();
        // every key of a millisecond starts with its 13 digits and '#'; '~' sorts after any id character
        for (Map<String, AttributeValue> item : db.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("underlying = :u AND rejectedKey BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":u", s(underlying), ":from", s(millis(from) + "#"),
                        ":to", s(millis(to) + "#~")))
                .consistentRead(true).build()).items()) {
            out.add(new RejectedSignal(json.read(AttributeValues.string(item, "signal"), Signal.class),
                    AttributeValues.string(item, "winnerId"), AttributeValues.string(item, "reason")));
        }
        return out;
    }

    static String key(Signal signal) {
        return millis(signal.marketTime()) + "#" + signal.id();
    }

    private static String millis(Instant time) {
        return String.format(java.util.Locale.ROOT, "%013d", time.toEpochMilli());
    }

    private Map<String, AttributeValue> item(RejectedSignal rejection) {
        Signal signal = rejection.signal();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("underlying", s(signal.underlying()));
        item.put("rejectedKey", s(key(signal)));
        item.put("signalId", s(signal.id()));
        item.put("strategy", s(signal.strategy()));
        item.put("direction", s(signal.direction().name()));
        item.put("confidence", n(signal.confidence()));
        item.put("winnerId", s(rejection.winnerId()));
        item.put("reason", s(rejection.reason()));
        item.put("signal", s(json.write(signal)));
        item.put("expiresAt", n(signal.observedAt().plus(retention).getEpochSecond()));
        return item;
    }

}
