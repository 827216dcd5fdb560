package com.alphacast.aws.risk;

import static com.alphacast.aws.dynamodb.AttributeValues.bool;
import static com.alphacast.aws.dynamodb.AttributeValues.n;
import static com.alphacast.aws.dynamodb.AttributeValues.s;
import static com.alphacast.aws.dynamodb.AttributeValues.strings;

import com.alphacast.aws.dynamodb.AttributeValues;
import com.alphacast.aws.concurrent.FirstFailure;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.risk.KillSwitch;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.risk.RiskState;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.approval.CountedPosition;
import com.alphacast.core.usecase.approval.DecisionInputs;
import com.alphacast.core.usecase.approval.Forward;
import com.alphacast.core.usecase.approval.OpenPositionsAsOf;
import com.alphacast.core.usecase.approval.RiskLedger;
import com.alphacast.core.usecase.publication.SignalReleases;
import com.alphacast.core.usecase.trading.RiskSlots;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Where risk decisions, the kill switch and the risk counters live.
 *
 * <p>An approval is one DynamoDB transaction: the decision is written only if none exists for the signal
 * (so a redelivered signal is decided once), and it reserves a position slot and a slot of the day's
 * signal budget with conditions on their counters (so concurrent approvals can never exceed the limits).
 *
 * <p>The forwards an approval still has to send are recorded in the same write, as the string set
 * {@code pendingForwards} (their keys); {@link #forwarded} removes one key at a time. While any is pending
 * the item also carries {@code forwarding = PENDING} and {@code forwardingSince} (the decision time in epoch
 * ms), the keys of the sparse {@code PendingForwards} index the sweep reads.
 *
 * <p>An approved signal is an open <em>exposure</em> (the sparse {@code OpenExposures} index) until the position
 * function, which alone decides exits, releases it ({@link #release}); that gives its position slot back in the
 * same transaction. The approval time is what the tiers' delays of the signal's updates count from
 * ({@link #approvedAt}).
 */
public final class DynamoRiskLedger implements RiskLedger, RiskSlots, SignalReleases {

    static final String KILL_SWITCH_KEY = "kill-switch";
    static final String OPEN_POSITIONS_KEY = "open-positions";
    private static final String PENDING = "PENDING";
    /** BatchGetItem rounds for keys DynamoDB leaves unprocessed before giving up (the record is retried by SQS). */
    private static final int MAX_UNPROCESSED_ROUNDS = 5;
    /** Key of the sparse {@code ApprovalsByTime} index: approvals by decision time, for /signals. */
    public static final String APPROVAL_FEED = "approvalFeed";
    public static final String APPROVED = "APPROVED";
    /** {@code exitReason} of an approval whose order was never filled (its slot given back by the order function). */
    public static final String ORDER_REJECTED = "ORDER_REJECTED";

    private final DynamoDbClient db;
    private final String signalsTable;
    private final String controlTable;
    private final JsonCodec json;
    /** Where {@link #inputsFor} makes two of its three reads while the caller makes the third; empty: all in turn. */
    private final Optional<Executor> reads;

    /** A ledger that makes every read on the calling thread, one after another. */
    public DynamoRiskLedger(DynamoDbClient db, String signalsTable, String controlTable, JsonCodec json) {
        this(db, signalsTable, controlTable, json, Optional.empty());
    }

    /**
     * A ledger whose {@link #inputsFor} makes the decision's and the state's reads on {@code reads} (two threads keep
     * them from waiting on each other) while the calling thread queries the open positions.
     */
    public DynamoRiskLedger(DynamoDbClient db, String signalsTable, String controlTable, JsonCodec json,
                            Executor reads) {
        this(db, signalsTable, controlTable, json, Optional.of(reads));
    }

    private DynamoRiskLedger(DynamoDbClient db, String signalsTable, String controlTable, JsonCodec json,
                             Optional<Executor> reads) {
        this.db = db;
        this.signalsTable = signalsTable;
        this.controlTable = controlTable;
        this.json = json;
        this.reads = reads;
    }

    /**
     * The decision on record, the positions open at the signal's market time and the day's state, read at once when the
     * ledger was given an executor (the first two there, the Query on the calling thread), otherwise in turn. Every read has ended before this returns or throws,
     * so none is left running into a frozen Lambda environment. A decision on record is returned even if another read
     * failed; otherwise the first failure is thrown as it was raised (an {@code Error} too), with any other attached as
     * suppressed.
     */
    @Override
    public DecisionInputs inputsFor(Signal signal, LocalDate tradingDay) {
        if (reads.isEmpty()) {
            return RiskLedger.super.inputsFor(signal, tradingDay);
        }
        CompletableFuture<Optional<RecordedDecision>> recorded =
                CompletableFuture.supplyAsync(() -> decisionFor(signal.id()), reads.get());
        CompletableFuture<RiskState> state = CompletableFuture.supplyAsync(() -> state(tradingDay), reads.get());
        List<CountedPosition> open = null;
        Throwable failure = null;
        try {
            open = openAt(signal);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        CompletableFuture.allOf(recorded, state).exceptionally(ignored -> null).join();
        Optional<RecordedDecision> onRecord = recorded.isCompletedExceptionally() ? Optional.empty() : recorded.join();
        if (onRecord.isPresent()) {
            return new DecisionInputs.Recorded(onRecord.get());
        }
        failure = FirstFailure.keep(failure, FirstFailure.of(recorded));
        failure = FirstFailure.keep(failure, FirstFailure.of(state));
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new DecisionInputs.Undecided(open, state.join());
    }

    @Override
    public Optional<RecordedDecision> decisionFor(String signalId) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(signalsTable)
                .key(Map.of("signalId", s(signalId))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecordedDecision(item));
    }

    /**
     * The kill switch and both counters in one strongly consistent BatchGetItem (three GetItems before): every
     * decision reads them.
     */
    @Override
    public RiskState state(LocalDate tradingDay) {
        String approvedKey = approvedKey(tradingDay);
        Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
        consistentBatchGet(controlTable, "controlKey", List.of(KILL_SWITCH_KEY, OPEN_POSITIONS_KEY, approvedKey), null)
                .forEach(item -> byKey.put(AttributeValues.string(item, "controlKey"), item));
        return new RiskState(killSwitch(byKey.get(KILL_SWITCH_KEY)), (int) count(byKey.get(OPEN_POSITIONS_KEY)),
                (int) count(byKey.get(approvedKey)));
    }

    /**
     * The items of {@code table} under the string keys {@code ids} of attribute {@code keyName}, read strongly
     * consistently, 100 keys per BatchGetItem; keys DynamoDB leaves unprocessed (throttling) are asked for again.
     *
     * @param projection the attributes to read, or null for all
     */
    private List<Map<String, AttributeValue>> consistentBatchGet(String table, String keyName, List<String> ids,
                                                                 String projection) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + 100)).stream()
                    .map(id -> Map.of(keyName, s(id))).toList();
            for (int round = 0; !keys.isEmpty(); round++) {
                if (round == MAX_UNPROCESSED_ROUNDS) {
                    throw new IllegalStateException(table + ": DynamoDB left " + keys.size() + " keys unprocessed"
                            + " after " + round + " BatchGetItem rounds");
                }
                if (round > 0) {
                    pause(Duration.ofMillis(50L << round));
                }
                KeysAndAttributes.Builder asked = KeysAndAttributes.builder().keys(keys).consistentRead(true);
                if (projection != null) {
                    asked.projectionExpression(projection);
                }
                BatchGetItemResponse response = db.batchGetItem(BatchGetItemRequest.builder()
                        .requestItems(Map.of(table, asked.build())).build());
                items.addAll(response.responses().getOrDefault(table, List.of()));
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
                keys = unprocessed == null ? List.of() : unprocessed.keys();
            }
        }
        return items;
    }

    /**
     * Reads every approval (the {@code ApprovalsByTime} index) and keeps those open at the signal's market time by
     * their recorded {@code exitTime}, not by whether the position function has released them yet: it may already
     * have closed, at a later bar, a position that was open when this signal happened. Only the attributes the rule
     * needs are read (not the signal's JSON); an approval recorded before {@code underlying} was stored with it has its
     * signal read for it.
     *
     * <p>One index, on purpose: an approval is in it from its commit on, whatever its exit, so an index a moment
     * behind can only show an exit late (counting too many open), never lose a position. Reading the slots still held
     * and the recent exits from two indexes would bound the read, but the two catch up separately, and a release
     * between them could be in neither.
     */
    @Override
    public List<CountedPosition> openAt(Signal signal) {
        List<CountedPosition> open = new ArrayList<>();
        for (Map<String, AttributeValue> item : db.queryPaginator(QueryRequest.builder().tableName(signalsTable)
                .indexName("ApprovalsByTime")
                .keyConditionExpression("approvalFeed = :approved")
                .expressionAttributeValues(Map.of(":approved", s(APPROVED)))
                .projectionExpression("signalId, marketTime, exitTime, underlying")
                .build()).items()) {
            String signalId = AttributeValues.string(item, "signalId");
            Optional<Instant> exitTime = AttributeValues.optionalString(item, "exitTime").map(Instant::parse);
            if (OpenPositionsAsOf.enteredBefore(Instant.parse(AttributeValues.string(item, "marketTime")), signalId,
                    signal) && OpenPositionsAsOf.stillOpenAt(exitTime.orElse(null), signal)) {
                open.add(new CountedPosition(signalId, underlying(item, signalId), exitTime));
            }
        }
        return open;
    }

    /**
     * Reads the exits of the counted positions the index showed undecided from the table itself, strongly consistently:
     * the index may not have caught up with an exit the position function has just recorded.
     */
    @Override
    public List<CountedPosition> confirmOpenAt(Signal signal, List<CountedPosition> counted) {
        // distinct: BatchGetItem refuses a request naming one key twice
        List<String> undecided = counted.stream().filter(CountedPosition::exitUndecided)
                .map(CountedPosition::signalId).distinct().toList();
        if (undecided.isEmpty()) {
            return counted;
        }
        Map<String, Instant> exits = new HashMap<>();
        for (Map<String, AttributeValue> item : consistentBatchGet(signalsTable, "signalId", undecided,
                "signalId, exitTime")) {
            AttributeValues.optionalString(item, "exitTime").ifPresent(exit -> exits.put(
                    AttributeValues.string(item, "signalId"), Instant.parse(exit)));
        }
        List<CountedPosition> open = new ArrayList<>();
        for (CountedPosition position : counted) {
            Instant exit = exits.get(position.signalId());
            if (exit == null || !position.exitUndecided()) {
                open.add(position);
            } else if (OpenPositionsAsOf.stillOpenAt(exit, signal)) {
                open.add(new CountedPosition(position.signalId(), position.underlying(), Optional.of(exit)));
            }
        }
        return open;
    }

    private String underlying(Map<String, AttributeValue> item, String signalId) {
        return AttributeValues.optionalString(item, "underlying")
                .orElseGet(() -> decisionFor(signalId).orElseThrow().signal().underlying());
    }

    @Override
    public Commit commit(Signal signal, LocalDate tradingDay, RiskDecision decision, RiskLimits limits,
                         List<Forward> pending, Optional<QueueArrival> arrival) {
        if (!decision.approved() && !pending.isEmpty()) {
            throw new IllegalArgumentException("a rejection of " + signal.id() + " cannot have forwards pending");
        }
        Map<String, AttributeValue> item = decisionItem(signal, tradingDay, decision, pending, arrival);
        String decidedOnce = "attribute_not_exists(signalId)";
        if (!decision.approved()) {
            try {
                db.putItem(PutItemRequest.builder().tableName(signalsTable).item(item)
                        .conditionExpression(decidedOnce).build());
                return Commit.RECORDED;
            } catch (ConditionalCheckFailedException duplicate) {
                return Commit.ALREADY_DECIDED;
            }
        }
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(signalsTable).item(item)
                            .conditionExpression(decidedOnce).build()).build(),
                    TransactWriteItem.builder().update(reserve(OPEN_POSITIONS_KEY, limits.maxOpenPositions())).build(),
                    TransactWriteItem.builder().update(reserve(approvedKey(tradingDay), limits.maxSignalsPerDay())).build())
                    .build());
            return Commit.RECORDED;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Commit.ALREADY_DECIDED;
            }
            for (CancellationReason reason : reasons) {
                if ("ConditionalCheckFailed".equals(reason.code())) {
                    return Commit.LIMIT_RACED;
                }
            }
            throw cancelled;
        }
    }

    @Override
    public void forwarded(String signalId, String forwardKey) {
        forwardedAll(signalId, List.of(forwardKey));
    }

    /**
     * One UpdateItem removes every key from {@code pendingForwards} (an approval's four forwards took four before).
     * When the keys are all that is pending (the usual case: every forward was sent), the same write takes the item
     * out of the sweep's index, on the condition that the set holds exactly those keys; otherwise (some still
     * pending, or the set changed meanwhile) the keys are removed alone and, when none is left, a second write takes
     * the item out of the index.
     */
    @Override
    public void forwardedAll(String signalId, Collection<String> forwardKeys) {
        if (forwardKeys.isEmpty()) {
            return;
        }
        if (forwardedAllAtOnce(signalId, new LinkedHashSet<>(forwardKeys))) {
            return;
        }
        Map<String, AttributeValue> after;
        try {
            after = db.updateItem(UpdateItemRequest.builder().tableName(signalsTable)
                    .key(Map.of("signalId", s(signalId)))
                    .updateExpression("DELETE pendingForwards :key")
                    .conditionExpression("attribute_exists(signalId)")
                    .expressionAttributeValues(Map.of(":key", AttributeValue.builder()
                            .ss(new LinkedHashSet<>(forwardKeys)).build()))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes();
        } catch (ConditionalCheckFailedException missing) {
            throw new IllegalArgumentException("no decision on record for " + signalId + " to mark " + forwardKeys + " sent");
        }
        if (after.containsKey("forwarding") && !after.containsKey("pendingForwards")) {
            // The last one: leave the sweep's index. Conditional, in case forwards were added meanwhile.
            try {
                db.updateItem(UpdateItemRequest.builder().tableName(signalsTable)
                        .key(Map.of("signalId", s(signalId)))
                        .updateExpression("REMOVE forwarding, forwardingSince")
                        .conditionExpression("attribute_not_exists(pendingForwards)")
                        .build());
            } catch (ConditionalCheckFailedException stillPending) {
                // Another forward is pending again; the item stays in the index, as it should.
            }
        }
    }

    /**
     * Removes {@code keys} and the index attributes in one write if {@code pendingForwards} is exactly {@code keys}:
     * a set of their size that contains each of them. False, with nothing changed, otherwise.
     */
    private boolean forwardedAllAtOnce(String signalId, Set<String> keys) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":keys", AttributeValue.builder().ss(keys).build());
        values.put(":size", n(keys.size()));
        StringBuilder condition = new StringBuilder("size(pendingForwards) = :size");
        int i = 0;
        for (String key : keys) {
            values.put(":k" + i, s(key));
            condition.append(" AND contains(pendingForwards, :k").append(i).append(')');
            i++;
        }
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(signalsTable)
                    .key(Map.of("signalId", s(signalId)))
                    .updateExpression("DELETE pendingForwards :keys REMOVE forwarding, forwardingSince")
                    .conditionExpression(condition.toString())
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException notExactlyThose) {
            return false;
        }
    }

    @Override
    public List<RecordedDecision> pendingForwardsDecidedBefore(Instant cutoff) {
        List<RecordedDecision> pending = new ArrayList<>();
        for (Map<String, AttributeValue> item : db.queryPaginator(QueryRequest.builder().tableName(signalsTable)
                .indexName("PendingForwards")
                .keyConditionExpression("forwarding = :pending AND forwardingSince < :cutoff")
                .expressionAttributeValues(Map.of(":pending", s(PENDING), ":cutoff", n(cutoff.toEpochMilli())))
                .build()).items()) {
            RecordedDecision decision = toRecordedDecision(item);
            if (!decision.pendingForwards().isEmpty()) {
                pending.add(decision);
            }
        }
        return pending;
    }

    @Override
    public Optional<Instant> approvedAt(String signalId) {
        return decisionFor(signalId).map(RecordedDecision::decision).filter(RiskDecision::approved)
                .map(RiskDecision::decidedAt);
    }

    /** The signals holding a slot (ids alone, projected): approved, their position not closed yet, or not even opened. */
    public List<String> held() {
        List<String> held = new ArrayList<>();
        for (Map<String, AttributeValue> item : db.queryPaginator(QueryRequest.builder().tableName(signalsTable)
                .indexName("OpenExposures")
                .keyConditionExpression("exposure = :open")
                .expressionAttributeValues(Map.of(":open", s("OPEN")))
                .projectionExpression("signalId")
                .build()).items()) {
            held.add(AttributeValues.string(item, "signalId"));
        }
        return held;
    }

    /** Approved signals whose position the position function has not closed yet, oldest first. */
    public List<Position> openExposures() {
        List<Position> open = new ArrayList<>();
        for (Map<String, AttributeValue> item : db.queryPaginator(QueryRequest.builder().tableName(signalsTable)
                .indexName("OpenExposures")
                .keyConditionExpression("exposure = :open")
                .expressionAttributeValues(Map.of(":open", s("OPEN")))
                .build()).items()) {
            open.add(Position.intendedBy(json.read(AttributeValues.string(item, "signal"), Signal.class)));
        }
        return open;
    }

    @Override
    public boolean release(PositionExit exit) {
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(signalsTable)
                            .key(Map.of("signalId", s(exit.signalId())))
                            .updateExpression("REMOVE exposure SET exitReason = :reason, exitPrice = :price, exitTime = :time")
                            .conditionExpression("attribute_exists(exposure)")
                            .expressionAttributeValues(Map.of(":reason", s(exit.reason().name()),
                                    ":price", n(exit.price()), ":time", s(exit.time().toString())))
                            .build()).build(),
                    openPositionsDecrement())
                    .build());
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;
            }
            throw cancelled;
        }
    }

    /**
     * Like {@link #release}, for an approval whose order was never filled: {@code exitReason} ORDER_REJECTED and
     * {@code exitTime} the signal's market time, so {@link #openAt} never counts it open after its own signal.
     */
    @Override
    public boolean releaseUnfilled(String signalId, Instant at) {
        try {
            db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(signalsTable)
                            .key(Map.of("signalId", s(signalId)))
                            .updateExpression("REMOVE exposure SET exitReason = :reason, exitTime = :time")
                            .conditionExpression("attribute_exists(exposure)")
                            .expressionAttributeValues(Map.of(":reason", s(ORDER_REJECTED), ":time", s(at.toString())))
                            .build()).build(),
                    openPositionsDecrement())
                    .build());
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;
            }
            throw cancelled;
        }
    }

    private TransactWriteItem openPositionsDecrement() {
        return TransactWriteItem.builder().update(Update.builder().tableName(controlTable)
                .key(Map.of("controlKey", s(OPEN_POSITIONS_KEY)))
                .updateExpression("ADD #c :minusOne")
                .conditionExpression("#c > :zero")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":minusOne", n(-1), ":zero", n(0)))
                .build()).build();
    }

    public KillSwitch killSwitch() {
        return killSwitch(db.getItem(GetItemRequest.builder().tableName(controlTable)
                .key(Map.of("controlKey", s(KILL_SWITCH_KEY))).consistentRead(true).build()).item());
    }

    private static KillSwitch killSwitch(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return KillSwitch.released();
        }
        return new KillSwitch(AttributeValues.boolValue(item, "halted"),
                AttributeValues.optionalString(item, "reason").orElse(""),
                AttributeValues.optionalString(item, "changedBy").orElse("unknown"),
                Instant.parse(AttributeValues.string(item, "changedAt")));
    }

    public void setKillSwitch(KillSwitch killSwitch) {
        db.putItem(PutItemRequest.builder().tableName(controlTable).item(Map.of(
                "controlKey", s(KILL_SWITCH_KEY),
                "halted", bool(killSwitch.halted()),
                "reason", s(killSwitch.reason()),
                "changedBy", s(killSwitch.changedBy()),
                "changedAt", s(killSwitch.changedAt().toString()))).build());
    }

    /** Every recorded decision, in market-time order (a full scan: for reports, not hot paths). */
    public List<RecordedDecision> allDecisions() {
        List<RecordedDecision> decisions = new ArrayList<>();
        db.scanPaginator(ScanRequest.builder().tableName(signalsTable).consistentRead(true).build())
                .items().forEach(item -> decisions.add(toRecordedDecision(item)));
        decisions.sort(Comparator.comparing((RecordedDecision d) -> d.signal().marketTime())
                .thenComparing(d -> d.signal().id()));
        return decisions;
    }

    /**
     * SQS's stamps of every decided signal's message (signal id → sent and first received), for reports such as the
     * latency bench (a full scan of three attributes, not for hot paths). Decisions made without a queue are absent.
     */
    public Map<String, QueueArrival> queueArrivals() {
        Map<String, QueueArrival> arrivals = new HashMap<>();
        db.scanPaginator(ScanRequest.builder().tableName(signalsTable).consistentRead(true)
                        .projectionExpression("signalId, signalSentAt, signalReceivedAt").build())
                .items().forEach(item -> {
                    if (item.containsKey("signalSentAt") && item.containsKey("signalReceivedAt")) {
                        arrivals.put(AttributeValues.string(item, "signalId"), new QueueArrival(
                                Instant.ofEpochMilli(AttributeValues.longValue(item, "signalSentAt", 0)),
                                Instant.ofEpochMilli(AttributeValues.longValue(item, "signalReceivedAt", 0))));
                    }
                });
        return arrivals;
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while DynamoDB throttled the risk state read", e);
        }
    }

    private static long count(Map<String, AttributeValue> item) {
        return item == null ? 0 : AttributeValues.longValue(item, "count", 0);
    }

    private Update reserve(String key, int limit) {
        return Update.builder().tableName(controlTable)
                .key(Map.of("controlKey", s(key)))
                .updateExpression("ADD #c :one")
                .conditionExpression("attribute_not_exists(#c) OR #c < :limit")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit)))
                .build();
    }

    private Map<String, AttributeValue> decisionItem(Signal signal, LocalDate tradingDay, RiskDecision decision,
                                                     List<Forward> pending, Optional<QueueArrival> arrival) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("signalId", s(signal.id()));
        item.put("tradingDay", s(tradingDay.toString()));
        item.put("marketTime", s(signal.marketTime().toString()));
        item.put("strategy", s(signal.strategy()));
        item.put("instrument", s(signal.instrument()));
        item.put("underlying", s(signal.underlying()));
        item.put("signal", s(json.write(signal)));
        item.put("approved", bool(decision.approved()));
        item.put("reasons", strings(decision.reasons()));
        item.put("decidedAt", s(decision.decidedAt().toString()));
        // SQS's own stamps of the signal's message (epoch ms): the worker -> risk check hop, read by the latency bench.
        arrival.ifPresent(a -> {
            item.put("signalSentAt", n(a.sentAt().toEpochMilli()));
            item.put("signalReceivedAt", n(a.receivedAt().toEpochMilli()));
        });
        if (decision.approved()) {
            item.put("exposure", s("OPEN"));
            item.put(APPROVAL_FEED, s(APPROVED));
            item.put("approvedAt", n(decision.decidedAt().toEpochMilli()));
        }
        if (!pending.isEmpty()) {
            item.put("pendingForwards", AttributeValue.builder().ss(pending.stream().map(Forward::key).distinct().toList()).build());
            item.put("forwarding", s(PENDING));
            item.put("forwardingSince", n(decision.decidedAt().toEpochMilli()));
        }
        return item;
    }

    private RecordedDecision toRecordedDecision(Map<String, AttributeValue> item) {
        Signal signal = json.read(AttributeValues.string(item, "signal"), Signal.class);
        RiskDecision decision = new RiskDecision(signal.id(), AttributeValues.boolValue(item, "approved"),
                AttributeValues.stringList(item, "reasons"), Instant.parse(AttributeValues.string(item, "decidedAt")));
        AttributeValue pending = item.get("pendingForwards");
        Set<String> pendingForwards = pending == null || !pending.hasSs() ? Set.of() : new LinkedHashSet<>(pending.ss());
        return new RecordedDecision(signal, LocalDate.parse(AttributeValues.string(item, "tradingDay")), decision,
                pendingForwards);
    }

    private static String approvedKey(LocalDate tradingDay) {
        return "approved#" + tradingDay;
    }
}
