package com.alphacast.functions;

import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs, before SnapStart takes a function's snapshot, the code its first invocation would otherwise load and
 * compile after every restore: the queue message codec, and one DynamoDB request (protocol marshalling,
 * endpoint rules, SigV4 signing, the HTTP client) as a {@code DescribeTable} of a table the function reads,
 * which its {@code DynamoDBReadPolicy} allows and which changes nothing.
 *
 * <p>Registered with the CRaC global context; on a JVM without CRaC (the local cloud, tests, plain Lambda
 * without SnapStart) registering does nothing and no request is made.
 */
public final class SnapStartPriming implements Resource {

    private static final Signal SAMPLE = new Signal("snapstart-priming", "priming", "ES", "ESU1", Direction.LONG,
            1294.5, 1292.25, 1299.0, 1, 0.5, "priming", Instant.EPOCH, Instant.EPOCH);

    private final FunctionResources resources;
    private final String table;

    /** {@code tableVariable}: the environment variable naming a table the function may read. */
    public SnapStartPriming(FunctionResources resources, String tableVariable) {
        this.resources = resources;
        this.table = resources.require(tableVariable);
    }

    /** Registers with the CRaC global context (which holds resources weakly: keep the returned reference). */
    public SnapStartPriming register() {
        Core.getGlobalContext().register(this);
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
     * The priming itself. A refused request still primed most of the path, so it does not stop the snapshot;
     * it is logged with its reason.
     */
    void prime() {
        resources.json().read(resources.json().write(SAMPLE), Signal.class);
        try {
            resources.dynamoDb().describeTable(request -> request.tableName(table));
        } catch (SdkException refused) {
            System.err.println("SnapStart priming: DescribeTable " + table + " failed, snapshot taken anyway: "
                    + refused.getMessage());
        }
    }
}
