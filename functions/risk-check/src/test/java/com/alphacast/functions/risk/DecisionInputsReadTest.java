package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.approval.CountedPosition;
import com.alphacast.core.usecase.approval.DecisionInputs;
import com.alphacast.core.usecase.approval.RiskLedger;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@link DynamoRiskLedger#inputsFor} on the local cloud's tables: an undecided signal gets the open positions and the
 * day's state as the reads give them one by one, the Query made on the caller's thread and the other two reads on the
 * ledger's executor; a decision on record is returned even when another read fails; otherwise a failed read fails the
 * call with its own exception, any other failure attached. Its own stack, so no other test class holds a slot.
 */
class DecisionInputsReadTest {

    private static final LocalDate TRADING_DAY = LocalDate.parse("2011-08-01");
    private static final RiskLimits LIMITS = new RiskLimits(5, 5, 3, 1.5, 60);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private static Signal signal(String id, Instant marketTime) {
        return new Signal(id, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1305.0, 1300.5, 1, 0.7, "test",
                marketTime, marketTime);
    }

    /** Remembers the thread each DynamoDB operation was called on. */
    private static final class CallingThreads implements ExecutionInterceptor {
        final Map<String, String> byOperation = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            byOperation.put(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    Thread.currentThread().getName());
        }
    }

    private static DynamoDbClient watched(LocalCloud cloud, CallingThreads threads) {
        return new AwsClients(cloud.functionEnvironment("RiskCheckFunction"), List.of(threads)).dynamoDb();
    }

    @Test
    void queriesThePositionsOnTheCallersThreadWhileTheDecisionAndStateAreReadOnTheExecutor(LocalCloud cloud) {
        CallingThreads threads = new CallingThreads();
        DynamoRiskLedger ledger = new DynamoRiskLedger(watched(cloud, threads), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec(), POOL);
        Instant entry = Instant.parse("2011-07-31T22:29:00Z");
        Signal held = signal("volume-spike:ESU1:2011-07-31T22:29:00Z", entry);
        assertThat(ledger.commit(held, TRADING_DAY, RiskDecision.approve(held.id(), entry.plusSeconds(1)), LIMITS,
                List.of())).isEqualTo(RiskLedger.Commit.RECORDED);
        try {
            Signal next = signal("volume-spike:ESU1:2011-07-31T22:31:00Z", entry.plusSeconds(120));
            threads.byOperation.clear();

            DecisionInputs inputs = ledger.inputsFor(next, TRADING_DAY);
            Map<String, String> calledOn = Map.copyOf(threads.byOperation);

            assertThat(inputs).isInstanceOfSatisfying(DecisionInputs.Undecided.class, undecided -> {
                assertThat(undecided.open()).containsExactly(new CountedPosition(held.id(), "ES", Optional.empty()));
                assertThat(undecided.state()).isEqualTo(ledger.state(TRADING_DAY));
                assertThat(undecided.state().openPositions()).isEqualTo(1);
                assertThat(undecided.state().approvedToday()).isEqualTo(1);
            });
            String caller = Thread.currentThread().getName();
            assertThat(calledOn).containsOnlyKeys("Query", "GetItem", "BatchGetItem").containsEntry("Query", caller);
            assertThat(calledOn.get("GetItem")).isNotEqualTo(caller);
            assertThat(calledOn.get("BatchGetItem")).isNotEqualTo(caller);
        } finally {
            ledger.release(new PositionExit(held.id(), ExitReason.TARGET, 1300.5, entry.plusSeconds(30)));
        }
    }

    @Test
    void aDecisionOnRecordIsReturnedEvenWhenAnotherReadFails(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec(), POOL);
        Instant entry = Instant.parse("2011-08-01T14:00:00Z");
        Signal decided = signal("volume-spike:ESU1:2011-08-01T14:00:00Z", entry);
        ledger.commit(decided, TRADING_DAY, RiskDecision.reject(decided.id(), List.of("test"), entry), LIMITS,
                List.of());
        // The same signals table, but a control table that is not there: the state read fails.
        DynamoRiskLedger withoutControl = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                "no-such-control-table", new JsonCodec(), POOL);

        DecisionInputs inputs = withoutControl.inputsFor(decided, TRADING_DAY);

        assertThat(inputs).isInstanceOfSatisfying(DecisionInputs.Recorded.class, recorded -> {
            assertThat(recorded.decision().signal()).isEqualTo(decided);
            assertThat(recorded.decision().decision().approved()).isFalse();
        });
    }

    @Test
    void aReadThatFailsOnTheExecutorFailsTheCallWithItsOwnException(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                "no-such-control-table", new JsonCodec(), POOL);

        assertThatThrownBy(() -> ledger.inputsFor(signal("any", Instant.parse("2011-08-01T14:00:00Z")), TRADING_DAY))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(failure -> assertThat(failure.getSuppressed()).isEmpty());
    }

    @Test
    void whenEveryReadFailsTheQuerysFailureIsThrownWithTheOthersAttached(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), "no-such-signals-table",
                "no-such-control-table", new JsonCodec(), POOL);

        assertThatThrownBy(() -> ledger.inputsFor(signal("any", Instant.parse("2011-08-01T14:00:00Z")), TRADING_DAY))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(failure -> assertThat(failure.getSuppressed()).hasSize(2)
                        .allMatch(ResourceNotFoundException.class::isInstance));
    }
}
