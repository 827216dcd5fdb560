package com.alphacast.functions;

import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Runs, before the first event, the code a function's first invocation would otherwise load and compile: the queue
 * message codec, one DynamoDB request (protocol marshalling, endpoint rules, SigV4 signing, the HTTP client) as a
 * {@code DescribeTable} of a table the function reads, and the function's own read path (the handler's
 * {@code readPath}: the GetItem, Query and BatchGetItem requests every invocation makes, for keys that do not exist,
 * so nothing changes), and the write requests (PutItem, UpdateItem, TransactWriteItems) on that table with a condition
 * no item can meet, so DynamoDB refuses each and writes nothing; and, for every queue the handler says it sends to, a
 * SendMessageBatch with no entries: SQS refuses it ({@code EmptyBatchRequest}; the local cloud's ElasticMQ accepts it
 * and sends nothing), after the SDK's whole SQS request path has run. Only queues the function may send to: one it
 * only receives from would answer AccessDenied on AWS. Priming is worth it
 * only where initialization runs ahead of traffic:
 * <ul>
 *   <li>{@code AWS_LAMBDA_INITIALIZATION_TYPE} {@code snap-start} (Lambda initializes a published version before its
 *   snapshot) or {@code provisioned-concurrency} (initialized before it is invoked): primed in the constructor, so the
 *   snapshot, or the provisioned environment, holds the loaded classes. The local cloud, which builds every function
 *   when the stack starts, sets {@code snap-start} for the functions whose template enables SnapStart on their alias;</li>
 *   <li>otherwise the hook is registered with the CRaC global context, as SnapStart's runtime hooks are; on a JVM
 *   without CRaC (tests, on-demand Lambda) that does nothing and no request is made: an on-demand cold start would
 *   only pay for it before its first event.</li>
 * </ul>
 * One pass loads the classes but leaves them interpreted: the JIT compiles a method only after some hundreds of calls.
 * {@code SNAPSTART_PRIMING_ROUNDS} (default 1) repeats the read path that many times, so the snapshot (or, on the local
 * cloud, the JVM every function shares) holds compiled code for it.
 */
public final class SnapStartPriming implements Resource {

    private static final Signal SAMPLE = new Signal("snapstart-priming", "priming", "ES", "ESU1", Direction.LONG,
            1294.5, 1292.25, 1299.0, 1, 0.5, "priming", Instant.EPOCH, Instant.EPOCH);

    /** Initialization types in which init runs before any event arrives. */
    private static final Set<String> AHEAD_OF_TRAFFIC = Set.of("snap-start", "provisioned-concurrency");
    static final String ROUNDS_VARIABLE = "SNAPSTART_PRIMING_ROUNDS";
    private static final int MAX_ROUNDS = 10_000;

    private final FunctionResources resources;
    private final String table;
    private final Runnable readPath;
    private final List<String> sendQueues;
    private final int rounds;

    /** {@code tableVariable}: the environment variable naming a table the function may read. */
    public SnapStartPriming(FunctionResources resources, String tableVariable) {
        this(resources, tableVariable, () -> { });
    }

    /** {@code readPath}: the function's own reads, for keys that do not exist (it must change nothing). */
    public SnapStartPriming(FunctionResources resources, String tableVariable, Runnable readPath) {
        this(resources, tableVariable, readPath, List.of());
    }

    /** {@code sendQueueVariables}: the variables naming the queues the function sends to. */
    public SnapStartPriming(FunctionResources resources, String tableVariable, Runnable readPath,
                            List<String> sendQueueVariables) {
        this.resources = resources;
        this.table = resources.require(tableVariable);
        this.readPath = readPath;
        this.sendQueues = sendQueueVariables.stream().map(resources::require).toList();
        this.rounds = rounds(resources.environment().getOrDefault(ROUNDS_VARIABLE, "1"));
    }

