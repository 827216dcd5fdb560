package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.functions.distribution.DistributionHandler;
import com.alphacast.functions.order.OrderHandler;
import com.alphacast.functions.position.PositionExitHandler;
import com.alphacast.functions.risk.RiskCheckHandler;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every function's handler, called in-process on the local cloud's real tables and queues, against mutated real
 * messages (bodies the project's codec wrote, then truncated, retyped, overflowed, nested, ...; see
 * {@link HostileMessageMutator}). Each case is a batch of one hostile record and one well-formed record, in random
 * order. For every case: the handler returns within a timeout, only the hostile record may be reported as a batch
 * item failure (so only it goes to the DLQ), the well-formed one has its effect exactly once, a hostile record that
 * failed left nothing behind, and neither the log nor the batch response carries a configured secret. Fixed seeds;
 * a failing case names its seed and input.
 */
class HostileSqsMessagesTest {

    private static final int CASES = 60;
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(15);
    private static final String TELEGRAM_TOKEN = "987654321:AAFuzzSecretTokenNeverLoggedZz0123456";
    private static final String DISCORD_WEBHOOK_TOKEN = "fuzzDiscordWebhookSecretNeverLogged_0123456789abcdef";
    private static final Instant SIGNAL_BAR_END = Instant.parse("2011-07-31T22:10:00Z");
    private static final Path HOME = temporaryHome();

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            // No position function runs the bars here: deciding must not wait for it.
            .parameter("ExitCheckWaitSeconds", "0")
            .withoutFunctions()
            .build();

