package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.function.FunctionDefinition;
import com.alphacast.localcloud.function.schedule.ScheduleFiring;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.junit.TemporaryHome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every function of the project's template.yaml, run from the package its CodeUri names (what `sam deploy` uploads),
 * each in its own class loader: a real signal goes through risk check, order, distribution and, on the bar that
 * reaches its stop, position exit; a Telegram update and a Discord command through the HTTP routes reach the webhook
 * functions and the Discord follow-up; every function leaves its effect in DynamoDB, SQS or the outbox. Functions added to
 * the template are covered by the same assertions, because the test walks the template's functions.
 */
class EveryFunctionFromItsPackageIT {

    private static final Path HOME = TemporaryHome.create("alphacast-every-function");
    private static final Duration IDLE = Duration.ofSeconds(60);

    private static final LocalChatPlatforms CHAT = LocalChatPlatforms.start();

    @RegisterExtension
    static final LocalCloudExtension CLOUD = ChatWebhooksIT.withChat(CHAT, LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", PipelineFixtures.pipelineConfig().toString())
            .functionEnvironment("ALPHACAST_HOME", HOME.toString()))
            .build();

    @AfterAll
    static void stopChat() {
        CHAT.close();
    }

    private final JsonCodec json = new JsonCodec();

    @Test
    void everyFunctionRunsFromItsPackageInItsOwnClassLoaderAndHasItsEffect(LocalCloud cloud) throws Exception {
        Instant signalBarEnd = Instant.parse("2011-07-31T22:10:00Z");
        putSnapshot(cloud, new Bar("ES", signalBarEnd.minusSeconds(60).toEpochMilli(), signalBarEnd.toEpochMilli(),
                1305.0, 1305.25, 1303.25, 1303.5, 1092, 140));
        Signal signal = new Signal("volume-spike:ESU1:" + signalBarEnd, "volume-spike", "ES", "ESU1", Direction.SHORT,
                1303.5, 1305.0, 1300.5, 1, 0.66, "every function", signalBarEnd, Instant.now());

        // RiskCheckFunction → OrderFunction and, per tier, DistributionFunction.
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId("signals")
                .messageDeduplicationId(signal.id()).messageBody(json.write(signal)));
        cloud.awaitIdle(IDLE);

