package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.risk.RiskState;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.approval.Forward;
import com.alphacast.functions.FakeContext;
import com.alphacast.functions.FunctionResources;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The risk function on the local cloud's tables and queues (demo profile: two open positions at most): an
 * approval is never recorded when its forwards could not be sent, and pending forwards are on record until
 * marked sent. Its own stack, so no other test class holds the slot.
 */
class ApprovalForwardingTest {

    private static final Instant MARKET = Instant.parse("2011-07-31T22:45:00Z");
    private static final LocalDate TRADING_DAY = LocalDate.parse("2011-08-01");

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            // No position function runs the bars here: deciding must not wait for it.
            .parameter("ExitCheckWaitSeconds", "0")
            .withoutFunctions()
            .build();

    private final JsonCodec json = new JsonCodec();

    private static Signal signal(String id, String rationale, Instant marketTime) {
        return new Signal(id, "volume-spike", "ES", "ESU1", Direction.LONG, 1303.5, 1302.0, 1306.5, 1, 0.7, rationale,
                marketTime, Instant.now());
    }

    private RiskCheckHandler handler(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        return new RiskCheckHandler(environment);
    }

    private SQSBatchResponse deliver(RiskCheckHandler handler, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + body.hashCode());
        message.setBody(body);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return handler.handleRequest(event, new FakeContext("RiskCheckFunction"));
    }

    private DynamoRiskLedger ledger(LocalCloud cloud) {
        return new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"), cloud.tableName("ControlTable"), json);
    }

    @Test
    void oversizedSignalIsRejectedWithItsReasonAndHoldsNoSlot(LocalCloud cloud) {
        RiskCheckHandler handler = handler(cloud);
        // A signal SQS could deliver (its body is just under 256 KiB) but whose forwards, which add attributes
        // and the tier release around it, SQS would refuse.
        String shell = json.write(signal("volume-spike:ESU1:2011-07-31T22:45:00Z", "", MARKET.minusSeconds(300)));
        String body = json.write(signal("volume-spike:ESU1:2011-07-31T22:45:00Z",
                "x".repeat(262_144 - 20 - shell.length()), MARKET.minusSeconds(300)));
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(262_144);

        SQSBatchResponse response = deliver(handler, body);

        assertThat(response.getBatchItemFailures()).isEmpty();
        RecordedDecision decision = ledger(cloud).decisionFor("volume-spike:ESU1:2011-07-31T22:45:00Z").orElseThrow();
        assertThat(decision.decision().approved()).isFalse();
        assertThat(decision.decision().reasons()).anySatisfy(reason -> assertThat(reason)
                .startsWith("forward orders cannot be sent: message is ")
                .endsWith(" bytes with its attributes, over SQS's limit of 262144 bytes (256 KiB)"));
        assertThat(decision.decision().reasons()).anySatisfy(reason -> assertThat(reason)
                .startsWith("forward tier:premium cannot be sent: message is "));
        assertThat(decision.pendingForwards()).isEmpty();
        RiskState state = ledger(cloud).state(TRADING_DAY);
        assertThat(state.openPositions()).isZero();
        assertThat(state.approvedToday()).isZero();
        assertThat(cloud.messageCount("OrdersQueue")).isZero();
        assertThat(cloud.messageCount("DeliveriesQueue")).isZero();

        // The position slots are still free: an ordinary signal after it is approved and forwarded.
        Signal ordinary = signal("volume-spike:ESU1:2011-07-31T22:50:00Z", "volume 4x", MARKET);
        deliver(handler, json.write(ordinary));

        RecordedDecision approved = ledger(cloud).decisionFor(ordinary.id()).orElseThrow();
        assertThat(approved.decision().approved()).isTrue();
        assertThat(approved.pendingForwards()).isEmpty();
        assertThat(cloud.messageCount("OrdersQueue")).isEqualTo(1);
    }

    @Test
    void approvalIsForwardedToTheOrdersQueueAndEveryTierAndLeavesNothingPending(LocalCloud cloud) {
        RiskCheckHandler handler = handler(cloud);
        // A trading day before the other tests' signals, so neither counts the other against the demo profile's limits.
        Signal signal = signal("volume-spike:ESU1:2011-07-29T14:00:00Z", "volume 4x", Instant.parse("2011-07-29T14:00:00Z"));
        int ordersBefore = cloud.messageCount("OrdersQueue");
        int deliveriesBefore = cloud.messageCount("DeliveriesQueue");

        assertThat(deliver(handler, json.write(signal)).getBatchItemFailures()).isEmpty();

        RecordedDecision decision = ledger(cloud).decisionFor(signal.id()).orElseThrow();
        assertThat(decision.decision().approved()).isTrue();
        assertThat(decision.pendingForwards()).isEmpty();
        assertThat(cloud.messageCount("OrdersQueue") - ordersBefore).isEqualTo(1);
        // premium, basic and free (the demo profile's tiers), the delayed ones counted too
        assertThat(cloud.messageCount("DeliveriesQueue") - deliveriesBefore).isEqualTo(3);
        assertThat(ledger(cloud).pendingForwardsDecidedBefore(Instant.now().plusSeconds(60))).isEmpty();
        assertThat(ledger(cloud).release(new PositionExit(signal.id(), ExitReason.TARGET, 1306.5,
                signal.marketTime().plusSeconds(60)))).isTrue();
    }

    @Test
    void approvalSendsItsForwardsInOneBatchPerQueueAndMarksThemInOneWrite(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"); // no priming requests in the constructor
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
            }
        };
        RiskCheckHandler handler = new RiskCheckHandler(
                new FunctionResources(environment, new AwsClients(environment, List.of(counter))), Clock.systemUTC());
        // A trading day of its own, before the other tests' signals (see above).
        Signal signal = signal("volume-spike:ESU1:2011-07-28T14:00:00Z", "volume 4x", Instant.parse("2011-07-28T14:00:00Z"));
        calls.clear();

        assertThat(deliver(handler, json.write(signal)).getBatchItemFailures()).isEmpty();

        assertThat(ledger(cloud).decisionFor(signal.id()).orElseThrow().decision().approved()).isTrue();
        // The order to the orders queue, the three tiers to the deliveries queue: two requests, not four.
        assertThat(calls).containsEntry("SendMessageBatch", 2).doesNotContainKey("SendMessage");
        // Every forward sent: marked, and the decision taken out of the sweep's index, in one write.
        assertThat(calls).containsEntry("UpdateItem", 1);
        assertThat(ledger(cloud).release(new PositionExit(signal.id(), ExitReason.TARGET, 1306.5,
                signal.marketTime().plusSeconds(60)))).isTrue();
    }

    @Test
    void forwardsAllMarkedSentAtOnceTakeTheDecisionOutOfTheSweepsIndex(LocalCloud cloud) {
        DynamoRiskLedger ledger = ledger(cloud);
        Signal signal = signal("ledger-test:ESU1:2011-07-31T23:15:00Z", "ledger test", Instant.parse("2011-07-31T23:15:00Z"));
        Instant decidedAt = Instant.parse("2026-01-05T10:15:00Z");
        List<Forward> forwards = List.of(new Forward.ToOrders(signal),
                new Forward.ToTier(new TierDispatch(signal, Tier.PREMIUM, decidedAt), 0),
                new Forward.ToTier(new TierDispatch(signal, Tier.BASIC, decidedAt), 60));
        ledger.commit(signal, LocalDate.parse("2011-08-02"), RiskDecision.approve(signal.id(), decidedAt),
                new RiskLimits(100, 100, 5, 1.5, 300), forwards);

        ledger.forwardedAll(signal.id(), List.of("tier:basic", "orders", "tier:premium"));

        Map<String, AttributeValue> item = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName("SignalsTable"))
                .key(Map.of("signalId", AttributeValue.builder().s(signal.id()).build())).consistentRead(true)).item();
        assertThat(item).doesNotContainKeys("pendingForwards", "forwarding", "forwardingSince");
        assertThat(ledger.pendingForwardsDecidedBefore(decidedAt.plusSeconds(1))).isEmpty();
        // Marking again (a redelivery racing the sweep) changes nothing and does not fail.
        ledger.forwardedAll(signal.id(), List.of("orders"));
        assertThat(ledger.decisionFor(signal.id()).orElseThrow().pendingForwards()).isEmpty();
        assertThat(ledger.release(new PositionExit(signal.id(), ExitReason.TARGET, 1306.5, decidedAt))).isTrue();
    }

    @Test
    void forwardsMarkedSentTogetherLeaveNothingPendingForTheSweep(LocalCloud cloud) {
        DynamoRiskLedger ledger = ledger(cloud);
        Signal signal = signal("ledger-test:ESU1:2011-07-31T23:05:00Z", "ledger test", Instant.parse("2011-07-31T23:05:00Z"));
        Instant decidedAt = Instant.parse("2026-01-05T10:05:00Z");
        List<Forward> forwards = List.of(new Forward.ToOrders(signal),
                new Forward.ToTier(new TierDispatch(signal, Tier.PREMIUM, decidedAt), 0),
                new Forward.ToTier(new TierDispatch(signal, Tier.BASIC, decidedAt), 60));
        ledger.commit(signal, LocalDate.parse("2011-08-02"), RiskDecision.approve(signal.id(), decidedAt),
                new RiskLimits(100, 100, 5, 1.5, 300), forwards);

        ledger.forwardedAll(signal.id(), List.of("orders", "tier:premium"));
        assertThat(ledger.decisionFor(signal.id()).orElseThrow().pendingForwards()).containsExactly("tier:basic");
        assertThat(ledger.pendingForwardsDecidedBefore(decidedAt.plusSeconds(1))).extracting(d -> d.signal().id())
                .containsExactly(signal.id());

        ledger.forwardedAll(signal.id(), List.of("tier:basic", "orders"));
        assertThat(ledger.decisionFor(signal.id()).orElseThrow().pendingForwards()).isEmpty();
        assertThat(ledger.pendingForwardsDecidedBefore(decidedAt.plusSeconds(1))).isEmpty();
        assertThat(ledger.release(new PositionExit(signal.id(), ExitReason.TARGET, 1306.5, decidedAt))).isTrue();
    }

    @Test
    void pendingForwardsAreRecordedWithTheApprovalUntilEachIsMarkedSent(LocalCloud cloud) {
        DynamoRiskLedger ledger = ledger(cloud);
        Signal signal = signal("ledger-test:ESU1:2011-07-31T23:00:00Z", "ledger test", Instant.parse("2011-07-31T23:00:00Z"));
        Instant decidedAt = Instant.parse("2026-01-05T10:00:00Z");
        RiskDecision approval = RiskDecision.approve(signal.id(), decidedAt);
        List<Forward> forwards = List.of(new Forward.ToOrders(signal),
                new Forward.ToTier(new TierDispatch(signal, Tier.PREMIUM, decidedAt), 0));

        ledger.commit(signal, LocalDate.parse("2011-08-02"), approval, new RiskLimits(100, 100, 5, 1.5, 300), forwards);

        assertThat(ledger.decisionFor(signal.id()).orElseThrow().pendingForwards())
                .containsExactlyInAnyOrder("orders", "tier:premium");
        assertThat(ledger.pendingForwardsDecidedBefore(decidedAt)).isEmpty();
        assertThat(ledger.pendingForwardsDecidedBefore(decidedAt.plusSeconds(1)))
                .extracting(d -> d.signal().id()).containsExactly(signal.id());

        ledger.forwarded(signal.id(), "orders");
        ledger.forwarded(signal.id(), "orders");
        assertThat(ledger.decisionFor(signal.id()).orElseThrow().pendingForwards()).containsExactly("tier:premium");

        ledger.forwarded(signal.id(), "tier:premium");
        assertThat(ledger.decisionFor(signal.id()).orElseThrow().pendingForwards()).isEmpty();
        assertThat(ledger.pendingForwardsDecidedBefore(decidedAt.plusSeconds(1))).isEmpty();
        // Give the position slot back, so the demo profile's slots are free for the other test.
        assertThat(ledger.release(new PositionExit(signal.id(), ExitReason.TARGET, 1306.5, decidedAt))).isTrue();
    }
}
