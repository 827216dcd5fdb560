package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@link DynamoRiskLedger#inputsFor} on the local cloud's tables: the decision on record, the open positions and the
 * day's state come back as the three reads give them one by one, two of them made on the ledger's executor while the
 * caller queries the positions; a read that fails fails the call with its own exception. Its own stack, so no other
 * test class holds a slot.
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

    /** Runs every read on {@link #POOL} and remembers the threads it ran them on. */
    private static final class WatchedReads implements Executor {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        int submitted;

        @Override
        public synchronized void execute(Runnable read) {
            submitted++;
            POOL.execute(() -> {
                threads.add(Thread.currentThread().getName());
                read.run();
            });
        }
    }

    @Test
    void readsTheOpenPositionsOnTheCallersThreadAndTheDecisionAndStateOnTheExecutor(LocalCloud cloud) {
        WatchedReads reads = new WatchedReads();
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec(), reads);
        Instant entry = Instant.parse("2011-07-31T22:29:00Z");
        Signal held = signal("volume-spike:ESU1:2011-07-31T22:29:00Z", entry);
        assertThat(ledger.commit(held, TRADING_DAY, RiskDecision.approve(held.id(), entry.plusSeconds(1)), LIMITS,
                List.of())).isEqualTo(RiskLedger.Commit.RECORDED);
        try {
            Signal next = signal("volume-spike:ESU1:2011-07-31T22:31:00Z", entry.plusSeconds(120));

            DecisionInputs inputs = ledger.inputsFor(next, TRADING_DAY);

            assertThat(inputs.recorded()).isEmpty();
            assertThat(inputs.open()).containsExactly(new CountedPosition(held.id(), "ES", Optional.empty()));
            assertThat(inputs.state()).isEqualTo(ledger.state(TRADING_DAY));
            assertThat(inputs.state().openPositions()).isEqualTo(1);
            assertThat(inputs.state().approvedToday()).isEqualTo(1);
            assertThat(reads.submitted).isEqualTo(2);
            assertThat(reads.threads).doesNotContain(Thread.currentThread().getName());

            DecisionInputs redelivered = ledger.inputsFor(held, TRADING_DAY);

            assertThat(redelivered.recorded()).hasValueSatisfying(recorded -> {
                assertThat(recorded.signal()).isEqualTo(held);
                assertThat(recorded.decision().approved()).isTrue();
            });
        } finally {
            ledger.release(new PositionExit(held.id(), ExitReason.TARGET, 1300.5, entry.plusSeconds(30)));
        }
    }

    @Test
    void aReadThatFailsOnTheExecutorFailsTheCallWithItsOwnException(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                "no-such-control-table", new JsonCodec(), POOL);

        assertThatThrownBy(() -> ledger.inputsFor(signal("any", Instant.parse("2011-08-01T14:00:00Z")), TRADING_DAY))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