        DynamoRiskLedger risk = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json);
        assertThat(risk.decisionFor(signal.id())).hasValueSatisfying(d -> assertThat(d.decision().approved()).isTrue());
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        assertThat(trading.executions()).filteredOn(e -> e.order().orderId().equals(signal.id())).hasSize(1);
        assertThat(trading.openPositions()).filteredOn(p -> p.signalId().equals(signal.id())).hasSize(1);
        List<DeliveryRecord> deliveries = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1)).all();
        assertThat(deliveries).filteredOn(d -> d.publicationId().equals(signal.id())).hasSize(6)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo("SENT"));
        assertThat(Files.readAllLines(HOME.resolve(".alphacast/outbox/telegram.jsonl")))
                .anyMatch(line -> line.contains(signal.id()));

        // PositionExitFunction: the next bar trades through the short's stop.
        Instant stopBarEnd = signalBarEnd.plusSeconds(60);
        Bar stopBar = new Bar("ES", signalBarEnd.toEpochMilli(), stopBarEnd.toEpochMilli(), 1303.75, 1305.5, 1303.5,
                1305.25, 900, 120);
        putSnapshot(cloud, stopBar);
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("MarketBarsQueue")).messageBody(json.write(stopBar)));
        cloud.awaitIdle(IDLE);

        assertThat(trading.closedPositions()).filteredOn(c -> c.position().signalId().equals(signal.id()))
                .singleElement().satisfies(c -> assertThat(c.exit().reason()).isEqualTo(ExitReason.STOP));
        // The fill (order function) and the close (position function) follow the signal once per tier and channel.
        List<DeliveryRecord> followUps = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1)).all().stream()
                .filter(d -> d.signalId().equals(signal.id()) && !d.kind().equals("signal")).toList();
        assertThat(followUps).extracting(d -> d.kind() + " " + d.tier() + "/" + d.channel() + " " + d.status())
                .containsExactlyInAnyOrder(
                        "filled premium/telegram SENT", "filled premium/discord SENT", "filled basic/telegram SENT",
                        "filled basic/discord SENT", "filled free/telegram SENT", "filled free/x SENT",
                        "stop-hit premium/telegram SENT", "stop-hit premium/discord SENT", "stop-hit basic/telegram SENT",
                        "stop-hit basic/discord SENT", "stop-hit free/telegram SENT", "stop-hit free/x SENT");
        // Each destination got the signal first, then its fill and its close, both threaded under the signal.
        for (String channel : List.of("telegram", "discord", "x")) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(HOME.resolve(".alphacast/outbox/" + channel + ".jsonl"))) {
                JsonNode node = new ObjectMapper().readTree(line);
                if (signal.id().equals(node.path("signalId").asText())) {
                    lines.add(node);
                }
            }
            Map<String, List<String>> kindsByDestination = new LinkedHashMap<>();
            lines.forEach(node -> kindsByDestination.computeIfAbsent(node.get("destination").asText(), d -> new ArrayList<>())
                    .add(node.get("kind").asText()));
            assertThat(kindsByDestination.values()).as(channel).isNotEmpty()
                    .allSatisfy(kinds -> assertThat(kinds).containsExactly("signal", "filled", "stop-hit"));
            assertThat(lines).filteredOn(node -> !node.get("kind").asText().equals("signal"))
                    .allSatisfy(node -> assertThat(node.path("inReplyTo").asText()).startsWith(channel + ".jsonl#"));
        }

        // Scheduled functions (SubscriptionSweepFunction): an hour on the schedule clock fires each at least once.
        List<ScheduleFiring> fired = cloud.scheduleClock().advanceBy(Duration.ofHours(1));
        assertThat(fired).extracting(ScheduleFiring::functionLogicalId).contains("SubscriptionSweepFunction");
        assertThat(fired).allSatisfy(firing -> assertThat(firing.error()).as(firing.functionLogicalId()).isEmpty());
        // MorningAnalysisFunction: a New York weekday from before the pre-market schedule to after the end-of-day one
        // fires both; the session is the schedule's own day (Scheduler's scheduled time), so the briefing and the
        // day's recap of Wednesday 2026-11-25 are published, each once, whatever the machine's date.
        cloud.scheduleClock().setTo(ZonedDateTime.of(2026, 11, 25, 7, 59, 0, 0, ZoneId.of("America/New_York")).toInstant());
        List<ScheduleFiring> day = cloud.scheduleClock().advanceTo(
                ZonedDateTime.of(2026, 11, 25, 16, 31, 0, 0, ZoneId.of("America/New_York")).toInstant());
        assertThat(day).filteredOn(firing -> firing.functionLogicalId().equals("MorningAnalysisFunction"))
                .extracting(ScheduleFiring::eventName).containsExactly("PreMarketBriefing", "EndOfDayRecap");
        assertThat(day).allSatisfy(firing -> assertThat(firing.error()).as(firing.functionLogicalId()).isEmpty());
        cloud.awaitIdle(IDLE);
        List<DeliveryRecord> daily = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1)).all().stream()
                .filter(d -> d.publicationId().endsWith(":2026-11-25")).toList();
        assertThat(daily).extracting(d -> d.kind() + " " + d.tier() + "/" + d.channel()).containsExactlyInAnyOrder(
                "morning-briefing premium/telegram", "morning-briefing premium/discord", "morning-briefing basic/telegram",
                "morning-briefing basic/discord", "morning-briefing free/telegram", "morning-briefing free/x",
                "daily-recap premium/telegram", "daily-recap premium/discord", "daily-recap basic/telegram",
                "daily-recap basic/discord", "daily-recap free/telegram", "daily-recap free/x");
        // TelegramWebhookFunction, DiscordInteractionsFunction → DiscordFollowUpFunction: through the HTTP routes.
        HttpClient http = HttpClient.newHttpClient();
        String update = "{\"update_id\":77,\"message\":{\"message_id\":1,\"date\":1,\"text\":\"/status\","
                + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":42,\"type\":\"private\"},"
                + "\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":7}]}}";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint().orElseThrow() + "/telegram/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", CHAT.webhookSecret())
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(CHAT.telegram().sentMessages()).anyMatch(sent -> sent.chatId().equals("42"));
        String interaction = "{\"id\":\"1300000000000000099\",\"type\":2,\"application_id\":\"1184000000000000100\","
                + "\"token\":\"tok-99\",\"channel_id\":\"1\",\"member\":{\"user\":{\"id\":\"5\"}},\"data\":{\"name\":\"help\"}}";
        CHAT.discord().expectInteraction("tok-99");
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        assertThat(http.send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint().orElseThrow() + "/discord/interactions"))
                .header("Content-Type", "application/json").header("X-Signature-Timestamp", timestamp)
                .header("X-Signature-Ed25519", CHAT.signDiscord(timestamp, interaction))
                .POST(HttpRequest.BodyPublishers.ofString(interaction)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        cloud.awaitIdle(IDLE);
        assertThat(CHAT.discord().posted()).anyMatch(posted -> posted.target().startsWith("original:"));

        assertThat(cloud.plan().functions()).isNotEmpty();
        for (FunctionDefinition function : cloud.plan().functions().values()) {
            String id = function.logicalId();
            Class<?> loaded = cloud.handlerClass(id);
            Class<?> onTestClasspath = Class.forName(function.handlerClass());
            assertThat(loaded).as(id).isNotSameAs(onTestClasspath);
            assertThat(loaded.getName()).as(id).isEqualTo(onTestClasspath.getName());
            assertThat(loaded.getClassLoader()).as(id).isSameAs(cloud.functionClassLoader(id));
            assertThat(loaded.getClassLoader().getParent()).as(id).isSameAs(ClassLoader.getPlatformClassLoader());
            assertThat(cloud.functionStats(id).invocations()).as(id + " invoked").isPositive();
            assertThat(cloud.functionStats(id).failedRecords()).as(id + " failed records").isZero();
        }
        assertThat(cloud.plan().functions().values()).extracting(f -> cloud.functionClassLoader(f.logicalId()))
                .doesNotHaveDuplicates();
    }

    private void putSnapshot(LocalCloud cloud, Bar bar) {
        new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1))
                .put(new MarketSnapshot(bar, Instant.now()));
    }
}
