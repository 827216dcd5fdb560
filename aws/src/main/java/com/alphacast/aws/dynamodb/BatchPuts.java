package com.alphacast.aws.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts items into one table with BatchWriteItem, 25 per request (DynamoDB's limit), resending what DynamoDB leaves
 * unprocessed (throttling) with a growing pause, a bounded number of rounds. The one place the worker's batched
 * writes (snapshots, option chains, rejected signals) handle partial success.
 */
public final class BatchPuts {

    /** Items DynamoDB accepts in one BatchWriteItem request. */
    public static final int MAX_BATCH = 25;
    private static final int MAX_UNPROCESSED_ROUNDS = 8;

    private final DynamoDbClient db;
    private final String table;
    private final String what;

    /** @param what the items' name in errors ("snapshots", "option chain items", ...) */
    public BatchPuts(DynamoDbClient db, String table, String what) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.what = Objects.requireNonNull(what, "what");
    }

    /**
     * Puts every item, in order, in requests of up to {@link #MAX_BATCH}. Two items with the same key in one request
     * are refused by DynamoDB: callers keep one item per key.
     *
     * @throws IllegalStateException when items are still unprocessed after the retries, naming how many
     */
    public void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += MAX_BATCH) {
            List<WriteRequest> pending = items.subList(from, Math.min(items.size(), from + MAX_BATCH)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == MAX_UNPROCESSED_ROUNDS) {
                    throw new IllegalStateException(pending.size() + " " + what + " still unprocessed by DynamoDB after "
                            + MAX_UNPROCESSED_ROUNDS + " BatchWriteItem rounds on " + table);
                }
                if (round > 0) {
                    pause(round);
                }
                Map<String, List<WriteRequest>> request = Map.of(table, pending);
                BatchWriteItemResponse response = db.batchWriteItem(b -> b.requestItems(request));
                pending = response.unprocessedItems().getOrDefault(table, List.of());
            }
        }
    }

    private void pause(int round) {
        try {
            Thread.sleep(Math.min(1_000L, 25L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resending unprocessed " + what, e);
        }
    }
}
