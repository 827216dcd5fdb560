package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DeliveryTimes;
import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.latency.SignalPath;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.risk.KillSwitch;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.junit.TemporaryHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The risk, order and distribution functions on the real template.yaml, run by the local cloud on DynamoDB
 * Local and ElasticMQ. Queues retry after 1 s and dead-letter after 2 receives so failures show quickly.
 */
class SignalPipelineIT {

    private static final Path HOME = temporaryHome();
    private static final Duration IDLE = Duration.ofSeconds(60);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            // No position function runs the bars here: deciding must not wait for it.
            .parameter("ExitCheckWaitSeconds", "0")
            .parameter("QueueVisibilityTimeout", "5")
            .parameter("MaxReceiveCount", "2")
            // Lambda itself would refuse a 5 s visibility timeout under 30-60 s function timeouts; here it only
            // makes retries and dead-lettering observable within a test. Not shorter: a batch still running when its
            // records become visible again is received by another of the mapping's concurrent pollers, and a good
            // record received a third time would be dead-lettered (1 s was too short on a loaded machine).
            .allowVisibilityTimeoutBelowFunctionTimeout()
            .functionEnvironment("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot()
                    .resolve("functions/pipeline-tests/src/test/resources/pipeline-config").toString())
            .functionEnvironment("ALPHACAST_HOME", HOME.toString())
            .build();

    private final JsonCodec json = new JsonCodec();

    private static Path temporaryHome() {
        return TemporaryHome.create("alphacast-pipeline-test");
    }

