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
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An order whose attempts all crash reaches OrdersDeadLetterQueue holding its risk slot; the order function, on that
 * queue too, records it REJECTED and gives the slot back, once however often it is redelivered, and never for an order
 * that was in fact filled. On the real template with two receives per message, so a crash is dead-lettered quickly.
 */
class DeadLetteredOrderIT {

    private static final Duration IDLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .parameter("ExitCheckWaitSeconds", "0")
            .parameter("MaxReceiveCount", "2")
            // A failed record returns after this, so the crashing order is dead-lettered within seconds. Below the
            // functions' 30-60 s timeouts, which Lambda refuses; safe here because each queue's one local poller never
            // receives again while its invocation runs, so a slow invocation is not redelivered meanwhile.
            .parameter("QueueVisibilityTimeout", "5")
            .allowVisibilityTimeoutBelowFunctionTimeout()
            .onlyFunctions("RiskCheckFunction", "OrderFunction", "PositionExitFunction", "DistributionFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", PipelineFixtures.pipelineConfig().toString())
            .functionEnvironment("ALPHACAST_HOME", TemporaryHome.create("alphacast-dead-lettered-order-test").toString())
            .build();

    private final JsonCodec json = new JsonCodec();

    private static Signal shortSignal(String symbol, String instrument, Instant barEnd) {
        return new Signal("volume-spike:" + instrument + ":" + barEnd, "volume-spike", symbol, instrument,
                Direction.SHORT, 1303.5, 1305.0, 1300.5, 1, 0.66, "volume 3x", barEnd, Instant.now());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Puts {@code body} on OrdersDeadLetterQueue, as SQS moves a message there, and waits until it is consumed. */
    private void deadLetter(LocalCloud cloud, String body) throws InterruptedException {
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("OrdersDeadLetterQueue")).messageBody(body));
        // The local cloud's awaitIdle leaves dead-letter queues out: wait for this one to be consumed.
        await("OrdersDeadLetterQueue is consumed", () -> cloud.messageCount("OrdersDeadLetterQueue") == 0);
        cloud.awaitIdle(IDLE);
    }

    @Test
    void deadLetteredOrderIsRejectedAndFreesItsSlotOnceButAFilledOneKeepsIt(LocalCloud cloud) throws Exception {
        DynamoRiskLedger risk = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json);
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        Instant crashAt = Instant.parse("2011-07-31T22:05:00Z");
        Instant filledAt = Instant.parse("2011-07-31T22:10:00Z");
        // NQ's only stored snapshot is corrupt (its observedAt unreadable): every attempt of the NQ order crashes
        // reading it, as a bug or bad data would, so the message is dead-lettered still holding its slot.
        long barStart = crashAt.minusSeconds(60).toEpochMilli();
        cloud.dynamoDb().putItem(b -> b.tableName(cloud.tableName("MarketSnapshotsTable")).item(Map.of(
                "symbol", AttributeValue.fromS("NQ"), "barStart", AttributeValue.fromN(Long.toString(barStart)),
                "barEnd", AttributeValue.fromN(Long.toString(crashAt.toEpochMilli())),
                "open", AttributeValue.fromN("1305.0"), "high", AttributeValue.fromN("1305.25"),
                "low", AttributeValue.fromN("1303.25"), "close", AttributeValue.fromN("1303.5"),
                "observedAt", AttributeValue.fromS("not a time"))));
        new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1))
                .put(new MarketSnapshot(new Bar("ES", filledAt.minusSeconds(60).toEpochMilli(), filledAt.toEpochMilli(),
                        1305.0, 1305.25, 1303.25, 1303.5, 1092, 140), Instant.now()));
        Signal crashed = shortSignal("NQ", "NQU1", crashAt);
        Signal filled = shortSignal("ES", "ESU1", filledAt);

        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId("signals")
                .messageDeduplicationId(crashed.id()).messageBody(json.write(crashed)));
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId("signals")
                .messageDeduplicationId(filled.id()).messageBody(json.write(filled)));
        await("the crashed order is settled from the dead-letter queue",
                () -> trading.rejections().containsKey(crashed.id()));
        await("OrdersDeadLetterQueue is consumed", () -> cloud.messageCount("OrdersDeadLetterQueue") == 0);
        cloud.awaitIdle(IDLE);

        assertThat(risk.decisionFor(crashed.id())).hasValueSatisfying(d -> assertThat(d.decision().approved()).isTrue());
        assertThat(trading.rejections()).containsOnlyKeys(crashed.id());
        assertThat(trading.rejections().get(crashed.id())).isEqualTo("dead-lettered after 2 receives");
        assertThat(trading.executions()).extracting(e -> e.order().orderId()).containsExactly(filled.id());
        RecordedDecision decision = risk.decisionFor(filled.id()).orElseThrow();
        agree(risk, trading, decision, filled);

        // The filled order's message dead-lettered too (its last attempt crashed after the fill was written): it
        // must keep its slot. The crashed one redelivered: its slot is not given back a second time. A body that is
        // no signal is logged and dropped, changing nothing.
        deadLetter(cloud, json.write(filled));
        deadLetter(cloud, json.write(crashed));
        deadLetter(cloud, "{\"id\": \"not a signal\"");

        assertThat(trading.rejections()).containsOnlyKeys(crashed.id());
        assertThat(trading.executions()).extracting(e -> e.order().orderId()).containsExactly(filled.id());
        agree(risk, trading, decision, filled);
        assertThat(cloud.deadLetterCount("OrdersQueue")).as("OrdersDeadLetterQueue left empty").isZero();
    }

    /** The positions table and the risk ledger agree: the filled order's position alone holds a slot. */
    private static void agree(DynamoRiskLedger risk, DynamoTradingLedger trading, RecordedDecision decision,
                              Signal filled) {
        assertThat(trading.openPositions()).extracting(Position::signalId).containsExactly(filled.id());
        assertThat(risk.held()).containsExactly(filled.id());
        assertThat(risk.state(decision.tradingDay()).openPositions()).isEqualTo(1);
    }
}
