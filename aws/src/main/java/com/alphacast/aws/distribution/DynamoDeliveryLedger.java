package com.alphacast.aws.distribution;

import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.usecase.distribution.DeliveryLedger;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The record of every delivery, which makes sending once out of at-least-once queue delivery.
 *
 * <p>A sender first <em>claims</em> the delivery (a conditional write that succeeds only if nobody finished
 * it and nobody holds a fresh claim), sends, then marks it done. A claim older than the lease is taken
 * over, so a crash between claim and send does not lose the delivery.
 */
public final class DynamoDeliveryLedger implements DeliveryLedger {

    private final DynamoDbClient db;
    private final String table;
    private final Duration lease;
    private final Duration retention;

    public DynamoDeliveryLedger(DynamoDbClient db, String table, Duration lease, Duration retention) {
        this.db = db;
        this.table = table;
        this.lease = lease;
        this.retention = retention;
    }

    @Override
    public Claim claim(Delivery delivery, Instant now, Optional<QueueArrival> arrival) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("deliveryId", s(delivery.id()));
        item.put("publicationId", s(delivery.publication().id()));
        item.put("kind", s(delivery.publication().kind()));
        signalOf(delivery).ifPresent(signalId -> item.put("signalId", s(signalId)));
        item.put("tier", s(delivery.tier().key()));
        item.put("channel", s(delivery.channel().key()));
        item.put("destination", s(delivery.destination()));
        item.put("status", s("SENDING"));
        item.put("claimedAt", n(now.toEpochMilli()));
        // SQS's own stamps of the release's message (epoch ms): the risk check -> distribution hop, for the bench.
        arrival.ifPresent(a -> {
            item.put("releaseSentAt", n(a.sentAt().toEpochMilli()));
            item.put("releaseReceivedAt", n(a.receivedAt().toEpochMilli()));
        });
        item.put("expiresAt", n(now.plus(retention).getEpochSecond()));
        try {
            db.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(deliveryId) OR (#st = :sending AND claimedAt < :stale)")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":sending", s("SENDING"),
                            ":stale", n(now.minus(lease).toEpochMilli())))
                    .returnValuesOnConditionCheckFailure("ALL_OLD")
                    .build());
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = taken.item();
            String status = existing == null ? "" : AttributeValues.optionalString(existing, "status").orElse("");
            return "SENDING".equals(status) ? Claim.HELD_ELSEWHERE : Claim.ALREADY_DONE;
        }
    }

    /**
     * Records the platform's answer; for a signal also the end-to-end latency (signal observed → completed). An
     * update's latency would measure its tier's delay, not the pipeline, so it is not recorded.
     */
    @Override
    public void complete(Delivery delivery, DeliveryResult result, Instant now) {
        String status = result instanceof DeliveryResult.Sent ? "SENT" : "REJECTED";
        String detail = result instanceof DeliveryResult.Sent sent
                ? sent.reference() : ((DeliveryResult.Rejected) result).reason();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status), ":detail", s(detail),
                ":at", s(now.toString())));
        String update = "SET #st = :status, detail = :detail, completedAt = :at";
        if (delivery.publication() instanceof Publication.NewSignal signal) {
            values.put(":lat", n(Duration.between(signal.signal().observedAt(), now).toMillis()));
            update += ", latencyMillis = :lat";
        }
        db.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(Map.of("deliveryId", s(delivery.id())))
                .updateExpression(update)
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(values)
                .build());
    }

    @Override
    public Optional<DeliveryResult> outcome(String deliveryId) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("deliveryId", s(deliveryId))).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String detail = AttributeValues.optionalString(item, "detail").orElse("");
        return switch (AttributeValues.optionalString(item, "status").orElse("")) {
            case "SENT" -> Optional.of(new DeliveryResult.Sent(detail));
            case "REJECTED" -> Optional.of(new DeliveryResult.Rejected(detail));
            default -> Optional.empty();
        };
    }

    private static DeliveryTimes times(Map<String, AttributeValue> item) {
        return new DeliveryTimes(epochMillis(item, "releaseSentAt"), epochMillis(item, "releaseReceivedAt"),
                Instant.ofEpochMilli(AttributeValues.longValue(item, "claimedAt", 0)),
                AttributeValues.optionalString(item, "completedAt").map(Instant::parse));
    }

    private static Optional<Instant> epochMillis(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Optional.of(Instant.ofEpochMilli(AttributeValues.longValue(item, name, 0)))
                : Optional.empty();
    }

    /** The signal a delivery is about: the signal itself, or the one an update follows; none for a recap or briefing. */
    private static Optional<String> signalOf(Delivery delivery) {
        return delivery.publication() instanceof Publication.NewSignal
                ? Optional.of(delivery.publication().id()) : delivery.publication().follows();
    }

    @Override
    public void release(Delivery delivery) {
        db.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(Map.of("deliveryId", s(delivery.id())))
                .updateExpression("SET claimedAt = :zero")
                .expressionAttributeValues(Map.of(":zero", n(0)))
                .build());
    }

    /** Every delivery record (for reports and the demo summary; a full scan, not for hot paths). */
    public List<DeliveryRecord> all() {
        List<DeliveryRecord> records = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = db.scan(ScanRequest.builder().tableName(table).consistentRead(true).exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (!item.containsKey("tier")) {
                    continue; // a live sender's per-request record, not a delivery
                }
                records.add(new DeliveryRecord(AttributeValues.string(item, "deliveryId"),
                        AttributeValues.optionalString(item, "publicationId")
                                .orElse(AttributeValues.optionalString(item, "signalId").orElse("")),
                        AttributeValues.optionalString(item, "kind").orElse("signal"),
                        AttributeValues.optionalString(item, "signalId").orElse(""),
                        AttributeValues.string(item, "tier"),
                        AttributeValues.string(item, "channel"), AttributeValues.string(item, "destination"),
                        AttributeValues.string(item, "status"),
                        AttributeValues.optionalString(item, "detail").orElse(""),
                        item.containsKey("latencyMillis") ? AttributeValues.longValue(item, "latencyMillis", -1) : -1,
                        times(item)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return records;
    }
}
