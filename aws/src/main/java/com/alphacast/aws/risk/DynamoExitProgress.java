package com.alphacast.aws.risk;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.core.usecase.approval.CountedPosition;
import com.alphacast.core.usecase.approval.ExitProgress;
import com.alphacast.core.usecase.trading.ExitCheck;
import com.alphacast.core.usecase.trading.ExitWatermark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * How far the position function has checked exits, per symbol, in the control table ({@code exits-checked#<symbol>}:
 * {@code checkedThrough} in epoch ms and {@code positions}, the string set of the positions that check read). The
 * position function moves it forward only; the risk check polls it, for at most {@code maxWait}, before deciding a
 * signal at the open-position limit.
 */
public final class DynamoExitProgress implements ExitProgress, ExitWatermark {

    private static final Duration POLL = Duration.ofMillis(50);

    private final DynamoDbClient db;
    private final String controlTable;
    private final Duration maxWait;
    private final Clock clock;
    /** The most a wait may take now, whatever {@code maxWait} says (what its caller's time allows). */
    private final Supplier<Duration> timeAllowed;

    public DynamoExitProgress(DynamoDbClient db, String controlTable, Duration maxWait, Clock clock) {
        this(db, controlTable, maxWait, clock, () -> maxWait);
    }

    /**
     * Like {@link #DynamoExitProgress(DynamoDbClient, String, Duration, Clock)}, each wait also ending by
     * {@code timeAllowed} (asked as the wait starts; zero or less: no wait): the risk check lets a batch's later
     * signals wait only what the batch has time for.
     */
    public DynamoExitProgress(DynamoDbClient db, String controlTable, Duration maxWait, Clock clock,
                              Supplier<Duration> timeAllowed) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        this.db = db;
        this.controlTable = controlTable;
        this.maxWait = maxWait;
        this.clock = clock;
        this.timeAllowed = timeAllowed;
    }

    /**
     * A later horizon replaces the record; the same horizon adds its positions (two checks through one bar, each
     * having read the positions at its own moment); an earlier one changes nothing.
     */
    @Override
    public void checked(String symbol, ExitCheck check) {
        Map<String, AttributeValue> key = Map.of("controlKey", AttributeValue.fromS(key(symbol)));
        AttributeValue horizon = AttributeValue.fromN(Long.toString(check.horizon().toEpochMilli()));
        boolean named = !check.positions().isEmpty();
        AttributeValue positions = named ? AttributeValue.fromSs(List.copyOf(check.positions())) : null;
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(controlTable).key(key)
                    .updateExpression(named ? "SET checkedThrough = :t, positions = :p"
                            : "SET checkedThrough = :t REMOVE positions")
                    .conditionExpression("attribute_not_exists(checkedThrough) OR checkedThrough < :t")
                    .expressionAttributeValues(named ? Map.of(":t", horizon, ":p", positions) : Map.of(":t", horizon))
                    .build());
            return;
        } catch (ConditionalCheckFailedException sameOrFurther) {
            if (!named) {
                return;
            }
        }
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(controlTable).key(key)
                    .updateExpression("ADD positions :p")
                    .conditionExpression("checkedThrough = :t")
                    .expressionAttributeValues(Map.of(":t", horizon, ":p", positions))
                    .build());
        } catch (ConditionalCheckFailedException alreadyFurther) {
            // A later bar was checked first: the record never moves back.
        }
    }

    @Override
    public boolean awaitChecked(Instant marketTime, List<CountedPosition> counted,
                                Supplier<List<CountedPosition>> recount) {
        Duration allowed = timeAllowed.get();
        Instant giveUp = clock.instant().plus(allowed.isNegative() ? Duration.ZERO
                : allowed.compareTo(maxWait) < 0 ? allowed : maxWait);
        List<CountedPosition> positions = counted;
        boolean recounted = false;
        while (true) {
            Wait wait = waitFor(positions, marketTime);
            if (wait == Wait.NONE) {
                return true;
            }
            if (wait == Wait.PASSED_WITHOUT_NAMING && !recounted) {
                // A check went past the signal without naming a counted position: it may have closed since it was
                // counted (a later check no longer names what it closed), or its order is not filled yet. Counting
                // again tells which; the first is over at once, the second waits for the check after its fill.
                positions = recount.get();
                recounted = true;
                continue;
            }
            recounted = false;
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

    private enum Wait { NONE, BEHIND, PASSED_WITHOUT_NAMING }

    /** What is still to wait for: nothing, a check that has not reached the signal, or one that passed it. */
    private Wait waitFor(List<CountedPosition> positions, Instant marketTime) {
        Map<String, Optional<ExitCheck>> checks = new HashMap<>();
        Wait wait = Wait.NONE;
        for (CountedPosition position : positions) {
            if (!position.exitUndecided()) {
                continue;
            }
            Optional<ExitCheck> check = checks.computeIfAbsent(position.underlying(), this::lastCheck);
            if (check.isPresent() && check.get().covers(position.signalId(), marketTime)) {
                continue;
            }
            if (check.isPresent() && !check.get().horizon().isBefore(marketTime)) {
                return Wait.PASSED_WITHOUT_NAMING;
            }
            wait = Wait.BEHIND;
        }
        return wait;
    }

    /** The latest check recorded for {@code symbol}, if any. */
    public Optional<ExitCheck> lastCheck(String symbol) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(controlTable)
                .key(Map.of("controlKey", AttributeValue.fromS(key(symbol)))).consistentRead(true).build()).item();
        if (item == null || item.isEmpty() || !item.containsKey("checkedThrough")) {
            return Optional.empty();
        }
        AttributeValue positions = item.get("positions");
        return Optional.of(new ExitCheck(Instant.ofEpochMilli(AttributeValues.longValue(item, "checkedThrough", 0)),
                positions == null || !positions.hasSs() ? Set.of() : Set.copyOf(positions.ss())));
    }

    private static String key(String symbol) {
        return "exits-checked#" + symbol;
    }
}
