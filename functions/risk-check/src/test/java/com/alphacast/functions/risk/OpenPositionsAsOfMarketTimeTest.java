package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.approval.CountedPosition;
import com.alphacast.core.usecase.approval.RiskLedger;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DynamoRiskLedger#openAt} on the local cloud's tables: a position counts as open at a signal's market time
 * from its own market time until its recorded exit time, however early the position function released it; and
 * {@link DynamoRiskLedger#confirmOpenAt} reads the exits an index has not caught up with from the table itself.
 * Its own stack, so no other test class holds a slot.
 */
class OpenPositionsAsOfMarketTimeTest {

    private static final Instant ENTRY = Instant.parse("2011-07-31T22:29:00Z");
    private static final Instant STOPPED_OUT = Instant.parse("2011-07-31T22:38:00Z");
    private static final LocalDate TRADING_DAY = LocalDate.parse("2011-08-01");

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private static Signal signal(String id, Instant marketTime) {
        return new Signal(id, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1305.0, 1300.5, 1, 0.7, "test",
                marketTime, marketTime);
    }

    @Test
    void positionStoppedOutLaterStillCountsAsOpenForAnEarlierSignal(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec());
        Signal first = signal("volume-spike:ESU1:2011-07-31T22:29:00Z", ENTRY);
        assertThat(ledger.commit(first, TRADING_DAY, new RiskDecision(first.id(), true, List.of(), ENTRY.plusSeconds(1)),
                new RiskLimits(1, 5, 3, 1.5, 60), List.of())).isEqualTo(RiskLedger.Commit.RECORDED);
        // The position function has already stopped it out at the 22:38 bar, before the 22:31 signal is decided.
        assertThat(ledger.release(new PositionExit(first.id(), ExitReason.STOP, 1305.0, STOPPED_OUT))).isTrue();

        assertThat(ledger.openAt(signal("before", ENTRY.minusSeconds(60)))).isEmpty();
        // Counted with its exit, which is decided: nothing for the risk check to wait for.
        assertThat(ledger.openAt(signal("while-open", Instant.parse("2011-07-31T22:31:00Z"))))
                .containsExactly(new CountedPosition(first.id(), "ES", Optional.of(STOPPED_OUT)));
        assertThat(ledger.openAt(signal("at-the-exit", STOPPED_OUT))).isEmpty();
        // The wall-clock counter was given back all the same: only the decision's view is as of market time.
        assertThat(ledger.state(TRADING_DAY).openPositions()).isZero();
    }

    @Test
    void approvalRecordedBeforeItsUnderlyingWasStoredIsCountedOnItsSignalsUnderlying(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec());
        Instant entry = Instant.parse("2011-08-01T14:00:00Z");
        Signal older = new Signal("volume-spike:NQU1:2011-08-01T14:00:00Z", "volume-spike", "NQ", "NQU1",
                Direction.LONG, 2300.0, 2290.0, 2320.0, 1, 0.7, "test", entry, entry);
        ledger.commit(older, LocalDate.parse("2011-08-02"), new RiskDecision(older.id(), true, List.of(),
                entry.plusSeconds(1)), new RiskLimits(5, 5, 3, 1.5, 60), List.of());
        // As an item written by the release before this one looks.
        cloud.dynamoDb().updateItem(UpdateItemRequest.builder().tableName(cloud.tableName("SignalsTable"))
                .key(Map.of("signalId", AttributeValue.fromS(older.id()))).updateExpression("REMOVE underlying").build());

        try {
            assertThat(ledger.openAt(signal("next", entry.plusSeconds(60))))
                    .contains(new CountedPosition(older.id(), "NQ", Optional.empty()));
        } finally {
            // The stack is shared with the other test, which needs every slot free.
            ledger.release(new PositionExit(older.id(), ExitReason.TARGET, 2320.0, entry.plusSeconds(30)));
        }
    }

    @Test
    void exitsInTheSignalsOwnSecondAreJudgedToTheMillisecond(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec());
        Instant entry = Instant.parse("2011-08-02T14:00:00Z");
        Signal half = signal("volume-spike:ESU1:2011-08-02T14:00:00Z", entry);
        Signal whole = signal("volume-spike:ESU1:2011-08-02T14:00:00.001Z", entry.plusMillis(1));
        RiskLimits limits = new RiskLimits(5, 5, 3, 1.5, 60);
        ledger.commit(half, LocalDate.parse("2011-08-03"), RiskDecision.approve(half.id(), entry), limits, List.of());
        ledger.commit(whole, LocalDate.parse("2011-08-03"), RiskDecision.approve(whole.id(), entry), limits, List.of());
        // Stored as ISO-8601 text: "14:05:00.500Z" sorts before "14:05:00Z", though it is later.
        ledger.release(new PositionExit(half.id(), ExitReason.STOP, 1305.0, Instant.parse("2011-08-02T14:05:00.500Z")));
        ledger.release(new PositionExit(whole.id(), ExitReason.STOP, 1305.0, Instant.parse("2011-08-02T14:05:00Z")));

        assertThat(ledger.openAt(signal("just-before", Instant.parse("2011-08-02T14:04:59.999Z"))))
                .extracting(CountedPosition::signalId).containsExactlyInAnyOrder(half.id(), whole.id());
        assertThat(ledger.openAt(signal("on-the-second", Instant.parse("2011-08-02T14:05:00Z"))))
                .extracting(CountedPosition::signalId).containsExactly(half.id());
        assertThat(ledger.openAt(signal("in-between", Instant.parse("2011-08-02T14:05:00.250Z"))))
                .extracting(CountedPosition::signalId).containsExactly(half.id());
        assertThat(ledger.openAt(signal("at-the-half", Instant.parse("2011-08-02T14:05:00.500Z")))).isEmpty();
    }

    @Test
    void positionsAnIndexStillShowsUndecidedAreConfirmedFromTheTableItself(LocalCloud cloud) {
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec());
        Instant entry = Instant.parse("2011-08-03T14:00:00Z");
        Instant decided = Instant.parse("2011-08-03T15:00:00Z");
        RiskLimits limits = new RiskLimits(500, 500, 3, 1.5, 60);
        // More than one BatchGetItem holds (100 keys): every chunk must be read.
        List<Signal> approved = new java.util.ArrayList<>();
        for (int i = 0; i < 130; i++) {
            Signal s = signal(String.format("volume-spike:ESU1:2011-08-03T14:00:00.%03dZ", i), entry.plusMillis(i));
            assertThat(ledger.commit(s, LocalDate.parse("2011-08-04"), RiskDecision.approve(s.id(), entry), limits,
                    List.of())).isEqualTo(RiskLedger.Commit.RECORDED);
            approved.add(s);
        }
        try {
            // What an index a moment behind the exits below would still show: every position undecided.
            List<CountedPosition> lagging = approved.stream()
                    .map(s -> new CountedPosition(s.id(), "ES", Optional.empty())).toList();
            Instant closedBefore = decided.minusSeconds(60);
            Instant closedAfter = decided.plusSeconds(60);
            for (int i = 0; i < 130; i += 2) { // the even ones closed before the signal
                ledger.release(new PositionExit(approved.get(i).id(), ExitReason.TARGET, 1300.5, closedBefore));
            }
            ledger.release(new PositionExit(approved.get(129).id(), ExitReason.STOP, 1305.0, closedAfter));

            List<CountedPosition> confirmed = ledger.confirmOpenAt(signal("next", decided), lagging);

            assertThat(confirmed).hasSize(65).extracting(CountedPosition::signalId)
                    .allMatch(id -> Integer.parseInt(id.substring(id.length() - 4, id.length() - 1)) % 2 == 1);
            // Closed after the signal: still counted, now with its exit (nothing left to wait for).
            assertThat(confirmed).contains(new CountedPosition(approved.get(129).id(), "ES", Optional.of(closedAfter)))
                    .filteredOn(CountedPosition::exitUndecided).hasSize(64);
        } finally {
            // The stack is shared with the other tests, which need every slot free.
            for (Signal s : approved) {
                ledger.release(new PositionExit(s.id(), ExitReason.TARGET, 1300.5, entry.plusSeconds(30)));
            }
        }
    }
}