    private static int rounds(String value) {
        int rounds;
        try {
            rounds = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(ROUNDS_VARIABLE + " must be a whole number, was '" + value + "'");
        }
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalStateException(ROUNDS_VARIABLE + " must be within 1.." + MAX_ROUNDS + ", was " + rounds);
        }
        return rounds;
    }

    /** How many times {@link #prime()} runs the read path. */
    public int rounds() {
        return rounds;
    }

    /** Whether this execution environment is initialized before any event reaches it. */
    public boolean initializedAheadOfTraffic() {
        return AHEAD_OF_TRAFFIC.contains(resources.environment().getOrDefault("AWS_LAMBDA_INITIALIZATION_TYPE", ""));
    }

    /**
     * Primes now when initialization runs ahead of traffic; otherwise registers with the CRaC global context (which
     * holds resources weakly: keep the returned reference).
     */
    public SnapStartPriming register() {
        if (initializedAheadOfTraffic()) {
            prime();
        } else {
            Core.getGlobalContext().register(this);
        }
        return this;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    /** Nothing to refresh: clients resolve credentials per request and reopen connections as needed. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
    }

    /**
     * The priming itself, {@link #rounds()} times. A refused request still primed most of the path, so it does not
     * stop the snapshot; it is logged with its reason, once, and ends the priming (the next rounds would fail alike).
     */
    void prime() {
        boolean writes = true;
        List<String> queues = new ArrayList<>(sendQueues);
        for (int round = 0; round < rounds; round++) {
            resources.json().read(resources.json().write(SAMPLE), Signal.class);
            queues.removeIf(url -> !emptySend(url));
            try {
                TableDescription description = resources.dynamoDb().describeTable(request -> request.tableName(table))
                        .table();
                readPath.run();
                if (writes) {
                    writes = refusedWrites(description);
                }
            } catch (RuntimeException refused) {
                System.err.println("priming: a read on " + table + ", the function's read path or a refused write"
                        + " failed, initialization goes on without the rest of the priming: " + refused);
                return;
            }
        }
    }

    /**
     * A SendMessageBatch with no entries to {@code url}: nothing can be sent. False, logged, when it was answered
     * otherwise than expected, so it is not sent again.
     */
    private boolean emptySend(String url) {
        try {
            resources.sqs().sendMessageBatch(request -> request.queueUrl(url).entries(List.of()));
            return true;
        } catch (EmptyBatchRequestException refused) {
            return true; // As intended.
        } catch (SqsException refused) {
            String code = refused.awsErrorDetails() == null ? null : refused.awsErrorDetails().errorCode();
            if (code != null && code.contains("EmptyBatchRequest")) {
                return true; // As intended, under the error code of SQS's query protocol.
            }
            logUnexpected(url, refused);
            return false;
        } catch (RuntimeException unexpected) {
            logUnexpected(url, unexpected);
            return false;
        }
    }

    private static void logUnexpected(String url, RuntimeException e) {
        System.err.println("priming: the empty SendMessageBatch to " + url + " was not refused as expected, that queue"
                + " is not primed: " + e);
    }

    /**
     * A put, an update and a transaction on a key on no record, each conditioned on the key both existing and not
     * existing: DynamoDB refuses every one (whatever the table holds) after running the whole write path, and writes
     * nothing.
     */
    private boolean refusedWrites(TableDescription description) {
        Map<String, AttributeValue> key = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        description.attributeDefinitions().forEach(d -> types.put(d.attributeName(), d.attributeTypeAsString()));
        description.keySchema().forEach(k -> key.put(k.attributeName(), absentValue(types.get(k.attributeName()))));
        String partitionKey = description.keySchema().get(0).attributeName();
        Map<String, String> names = Map.of("#k", partitionKey, "#p", "primedAt");
        Map<String, AttributeValue> values = Map.of(":p", AttributeValue.fromN("0"));
        String never = "attribute_exists(#k) AND attribute_not_exists(#k)";
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("primedAt", AttributeValue.fromN("0"));
        DynamoDbClient db = resources.dynamoDb();
        try {
            return refusedWrites(db, key, item, partitionKey, names, values, never);
        } catch (RuntimeException denied) {
            // A function whose role may only read this table (AccessDenied on AWS): it primes its reads alone.
            System.err.println("priming: the refused writes on " + table + " were not answered with a condition"
                    + " failure, priming reads only: " + denied);
            return false;
        }
    }

    private boolean refusedWrites(DynamoDbClient db, Map<String, AttributeValue> key, Map<String, AttributeValue> item,
                                  String partitionKey, Map<String, String> names, Map<String, AttributeValue> values,
                                  String never) {
        try {
            db.putItem(b -> b.tableName(table).item(item).conditionExpression(never).expressionAttributeNames(
                    Map.of("#k", partitionKey)));
        } catch (ConditionalCheckFailedException refused) {
            // As intended.
        }
        try {
            db.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #p = :p").conditionExpression(never)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException refused) {
            // As intended.
        }
        try {
            db.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(Update.builder()
                    .tableName(table).key(key).updateExpression("SET #p = :p").conditionExpression(never)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build()).build()));
        } catch (TransactionCanceledException refused) {
            // As intended.
        }
        return true;
    }

    private static AttributeValue absentValue(String type) {
        return switch (type == null ? "S" : type) {
            case "N" -> AttributeValue.fromN("-1");
            case "B" -> AttributeValue.fromB(SdkBytes.fromUtf8String(SAMPLE.id()));
            default -> AttributeValue.fromS(SAMPLE.id() + "#absent");
        };
    }

    /** The sample signal the codec is primed with, for a handler's read path (its id is on no record). */
    public static Signal sample() {
        return SAMPLE;
    }
}
