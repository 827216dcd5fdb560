package com.alphacast.aws.subscription;

import static com.alphacast.aws.dynamodb.AttributeValues.bool;
import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import com.alphacast.core.subscription.SubscriptionSource;
import com.alphacast.core.usecase.subscription.SubscriptionLedger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The SubscribersTable ({@code template.yaml}). One item per subscriber ({@code subscriber = telegram:123}) and one
 * per payment ({@code subscriber = charge#<telegram_payment_charge_id>}, naming the payer). A write is conditional
 * on the item being as it was read (tier, expiry, swept flag, charge), and a payment's charge item is put in the same
 * transaction with {@code attribute_not_exists}, so a charge is applied once however often Telegram redelivers it.
 *
 * <p>Sweep index: the GSI {@code Unswept} keys {@code sweepState} (present only until the sweep marks the item
 * swept: a sparse index) and {@code expiresAt} (epoch milliseconds), so the sweep reads only what it still owes.
 */
public final class DynamoSubscriptionLedger implements SubscriptionLedger {

    static final String SWEEP_INDEX = "Unswept";
    private static final String UNSWEPT = "unswept";
    private static final String CHARGE_PREFIX = "charge#";

    private final DynamoDbClient db;
    private final String table;

    public DynamoSubscriptionLedger(DynamoDbClient db, String table) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<Subscription> find(Subscriber subscriber) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("subscriber", s(subscriber.key()))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toSubscription(item));
    }

    @Override
    public Write replace(Optional<Subscription> expected, Subscription next) {
        if (expected.isPresent() && !expected.get().subscriber().equals(next.subscriber())) {
            throw new IllegalArgumentException("cannot replace " + expected.get().subscriber().key() + " by "
                    + next.subscriber().key());
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String condition;
        names.put("#subscriber", "subscriber");
        if (expected.isEmpty()) {
            condition = "attribute_not_exists(#subscriber)";
        } else {
            Subscription was = expected.get();
            names.put("#tier", "tier");
            names.put("#expiresAt", "expiresAt");
            names.put("#swept", "swept");
            names.put("#chargeId", "chargeId");
            values.put(":tier", s(was.tier().key()));
            values.put(":expiresAt", n(was.expiresAt().toEpochMilli()));
            values.put(":swept", bool(was.swept()));
            condition = "attribute_exists(#subscriber) AND #tier = :tier AND #expiresAt = :expiresAt AND #swept = :swept AND ";
            if (was.chargeId().isPresent()) {
                values.put(":chargeId", s(was.chargeId().get()));
                condition += "#chargeId = :chargeId";
            } else {
                condition += "attribute_not_exists(#chargeId)";
            }
        }
        Optional<String> newCharge = next.chargeId()
                .filter(charge -> !expected.flatMap(Subscription::chargeId).equals(Optional.of(charge)));
        Put put = Put.builder().tableName(table).item(toItem(next)).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values).build();
        if (newCharge.isEmpty()) {
            try {
                db.putItem(PutItemRequest.builder().tableName(table).item(put.item()).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values).build());
                return Write.APPLIED;
            } catch (ConditionalCheckFailedException e) {
                return Write.CONFLICT;
            }
        }
        Map<String, AttributeValue> charge = Map.of("subscriber", s(CHARGE_PREFIX + newCharge.get()),
                "payer", s(next.subscriber().key()), "tier", s(next.tier().key()),
                "paidAt", n(next.expiresAt().toEpochMilli()));
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(charge)
                            .conditionExpression("attribute_not_exists(#subscriber)")
                            .expressionAttributeNames(Map.of("#subscriber", "subscriber")).build()).build(),
                    TransactWriteItem.builder().put(put).build()).build());
            return Write.APPLIED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Write.CHARGE_ALREADY_RECORDED;
            }
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                return Write.CONFLICT;
            }
            throw e;
        }
    }

    @Override
    public Optional<Subscriber> payerOf(String chargeId) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("subscriber", s(CHARGE_PREFIX + chargeId))).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(subscriber(AttributeValues.string(item, "payer")));
    }

    @Override
    public List<Subscription> expiredUnswept(Instant now, int limit) {
        return db.query(QueryRequest.builder().tableName(table).indexName(SWEEP_INDEX)
                        .keyConditionExpression("#state = :unswept AND #expiresAt <= :now")
                        .expressionAttributeNames(Map.of("#state", "sweepState", "#expiresAt", "expiresAt"))
                        .expressionAttributeValues(Map.of(":unswept", s(UNSWEPT), ":now", n(now.toEpochMilli())))
                        .limit(limit).build())
                .items().stream().map(DynamoSubscriptionLedger::toSubscription).toList();
    }

    private static Map<String, AttributeValue> toItem(Subscription subscription) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subscriber", s(subscription.subscriber().key()));
        item.put("tier", s(subscription.tier().key()));
        item.put("expiresAt", n(subscription.expiresAt().toEpochMilli()));
        item.put("source", s(subscription.source().key()));
        item.put("swept", bool(subscription.swept()));
        subscription.chargeId().ifPresent(charge -> item.put("chargeId", s(charge)));
        if (!subscription.swept()) {
            item.put("sweepState", s(UNSWEPT));
        }
        return item;
    }

    private static Subscription toSubscription(Map<String, AttributeValue> item) {
        AttributeValue charge = item.get("chargeId");
        AttributeValue swept = item.get("swept");
        return new Subscription(subscriber(AttributeValues.string(item, "subscriber")),
                Tier.fromKey(AttributeValues.string(item, "tier")),
                Instant.ofEpochMilli(Long.parseLong(item.get("expiresAt").n())),
                SubscriptionSource.fromKey(AttributeValues.string(item, "source")),
                charge == null ? Optional.empty() : Optional.of(charge.s()),
                swept != null && Boolean.TRUE.equals(swept.bool()));
    }

    private static Subscriber subscriber(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("subscriber key '" + key + "' is not platform:id");
        }
        return new Subscriber(Channel.fromKey(key.substring(0, colon)), key.substring(colon + 1));
    }
}
