package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Position;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.junit.TemporaryHome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An order the broker refuses gives its risk slot back, on the real template with ONE position slot
 * (one-slot-config/demo.yaml): the refused signal's order is recorded as rejected, no position is left for it,
 * and the next signal on the same instrument is approved and filled, which it could not be if the refused one still
 * held the slot.
 */
class RefusedOrderIT {

    private static final Duration IDLE = Duration.ofSeconds(60);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .parameter("ExitCheckWaitSeconds", "0")
            .onlyFunctions("RiskCheckFunction", "OrderFunction", "PositionExitFunction", "DistributionFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", PipelineFixtures.oneSlotConfig().toString())
            .functionEnvironment("ALPHACAST_HOME", TemporaryHome.create("alphacast-refused-order-test").toString())
            .build();

    private final JsonCodec json = new JsonCodec();

    private static Signal shortEs(Instant barEnd) {
        return new Signal("volume-spike:ESU1:" + barEnd, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1305.0,
                1300.5, 1, 0.66, "volume 3x", barEnd, Instant.now());
    }

    @Test
    void refusedOrderGivesItsSlotBackSoTheNextSignalOnTheInstrumentIsApproved(LocalCloud cloud) {
        DynamoRiskLedger risk = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json);
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        Instant refusedAt = Instant.parse("2011-07-31T22:05:00Z");
        Instant nextAt = Instant.parse("2011-07-31T22:10:00Z");
        // The market is stored from 22:09 on only: the paper broker has no price at or before 22:05 to fill at.
        Bar bar = new Bar("ES", nextAt.minusSeconds(60).toEpochMilli(), nextAt.toEpochMilli(), 1305.0, 1305.25,
                1303.25, 1303.5, 1092, 140);
        new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1))
                .put(new MarketSnapshot(bar, Instant.now()));
        Signal refused = shortEs(refusedAt);
        Signal next = shortEs(nextAt);

        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId("signals")
                .messageDeduplicationId(refused.id()).messageBody(json.write(refused)));
        cloud.awaitIdle(IDLE);
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId("signals")
                .messageDeduplicationId(next.id()).messageBody(json.write(next)));
        cloud.awaitIdle(IDLE);

        assertThat(risk.decisionFor(refused.id())).hasValueSatisfying(d -> assertThat(d.decision().approved()).isTrue());
        assertThat(trading.rejections()).containsOnlyKeys(refused.id());
        assertThat(trading.rejections().get(refused.id())).contains("refused by paper").contains("no market snapshot for ES");
        RecordedDecision decision = risk.decisionFor(next.id()).orElseThrow();
        assertThat(decision.decision().approved()).as("%s", decision.decision().reasons()).isTrue();
        assertThat(trading.executions()).extracting(e -> e.order().orderId()).containsExactly(next.id());
        // The positions table and the risk ledger agree: one position, the next signal's, holds the one slot.
        assertThat(trading.openPositions()).extracting(Position::signalId).containsExactly(next.id());
        assertThat(risk.held()).containsExactly(next.id());
        assertThat(risk.state(decision.tradingDay()).openPositions()).isEqualTo(1);
        assertThat(cloud.deadLetterCount("OrdersQueue")).isZero();
    }
}