    /** A short ES signal at {@code minute} past 22:00 on the demo day, with the snapshot it fires on. */
    private Signal signalWithMarket(LocalCloud cloud, int minute) {
        Instant barEnd = Instant.parse("2011-07-31T22:00:00Z").plusSeconds(60L * minute);
        Bar bar = new Bar("ES", barEnd.minusSeconds(60).toEpochMilli(), barEnd.toEpochMilli(), 1305.0, 1305.25, 1303.25,
                1303.5, 1092, 140);
        new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1))
                .put(new MarketSnapshot(bar, Instant.now()));
        return new Signal("volume-spike:ESU1:" + barEnd, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1305.0,
                1300.5, 1, 0.66, "test <spike> & \"quotes\"", barEnd, Instant.now());
    }

    /**
     * SignalsQueue is FIFO: its messages go to the one group the worker uses, each with a deduplication id of its own,
     * so the same body sent again is kept, like a redelivery SQS's at-least-once delivery may bring.
     */
    private void send(LocalCloud cloud, String queue, String body) {
        if (cloud.queueName(queue).endsWith(".fifo")) {
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl(queue)).messageBody(body).messageGroupId("signals")
                    .messageDeduplicationId(UUID.randomUUID().toString()));
        } else {
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl(queue)).messageBody(body));
        }
    }

    private List<DeliveryRecord> deliveriesOf(LocalCloud cloud, Signal signal) {
        return new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"), Duration.ofMinutes(1),
                Duration.ofDays(1)).all().stream().filter(d -> d.publicationId().equals(signal.id())).toList();
    }

    private List<DynamoTradingLedger.Execution> executionsOf(LocalCloud cloud, Signal signal) {
        return new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"), cloud.tableName("PositionsTable"))
                .executions().stream().filter(e -> e.order().orderId().equals(signal.id())).toList();
    }

    private DynamoRiskLedger riskLedger(LocalCloud cloud) {
        return new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"), cloud.tableName("ControlTable"), json);
    }

    private static int deadLetters(LocalCloud cloud) {
        return cloud.deadLetterCount("SignalsQueue") + cloud.deadLetterCount("OrdersQueue")
                + cloud.deadLetterCount("DeliveriesQueue");
    }

    private long outboxLinesFor(Signal signal) throws IOException {
        long lines = 0;
        for (String channel : List.of("telegram", "discord", "x")) {
            Path file = HOME.resolve(".alphacast/outbox/" + channel + ".jsonl");
            if (Files.exists(file)) {
                lines += Files.readAllLines(file).stream()
                        .filter(l -> l.contains("\"publicationId\":\"" + signal.id() + "\"")).count();
            }
        }
        return lines;
    }

    @Test
    void approvedSignalIsFilledOnceAndDeliveredToEveryTierOnEveryChannel(LocalCloud cloud) throws Exception {
        Signal signal = signalWithMarket(cloud, 10);

        send(cloud, "SignalsQueue", json.write(signal));
        cloud.awaitIdle(IDLE);

        RecordedDecision decision = riskLedger(cloud).decisionFor(signal.id()).orElseThrow();
        assertThat(decision.decision().approved()).isTrue();
        assertThat(decision.tradingDay()).hasToString("2011-08-01");
        var executions = executionsOf(cloud, signal);
        assertThat(executions).hasSize(1);
        // Paper fill: the snapshot's last price, one tick of slippage against a sell.
        assertThat(executions.get(0).fill().price()).isEqualTo(1303.25);
        // demo.yaml: premium telegram+discord, basic telegram+discord, free telegram+x.
        List<DeliveryRecord> deliveries = deliveriesOf(cloud, signal);
        assertThat(deliveries).hasSize(6).allSatisfy(d -> assertThat(d.status()).isEqualTo("SENT"));
        assertThat(deliveries).extracting(DeliveryRecord::tier).containsOnly("premium", "basic", "free");
        // Lower tiers were held back by their SQS delays (basic 2 s, free 4 s).
        long premium = deliveries.stream().filter(d -> d.tier().equals("premium")).mapToLong(DeliveryRecord::latencyMillis).max().orElseThrow();
        long free = deliveries.stream().filter(d -> d.tier().equals("free")).mapToLong(DeliveryRecord::latencyMillis).min().orElseThrow();
        assertThat(free).isGreaterThanOrEqualTo(4_000).isGreaterThan(premium);
        assertThat(outboxLinesFor(signal)).isEqualTo(6);
    }

    @Test
    void premiumPathOfEverySignalIsStampedAtEveryHopInOrder(LocalCloud cloud) throws Exception {
        List<Signal> signals = List.of(signalWithMarket(cloud, 50), signalWithMarket(cloud, 51),
                signalWithMarket(cloud, 52));
        for (Signal signal : signals) {
            send(cloud, "SignalsQueue", json.write(signal));
        }
        cloud.awaitIdle(IDLE);

        var arrivals = riskLedger(cloud).queueArrivals();
        for (Signal signal : signals) {
            RecordedDecision decision = riskLedger(cloud).decisionFor(signal.id()).orElseThrow();
            QueueArrival arrival = arrivals.get(signal.id());
            assertThat(arrival).as("SQS stamps of %s on its decision", signal.id()).isNotNull();
            List<DeliveryRecord> premium = deliveriesOf(cloud, signal).stream()
                    .filter(d -> d.tier().equals("premium")).toList();
            assertThat(premium).hasSize(2); // telegram and discord
            for (DeliveryRecord delivery : premium) {
                DeliveryTimes times = delivery.times();
                SignalPath path = new SignalPath(signal.id(), signal.observedAt(), arrival.sentAt(),
                        arrival.receivedAt(), decision.decision().decidedAt(), times.releaseSent().orElseThrow(),
                        times.releaseReceived().orElseThrow(), times.claimed(), times.completed().orElseThrow());
                // SQS stamps whole milliseconds, the functions' clocks do not: 1 ms of slack between neighbours.
                assertThat(path.inOrder(1)).as("stamps of %s in path order: %s", delivery.deliveryId(), path).isTrue();
                assertThat(path.total().toMillis()).isEqualTo(delivery.latencyMillis());
            }
        }
    }

    @Test
    void sameMessageDeliveredThreeTimesGivesOneOrderAndOneDeliveryPerChannel(LocalCloud cloud) throws Exception {
        Signal signal = signalWithMarket(cloud, 20);
        String body = json.write(signal);
        int deadLettersBefore = deadLetters(cloud);

        // SQS is at-least-once: the same message body arriving three times at every stage.
        for (int i = 0; i < 3; i++) {
            send(cloud, "SignalsQueue", body);
            send(cloud, "OrdersQueue", body);
            send(cloud, "DeliveriesQueue", json.write(new TierDispatch(signal, Tier.PREMIUM, Instant.now()).release()));
        }
        cloud.awaitIdle(IDLE);

        assertThat(riskLedger(cloud).allDecisions()).filteredOn(d -> d.signal().id().equals(signal.id()))
                .singleElement().satisfies(d -> assertThat(d.decision().approved()).isTrue());
        assertThat(executionsOf(cloud, signal)).hasSize(1);
        var trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"), cloud.tableName("PositionsTable"));
        // Other tests' later bars may already have stopped it out: one position either way.
        long positions = trading.openPositions().stream().filter(p -> p.signalId().equals(signal.id())).count()
                + trading.closedPositions().stream().filter(c -> c.position().signalId().equals(signal.id())).count();
        assertThat(positions).isEqualTo(1);
        List<DeliveryRecord> deliveries = deliveriesOf(cloud, signal);
        assertThat(deliveries).extracting(d -> d.tier() + "/" + d.channel()).containsExactlyInAnyOrder(
                "premium/telegram", "premium/discord", "basic/telegram", "basic/discord", "free/telegram", "free/x");
        assertThat(outboxLinesFor(signal)).isEqualTo(6);
        assertThat(deadLetters(cloud)).isEqualTo(deadLettersBefore);
    }

    @Test
    void malformedMessageGoesToTheDeadLetterQueueAndTheSignalBehindItIsDecided(LocalCloud cloud) {
        Signal good = signalWithMarket(cloud, 30);
        int before = cloud.deadLetterCount("SignalsQueue");

        send(cloud, "SignalsQueue", "{\"id\": \"half a signal\"");
        send(cloud, "SignalsQueue", json.write(good));
        cloud.awaitIdle(IDLE);

        assertThat(riskLedger(cloud).decisionFor(good.id())).isPresent();
        assertThat(cloud.deadLetterCount("SignalsQueue")).isEqualTo(before + 1);
        var dead = cloud.sqs().receiveMessage(b -> b.queueUrl(cloud.queueUrl("SignalsDeadLetterQueue"))
                .maxNumberOfMessages(10)).messages();
        assertThat(dead).anySatisfy(m -> assertThat(m.body()).contains("half a signal"));
    }

    @Test
    void killSwitchRejectsNewSignalsWithTheOperatorsReason(LocalCloud cloud) {
        DynamoRiskLedger ledger = riskLedger(cloud);
        ledger.setKillSwitch(new KillSwitch(true, "FOMC at 14:00", "ops@alphacast", Instant.now()));
        try {
            Signal signal = signalWithMarket(cloud, 40);
            send(cloud, "SignalsQueue", json.write(signal));
            cloud.awaitIdle(IDLE);

            RecordedDecision decision = ledger.decisionFor(signal.id()).orElseThrow();
            assertThat(decision.decision().approved()).isFalse();
            assertThat(decision.decision().reasons()).contains("kill switch engaged by ops@alphacast: FOMC at 14:00");
            assertThat(executionsOf(cloud, signal)).isEmpty();
            assertThat(deliveriesOf(cloud, signal)).isEmpty();
        } finally {
            ledger.setKillSwitch(KillSwitch.released());
        }
    }
}