    private final JsonCodec json = new JsonCodec();
    private final ExecutorService invoker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hostile-sqs-invocation");
        thread.setDaemon(true);
        return thread;
    });

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("alphacast-hostile-sqs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> environment(LocalCloud cloud, String function) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment(function));
        environment.put("ALPHACAST_CONFIG_DIR", PipelineFixtures.pipelineConfig().toString());
        environment.put("ALPHACAST_HOME", HOME.toString());
        // Secrets in every function's environment: none may leak into a log line or a batch response.
        environment.put("ALPHACAST_TEST_TELEGRAM_TOKEN", TELEGRAM_TOKEN);
        environment.put("ALPHACAST_TEST_DISCORD_WEBHOOK", "https://discord.com/api/webhooks/1184000000000000009/"
                + DISCORD_WEBHOOK_TOKEN);
        return environment;
    }

    private static Signal signal(String id, String rationale) {
        return new Signal(id, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1305.0, 1300.5, 1, 0.66, rationale,
                SIGNAL_BAR_END, Instant.now());
    }

    private static Bar bar(long endMillis, double high, double low) {
        return new Bar("ES", endMillis - 60_000, endMillis, 1303.75, high, low, 1303.5, 1092, 140);
    }

    private static void putSnapshot(LocalCloud cloud, Bar bar) {
        new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1))
                .put(new MarketSnapshot(bar, Instant.now()));
    }

    /** The market as the signals saw it: a bar that reaches neither the stop (1305.0) nor the target (1300.5). */
    private static void putSignalBar(LocalCloud cloud) {
        putSnapshot(cloud, bar(SIGNAL_BAR_END.toEpochMilli(), 1304.0, 1303.0));
    }

    @Test
    void riskCheckSurvivesHostileSignals(LocalCloud cloud) {
        putSignalBar(cloud);
        RiskCheckHandler handler = new RiskCheckHandler(environment(cloud, "RiskCheckFunction"));
        DynamoRiskLedger ledger = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json);
        String signalsTable = cloud.tableName("SignalsTable");

        fuzz("RiskCheckFunction", handler, 0x5161_0001L, i -> {
            String prefix = "volume-spike:ESU1:risk-fuzz-" + i;
            return new Case(json.write(signal(prefix + ":hostile", "volume 3x")), prefix + ":hostile",
                    json.write(signal(prefix + ":good", "volume 3x")), json.write(bar(SIGNAL_BAR_END.toEpochMilli(), 1304, 1303)),
                    "volume-spike:ESU1:risk-fuzz-" + Math.max(0, i - 1) + ":good");
        }, new Effect() {
            private int items;

            @Override
            public void before() {
                items = count(cloud, signalsTable);
            }

            @Override
            public void verify(Case c, boolean hostileFailed) {
                assertThat(ledger.decisionFor(c.goodId())).as("decision for the well-formed signal").isPresent();
                int added = count(cloud, signalsTable) - items;
                if (hostileFailed) {
                    assertThat(ledger.decisionFor(c.hostileId())).as("decision for the failed hostile signal").isEmpty();
                    assertThat(added).as("decisions added by a batch whose hostile record failed").isEqualTo(1);
                } else {
                    assertThat(added).as("decisions added").isBetween(1, 2);
                }
            }
        });
    }

    @Test
    void orderFunctionSurvivesHostileApprovals(LocalCloud cloud) {
        putSignalBar(cloud);
        OrderHandler handler = new OrderHandler(environment(cloud, "OrderFunction"));
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));

        fuzz("OrderFunction", handler, 0x5161_0002L, i -> {
            String prefix = "volume-spike:ESU1:order-fuzz-" + i;
            return new Case(json.write(signal(prefix + ":hostile", "volume 3x")), prefix + ":hostile",
                    json.write(signal(prefix + ":good", "volume 3x")), json.write(bar(SIGNAL_BAR_END.toEpochMilli(), 1304, 1303)),
                    "volume-spike:ESU1:order-fuzz-" + Math.max(0, i - 1) + ":good");
        }, new Effect() {
            private int orders;
            private int positions;

            @Override
            public void before() {
                orders = count(cloud, cloud.tableName("OrdersTable"));
                positions = count(cloud, cloud.tableName("PositionsTable"));
            }

            @Override
            public void verify(Case c, boolean hostileFailed) {
                assertThat(trading.order(c.goodId())).as("order for the well-formed signal").isPresent();
                int addedOrders = count(cloud, cloud.tableName("OrdersTable")) - orders;
                int addedPositions = count(cloud, cloud.tableName("PositionsTable")) - positions;
                if (hostileFailed) {
                    assertThat(trading.order(c.hostileId())).as("order for the failed hostile signal").isEmpty();
                    assertThat(addedOrders).as("order items added by a batch whose hostile record failed").isEqualTo(1);
                    assertThat(addedPositions).as("positions added by a batch whose hostile record failed").isEqualTo(1);
                } else {
                    assertThat(addedOrders).as("order items added").isBetween(1, 2);
                    assertThat(addedPositions).as("positions added").isBetween(1, 2);
                }
            }
        });
    }

    @Test
    void positionExitFunctionSurvivesHostileBarsAndClosesOnlyOnTheRealOne(LocalCloud cloud) {
        putSignalBar(cloud);
        String positionId = "volume-spike:ESU1:exit-fuzz-position";
        SQSEvent.SQSMessage approval = new SQSEvent.SQSMessage();
        approval.setMessageId("exit-fuzz-approval");
        approval.setBody(json.write(signal(positionId, "volume 3x")));
        SQSEvent approvals = new SQSEvent();
        approvals.setRecords(List.of(approval));
        assertThat(new OrderHandler(environment(cloud, "OrderFunction"))
                .handleRequest(approvals, new FakeContext("OrderFunction")).getBatchItemFailures()).isEmpty();
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        PositionExitHandler handler = new PositionExitHandler(environment(cloud, "PositionExitFunction"));

        // No bar on record reaches the stop or target, so whatever the bars say, the position must stay open.
        fuzz("PositionExitFunction", handler, 0x5161_0003L, i -> {
            long end = SIGNAL_BAR_END.toEpochMilli() + 60_000L * (i + 1);
            return new Case(json.write(bar(end, 1306.0, 1299.0)), "ES", json.write(bar(end, 1304.0, 1303.0)),
                    json.write(signal("volume-spike:ESU1:exit-fuzz-other", "volume 3x")), "ES");
        }, new Effect() {
            @Override
            public void before() {
            }

            @Override
            public void verify(Case c, boolean hostileFailed) {
                assertThat(trading.openPositions()).as("open positions").anyMatch(p -> p.signalId().equals(positionId));
                assertThat(trading.closedPositions()).as("closed positions")
                        .noneMatch(p -> p.position().signalId().equals(positionId));
            }
        });

        // The market reaches the short's stop: a batch of a hostile and the real bar closes it once, at the stop.
        Bar stopBar = bar(SIGNAL_BAR_END.toEpochMilli() + 60_000L * (CASES + 2), 1305.5, 1303.5);
        putSnapshot(cloud, stopBar);
        SQSEvent event = batch(List.of(message("stop-bar", json.write(stopBar)),
                message("stop-bar-hostile", json.write(stopBar).replace("\"endMillis\"", "\"endMillis\":1e400,\"x\""))));
        SQSBatchResponse response = handler.handleRequest(event, new FakeContext("PositionExitFunction"));
        handler.handleRequest(batch(List.of(message("stop-bar-again", json.write(stopBar)))),
                new FakeContext("PositionExitFunction"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("stop-bar-hostile");
        assertThat(trading.closedPositions()).filteredOn(p -> p.position().signalId().equals(positionId))
                .singleElement().satisfies(p -> assertThat(p.exit().reason()).isEqualTo(ExitReason.STOP));
    }

    @Test
    void distributionSurvivesHostileTierDispatches(LocalCloud cloud) {
        DistributionHandler handler = new DistributionHandler(environment(cloud, "DistributionFunction"));
        DynamoDeliveryLedger deliveries = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1));

        fuzz("DistributionFunction", handler, 0x5161_0004L, i -> {
            String prefix = "volume-spike:ESU1:distribution-fuzz-" + i;
            return new Case(
                    json.write(new TierDispatch(signal(prefix + ":hostile", "volume <b>3x</b> & rising"), Tier.PREMIUM, Instant.now()).release()),
                    prefix + ":hostile",
                    json.write(new TierDispatch(signal(prefix + ":good", "volume 3x"), Tier.PREMIUM, Instant.now()).release()),
                    json.write(signal(prefix + ":other", "volume 3x")),
                    "volume-spike:ESU1:distribution-fuzz-" + Math.max(0, i - 1) + ":good");
        }, new Effect() {
            private int records;

            @Override
            public void before() {
                records = deliveries.all().size();
            }

            @Override
            public void verify(Case c, boolean hostileFailed) {
                List<DeliveryRecord> all = deliveries.all();
                // Premium: one Telegram chat and one Discord channel.
                assertThat(all).filteredOn(d -> d.publicationId().equals(c.goodId())).as("deliveries of the well-formed dispatch")
                        .hasSize(2).allSatisfy(d -> assertThat(d.status()).isEqualTo("SENT"));
                if (hostileFailed) {
                    assertThat(all).filteredOn(d -> d.publicationId().equals(c.hostileId())).as("deliveries of the failed hostile dispatch")
                            .isEmpty();
                    assertThat(all.size() - records).as("delivery records added by a batch whose hostile record failed")
                            .isEqualTo(2);
                }
            }
        });
    }

    /** One case's real messages: the one to mutate (and its id), the well-formed one, and another queue's message. */
    private record Case(String hostileBase, String hostileId, String good, String otherType, String existingId) {
        String goodId() {
            return hostileId.endsWith(":hostile") ? hostileId.replace(":hostile", ":good") : hostileId;
        }
    }

    @FunctionalInterface
    private interface CaseSource {
        Case create(int index);
    }

    /** The function's state around one case: read before, checked after. */
    private interface Effect {
        void before();

        void verify(Case c, boolean hostileFailed);
    }

    private void fuzz(String function, RequestHandler<SQSEvent, SQSBatchResponse> handler, long seed, CaseSource cases,
                      Effect effect) {
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            long caseSeed = seed + i;
            SplittableRandom random = new SplittableRandom(caseSeed);
            Case c = cases.create(i);
            HostileMessageMutator.Hostile hostile = new HostileMessageMutator(random)
                    .mutate(c.hostileBase(), c.otherType(), c.existingId());
            String hostileMessageId = "hostile-" + i;
            String goodMessageId = "good-" + i;
            List<SQSEvent.SQSMessage> records = new ArrayList<>(List.of(hostile.toMessage(hostileMessageId),
                    message(goodMessageId, c.good())));
            if (random.nextBoolean()) {
                records = List.of(records.get(1), records.get(0));
            }
            try {
                effect.before();
                FakeContext context = new FakeContext(function);
                SQSBatchResponse response = invoke(handler, batch(records), context);
                Set<String> failed = response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
                assertThat(failed).as("batch item failures").isSubsetOf(Set.of(hostileMessageId));
                // Refused either way: reported failed (retried, then dead-lettered), or moved to the dead-letter queue
                // at once (the risk check's unreadable signals, which would otherwise hold up their FIFO group).
                boolean hostileFailed = failed.contains(hostileMessageId)
                        || context.log().contains("moved record " + hostileMessageId + " to the dead-letter queue");
                rejected += hostileFailed ? 1 : 0;
                effect.verify(c, hostileFailed);
                String exposed = context.log() + "\n" + response;
                assertThat(exposed).as("log and batch response").doesNotContain(TELEGRAM_TOKEN)
                        .doesNotContain(TELEGRAM_TOKEN.substring(TELEGRAM_TOKEN.indexOf(':') + 1))
                        .doesNotContain(DISCORD_WEBHOOK_TOKEN);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(function + " failed case " + i + " (seed " + caseSeed + "): "
                        + hostile.describe() + "\n" + e.getMessage(), e);
            }
        }
        // A fuzzer whose mutations all still decode would prove nothing about malformed input.
        assertThat(rejected).as(function + ": hostile records refused out of " + CASES)
                .isGreaterThan(CASES / 2);
    }

    private SQSBatchResponse invoke(RequestHandler<SQSEvent, SQSBatchResponse> handler, SQSEvent event,
                                    FakeContext context) {
        Future<SQSBatchResponse> result = invoker.submit(() -> handler.handleRequest(event, context));
        try {
            return result.get(INVOCATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("no response within " + INVOCATION_TIMEOUT + "; log so far: " + context.log(), e);
        } catch (ExecutionException e) {
            throw new AssertionError("an exception escaped the handler: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        message.setMessageAttributes(Map.of());
        message.setEventSource("aws:sqs");
        return message;
    }

    private static SQSEvent batch(List<SQSEvent.SQSMessage> records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    private static int count(LocalCloud cloud, String table) {
        // Paged: a scan stops at 1 MB per page, and hostile signals can be large.
        return cloud.dynamoDb().scanPaginator(b -> b.tableName(table).select("COUNT")).stream()
                .mapToInt(page -> page.count()).sum();
    }
}
