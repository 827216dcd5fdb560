package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.usecase.trading.CloseRequest;
import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.junit.TemporaryHome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An operator's /closeall through the Telegram webhook route on the real template: the confirmed command asks the
 * position function to close every open position, which closes it at the latest stored price, gives its risk slot
 * back and publishes the close with its P&amp;L to every tier, once, however often the request arrives; the command is
 * audited with how many positions it asked to close.
 */
class OperatorCloseAllIT {

    private static final LocalChatPlatforms CHAT = LocalChatPlatforms.start();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(600_000_000);
    /** The user of the Telegram fixtures (testdata/telegram/updates/command.json), an operator here. */
    private static final String OPERATOR = "10081232";
    private static final Duration IDLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = ChatWebhooksIT.withChat(CHAT, LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .parameter("ExitCheckWaitSeconds", "0")
            .onlyFunctions("RiskCheckFunction", "OrderFunction", "PositionExitFunction", "DistributionFunction",
                    "TelegramWebhookFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", PipelineFixtures.pipelineConfig().toString())
            .functionEnvironment("ALPHACAST_HOME", TemporaryHome.create("alphacast-closeall-test").toString())
            .functionEnvironment("ALPHACAST_ROLES", "telegram:" + OPERATOR + "=admin"))
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonCodec json = new JsonCodec();

    @AfterAll
    static void stopChat() {
        CHAT.close();
    }

    private static Bar bar(Instant end, double open, double high, double low, double close) {
        return new Bar("ES", end.minusSeconds(60).toEpochMilli(), end.toEpochMilli(), open, high, low, close, 1092, 140);
    }

    /** The operator's message {@code text}, as Telegram posts it to the webhook; returns the bot's answer. */
    private String operatorSays(LocalCloud cloud, String text) throws Exception {
        ObjectNode update = (ObjectNode) mapper.readTree(Files.readString(TestData.file("telegram/updates/command.json")));
        update.put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode message = (ObjectNode) update.get("message");
        message.put("text", text);
        ((ObjectNode) message.get("entities").get(0)).put("length", text.split(" ")[0].length());
        int before = CHAT.telegram().sentMessages().size();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(cloud.httpEndpoint().orElseThrow() + "/telegram/webhook"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", CHAT.webhookSecret())
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<FakeTelegram.SentMessage> sent = CHAT.telegram().sentMessages();
        assertThat(sent.subList(before, sent.size())).as("answer to " + text).hasSize(1);
        return sent.get(sent.size() - 1).text();
    }

    @Test
    void confirmedCloseAllClosesTheOpenPositionAtTheLatestPriceOnceReleasingItsSlotAndPublishingTheClose(
            LocalCloud cloud) throws Exception {
        DynamoMarketSnapshots snapshots = new DynamoMarketSnapshots(cloud.dynamoDb(),
                cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(1));
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        DynamoRiskLedger risk = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json);
        Instant signalBar = Instant.parse("2011-07-31T22:10:00Z");
        snapshots.put(new MarketSnapshot(bar(signalBar, 1305.0, 1305.25, 1303.25, 1303.5), Instant.now()));
        Signal signal = new Signal("volume-spike:ESU1:" + signalBar, "volume-spike", "ES", "ESU1", Direction.SHORT,
                1303.5, 1305.0, 1300.5, 1, 0.66, "volume 3x", signalBar, Instant.now());
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId("signals")
                .messageDeduplicationId(signal.id()).messageBody(json.write(signal)));
        cloud.awaitIdle(IDLE);
        // Filled short at 1303.25; the market then trades between stop (1305) and target (1300.5), last 1304.0.
        snapshots.put(new MarketSnapshot(bar(signalBar.plusSeconds(60), 1303.5, 1304.25, 1303.0, 1304.0), Instant.now()));
        assertThat(trading.openPositions()).hasSize(1);

        String asked = operatorSays(cloud, "/closeall");
        Matcher code = Pattern.compile("send /closeall (\\d{6})").matcher(asked);
        assertThat(code.find()).as(asked).isTrue();
        String answer = operatorSays(cloud, "/closeall " + code.group(1));
        cloud.awaitIdle(IDLE);
        String again = operatorSays(cloud, "/closeall " + code.group(1));
        // The request redelivered by SQS, and a second one from another confirmation: nothing closes twice.
        for (int i = 0; i < 2; i++) {
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("PositionCloseRequestsQueue")).messageBody(
                    json.write(new CloseRequest(signal.id(), "telegram:" + OPERATOR, Instant.now()))));
        }
        cloud.awaitIdle(IDLE);
        String nothingLeft = operatorSays(cloud, "/closeall");

        assertThat(asked).contains("This closes all 1 open positions");
        assertThat(answer).isEqualTo("Closing 1 open positions.");
        assertThat(again).contains("wrong or expired");
        assertThat(nothingLeft).isEqualTo("No open positions to close.");
        assertThat(trading.openPositions()).isEmpty();
        assertThat(trading.closedPositions()).singleElement().satisfies(closed -> {
            assertThat(closed.exit().reason()).isEqualTo(ExitReason.OPERATOR);
            assertThat(closed.exit().price()).isEqualTo(1304.0);
            assertThat(closed.exit().time()).isEqualTo(signalBar.plusSeconds(60));
            // Short from 1303.25 out at 1304.0: -0.75 points at 50 USD.
            assertThat(closed.realizedPnl()).isEqualTo(-37.5);
        });
        assertThat(risk.held()).isEmpty();
        assertThat(risk.state(risk.decisionFor(signal.id()).orElseThrow().tradingDay()).openPositions()).isZero();
        List<DeliveryRecord> closes = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1)).all().stream()
                .filter(d -> d.publicationId().equals("exit:" + signal.id())).toList();
        assertThat(closes).extracting(d -> d.tier() + "/" + d.channel()).containsExactlyInAnyOrder(
                "premium/telegram", "premium/discord", "basic/telegram", "basic/discord", "free/telegram", "free/x");
        assertThat(closes).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo("SENT");
            assertThat(d.kind()).isEqualTo("closed");
        });
        assertThat(auditResults(cloud)).contains("handled /closeall: closing 1 positions for telegram:" + OPERATOR);
        assertThat(cloud.deadLetterCount("PositionCloseRequestsQueue")).isZero();
        assertThat(CHAT.telegram().invalidRequests()).isEmpty();
    }

    private static List<String> auditResults(LocalCloud cloud) {
        return cloud.dynamoDb().scan(b -> b.tableName(cloud.tableName("OperatorAuditTable"))).items().stream()
                .map(item -> item.getOrDefault("result", AttributeValue.fromS("")).s()).toList();
    }
}
