package com.alphacast.aws.risk;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.usecase.approval.ExitProgress;
import com.alphacast.core.usecase.trading.ExitWatermark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * How far the position function has checked exits, per symbol, in the control table ({@code exits-checked#<symbol>},
 * {@code checkedThrough} in epoch ms). The position function moves it forward only; the risk check polls it, for at
 * most {@code maxWait}, before deciding a signal while positions are open.
 */
public final class DynamoExitProgress implements ExitProgress, ExitWatermark {

    private static final Duration POLL = Duration.ofMillis(50);

    private final DynamoDbClient db;
    private final String controlTable;
    private final Duration maxWait;
    private final Clock clock;

    public DynamoExitProgress(DynamoDbClient db, String controlTable, Duration maxWait, Clock clock) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        this.db = db;
        this.controlTable = controlTable;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    @Override
    public void checkedThrough(String symbol, Instant horizon) {
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(controlTable)
                    .key(Map.of("controlKey", AttributeValue.fromS(key(symbol))))
                    .updateExpression("SET checkedThrough = :t")
                    .conditionExpression("attribute_not_exists(checkedThrough) OR checkedThrough < :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromN(Long.toString(horizon.toEpochMilli()))))
                    .build());
        } catch (ConditionalCheckFailedException alreadyFurther) {
            // A later bar was checked first: the mark never moves back.
        }
    }

    @Override
    public boolean awaitCheckedThrough(String symbol, Instant marketTime) {
        Instant giveUp = clock.instant().plus(maxWait);
        while (true) {
            if (checkedThrough(symbol) >= marketTime.toEpochMilli()) {
                return true;
            }
            if (!clock.instant().isBefore(giveUp)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private long checkedThrough(String symbol) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(controlTable)
                .key(Map.of("controlKey", AttributeValue.fromS(key(symbol)))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Long.MIN_VALUE : AttributeValues.longValue(item, "checkedThrough", Long.MIN_VALUE);
    }

    private static String key(String symbol) {
        return "exits-checked#" + symbol;
    }
}
