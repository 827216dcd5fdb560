package com.alphacast.functions.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.fakes.RecordedRequest;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.functions.FakeContext;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.alphacast.aws.subscription.DynamoSubscriptionLedger;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.usecase.subscription.SubscriptionGrants;
import com.alphacast.functions.FunctionResources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The Telegram webhook function on the local cloud's tables (template.yaml), answering through a loopback Bot API
 * that checks every call against the official spec. Updates arrive as HttpApi payload 2.0 events.
 */
class TelegramWebhookHandlerTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String SECRET = "local-webhook-secret_42";
    private static final String OPERATOR = "700001";
    private static final String PREMIUM = "700002";
    private static final String FREE = "700003";
    private static final FakeTelegram TELEGRAM = FakeTelegram.start(TOKEN);
    private static final AtomicLong UPDATE_IDS = new AtomicLong(900_000_000);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private final ObjectMapper json = new ObjectMapper();

    @AfterAll
    static void stopTelegram() {
        TELEGRAM.close();
    }

    /** Messages sent before this test (the fake keeps them across {@code clearRecords}). */
    private int sentBefore;

    @BeforeEach
    void forgetEarlierCalls() {
        TELEGRAM.clearRecords();
        sentBefore = TELEGRAM.sentMessages().size();
    }

    private List<FakeTelegram.SentMessage> sent() {
        List<FakeTelegram.SentMessage> all = TELEGRAM.sentMessages();
        return all.subList(sentBefore, all.size());
    }

    private TelegramWebhookHandler handler(LocalCloud cloud) {
        return handler(cloud, Clock.systemUTC());
    }

    private TelegramWebhookHandler handler(LocalCloud cloud, Clock clock) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("TelegramWebhookFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        environment.put("TELEGRAM_WEBHOOK_SECRET_REF", "env:TEST_WEBHOOK_SECRET");
        environment.put("TEST_WEBHOOK_SECRET", SECRET);
        environment.put("TELEGRAM_BOT_TOKEN_REF", "env:TEST_BOT_TOKEN");
        environment.put("TEST_BOT_TOKEN", TOKEN);
        environment.put("TELEGRAM_API_BASE", TELEGRAM.baseUri().toString().replaceAll("/$", ""));
        environment.put("TELEGRAM_BOT_USERNAME", "alphacast_bot");
        // Only the operator entry counts: tiers come from SubscribersTable.
        environment.put("ALPHACAST_ROLES", "telegram:" + OPERATOR + "=admin,telegram:" + PREMIUM + "=premium,telegram:"
                + FREE + "=free");
        return new TelegramWebhookHandler(new FunctionResources(environment), clock);
    }

    private APIGatewayV2HTTPResponse post(TelegramWebhookHandler handler, String secret, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (secret != null) {
            headers.put("x-telegram-bot-api-secret-token", secret);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/telegram/webhook").withHeaders(headers)
                .withBody(body).withIsBase64Encoded(false).build();
        return handler.handleRequest(event, new FakeContext("TelegramWebhookFunction"));
    }

    /** A fixture with a fresh update id: several fixtures share one id, which the function rightly handles once. */
    private ObjectNode fixture(String name) {
        try {
            ObjectNode update = (ObjectNode) json.readTree(Files.readString(TestData.file("telegram/updates/" + name)));
            update.put("update_id", UPDATE_IDS.incrementAndGet());
            return update;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command fixture rewritten to come from {@code userId} with {@code text} (a command at offset 0). */
    private ObjectNode command(String userId, String text) {
        ObjectNode update = fixture("command.json");
        ObjectNode message = (ObjectNode) update.get("message");
        message.put("text", text);
        ((ObjectNode) message.get("from")).put("id", Long.parseLong(userId));
        ((ObjectNode) message.get("chat")).put("id", Long.parseLong(userId));
        ((ObjectNode) message.get("entities").get(0)).put("length", text.split(" ")[0].length());
        return update;
    }

    private List<String> calledMethods() {
        return TELEGRAM.requests().stream().map(RecordedRequest::path)
                .map(path -> path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Test
    void everyFixtureIsAcknowledgedAndAnsweredAsTheBotShould(LocalCloud cloud) {
        TelegramWebhookHandler handler = handler(cloud);
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("command.json", List.of("sendmessage")),
                Map.entry("command_tag_valid.json", List.of()),
                Map.entry("callback_query.json", List.of("answercallbackquery")),
                Map.entry("pre_checkout_query.json", List.of("answerprecheckoutquery")),
                Map.entry("successful_payment.json", List.of()),
                Map.entry("chat_member.json", List.of()),
                Map.entry("my_chat_member.json", List.of()),
                Map.entry("message.json", List.of()),
                Map.entry("text.json", List.of()),
                Map.entry("entities.json", List.of()),
                Map.entry("edited_message.json", List.of()),
                Map.entry("channel_post.json", List.of()),
                Map.entry("new_chat_members.json", List.of()));
        for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
            TELEGRAM.clearRecords();
            APIGatewayV2HTTPResponse response = post(handler, SECRET, fixture(entry.getKey()).toString());
            assertThat(response.getStatusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(calledMethods()).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(TELEGRAM.invalidRequests()).isEmpty();
    }

    @Test
    void unknownCommandIsAnsweredInTheSendersChat(LocalCloud cloud) {
        post(handler(cloud), SECRET, fixture("command.json").toString());

        assertThat(sent()).singleElement().satisfies(sent -> {
            assertThat(sent.chatId()).isEqualTo("10081232");
            assertThat(sent.text()).startsWith("I don't know /test.");
        });
    }

    @Test
    void sameUpdatePostedThreeTimesIsAnsweredOnce(LocalCloud cloud) {
        TelegramWebhookHandler handler = handler(cloud);
        String update = command(OPERATOR, "/status").toString();

        for (int i = 0; i < 3; i++) {
            assertThat(post(handler, SECRET, update).getStatusCode()).isEqualTo(200);
        }

        assertThat(sent()).singleElement()
                .satisfies(sent -> assertThat(sent.text()).startsWith("Trading is"));
    }

    @Test
    void wrongOrMissingSecretIs401AndNothingIsRecorded(LocalCloud cloud) {
        TelegramWebhookHandler handler = handler(cloud);
        ObjectNode update = command(FREE, "/status");
        int recordedBefore = recordedRequests(cloud);

        assertThat(post(handler, "not-the-secret", update.toString()).getStatusCode()).isEqualTo(401);
        assertThat(post(handler, null, update.toString()).getStatusCode()).isEqualTo(401);

        assertThat(recordedRequests(cloud)).isEqualTo(recordedBefore);
        assertThat(TELEGRAM.requests()).isEmpty();
        // The update was not spent: the genuine delivery is still answered.
        assertThat(post(handler, SECRET, update.toString()).getStatusCode()).isEqualTo(200);
        assertThat(sent()).hasSize(1);
    }

    @Test
    void malformedOrOversizedBodiesAreAcknowledgedWithoutAnswer(LocalCloud cloud) {
        TelegramWebhookHandler handler = handler(cloud);

        assertThat(post(handler, SECRET, "{\"update_id\": 12, \"message\": ").getStatusCode()).isEqualTo(200);
        assertThat(post(handler, SECRET, "[1, 2, 3]").getStatusCode()).isEqualTo(200);
        String oversized = command(FREE, "/status " + "x".repeat(70_000)).toString();
        assertThat(post(handler, SECRET, oversized).getStatusCode()).isEqualTo(200);

        assertThat(TELEGRAM.requests()).isEmpty();
    }

    @Test
    void premiumPositionsComeFromThePositionsTableAndFreeUsersAreRefused(LocalCloud cloud) {
        DynamoTradingLedger ledger = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        Instant opened = Instant.parse("2011-07-31T22:50:00Z");
        Position position = new Position("webhook-test:ESU1:1", "ES", "ESU1", Direction.LONG, 1, 1303.75, 1302.0, 1307.0, opened);
        ledger.recordExecution(new Order("webhook-test:ESU1:1", "ESU1", Direction.LONG, 1, opened, "paper"),
                new Fill("webhook-test:ESU1:1", "webhook-test:ESU1:1", "ESU1", Direction.LONG, 1, 1303.75, opened), position);
        new SubscriptionGrants(ledger(cloud), Clock.systemUTC()).grant(new Subscriber(Channel.TELEGRAM, PREMIUM), Tier.PREMIUM, 30);
        TelegramWebhookHandler handler = handler(cloud);

        post(handler, SECRET, command(PREMIUM, "/positions").toString());
        post(handler, SECRET, command(FREE, "/positions").toString());

        List<FakeTelegram.SentMessage> sent = sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).chatId()).isEqualTo(PREMIUM);
        assertThat(sent.get(0).text()).startsWith("Open positions (").contains("1303.75");
        assertThat(sent.get(1).chatId()).isEqualTo(FREE);
        assertThat(sent.get(1).text()).isEqualTo("/positions needs a premium subscription or higher. See /subscribe.");
        ledger.close(position, new PositionExit(position.signalId(), ExitReason.STOP, 1302.0, opened.plusSeconds(600)), -87.5);
    }

    @Test
    void operatorHaltSetsTheKillSwitchTheRiskCheckReadsAndResumeLiftsIt(LocalCloud cloud) {
        TelegramWebhookHandler handler = handler(cloud);
        DynamoRiskLedger risk = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), new JsonCodec());

        post(handler, SECRET, command(OPERATOR, "/halt FOMC minutes").toString());

        assertThat(risk.killSwitch().halted()).isTrue();
        assertThat(risk.killSwitch().reason()).isEqualTo("FOMC minutes");
        assertThat(risk.killSwitch().changedBy()).isEqualTo("telegram:" + OPERATOR);

        post(handler, SECRET, command(FREE, "/halt").toString());
        assertThat(risk.killSwitch().reason()).isEqualTo("FOMC minutes");

        post(handler, SECRET, command(OPERATOR, "/resume").toString());
        assertThat(risk.killSwitch().halted()).isFalse();

        assertThat(sent()).extracting(FakeTelegram.SentMessage::text).containsExactly(
                "Trading halted: no new orders. Reason: FOMC minutes. Send /resume to allow orders again.",
                "/halt is for operators only.",
                "Trading resumed: new orders allowed.");
        List<Map<String, String>> audit = cloud.dynamoDb().scan(ScanRequest.builder()
                        .tableName(cloud.tableName("OperatorAuditTable")).build()).items().stream()
                .map(item -> Map.of("actor", item.get("actor").s(), "command", item.get("command").s(),
                        "verdict", item.get("verdict").s()))
                .toList();
        assertThat(audit).contains(
                Map.of("actor", "telegram:" + OPERATOR, "command", "/halt", "verdict", "HANDLED"),
                Map.of("actor", "telegram:" + FREE, "command", "/halt", "verdict", "UNAUTHORIZED"),
                Map.of("actor", "telegram:" + OPERATOR, "command", "/resume", "verdict", "HANDLED"));
    }

    @Test
    void preCheckoutOfAnInvoiceThatIsNotOursIsDeclinedWithTheReason(LocalCloud cloud) {
        post(handler(cloud), SECRET, fixture("pre_checkout_query.json").toString());

        assertThat(TELEGRAM.requests()).singleElement().satisfies(answer -> {
            assertThat(answer.path().toLowerCase(Locale.ROOT)).endsWith("/answerprecheckoutquery");
            assertThat(answer.json().get("pre_checkout_query_id").asText()).isEqualTo("999728699048485871");
            assertThat(answer.json().get("ok").asBoolean()).isFalse();
            assertThat(answer.json().get("error_message").asText()).isNotBlank();
        });
        assertThat(TELEGRAM.invalidRequests()).isEmpty();
    }

    @Test
    void starsPaymentGrantsPremiumOnceUntilThePeriodEnds(LocalCloud cloud) {
        // From the wall clock: the handler stamps the updates it has seen with a TTL on this clock, and the local
        // DynamoDB purges by the wall clock (a fixed 2026-03-02 left them expired on arrival, so redeliveries could pass).
        SteppedClock clock = new SteppedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        TelegramWebhookHandler handler = handler(cloud, clock);
        String payer = "700010";

        post(handler, SECRET, command(payer, "/subscribe").toString());
        JsonNode invoice = TELEGRAM.requests().stream().filter(r -> r.path().toLowerCase(Locale.ROOT).endsWith("/sendinvoice")).map(RecordedRequest::json)
                .filter(json -> json.get("payload").asText().startsWith("sub:v1:premium:"))
                .filter(json -> json.get("prices").get(0).get("amount").asInt() == 500).findFirst().orElseThrow();
        String payload = invoice.get("payload").asText();
        assertThat(invoice.get("currency").asText()).isEqualTo("XTR");

        TELEGRAM.clearRecords();
        ObjectNode preCheckout = fixture("pre_checkout_query.json");
        ObjectNode query = (ObjectNode) preCheckout.get("pre_checkout_query");
        query.put("currency", "XTR").put("total_amount", 500).put("invoice_payload", payload);
        ((ObjectNode) query.get("from")).put("id", Long.parseLong(payer));
        post(handler, SECRET, preCheckout.toString());
        assertThat(TELEGRAM.requests()).singleElement().satisfies(answer -> {
            assertThat(answer.path().toLowerCase(Locale.ROOT)).endsWith("/answerprecheckoutquery");
            assertThat(answer.json().get("ok").asBoolean()).isTrue();
        });

        ObjectNode payment = fixture("successful_payment.json");
        ObjectNode message = (ObjectNode) payment.get("message");
        ((ObjectNode) message.get("from")).put("id", Long.parseLong(payer));
        ((ObjectNode) message.get("chat")).put("id", Long.parseLong(payer));
        ((ObjectNode) message.get("successful_payment")).put("currency", "XTR").put("total_amount", 500)
                .put("invoice_payload", payload).put("telegram_payment_charge_id", "stxWebhookTest" + payer);
        // Telegram redelivers the same update, and a second update may report the same charge: one grant.
        for (int i = 0; i < 3; i++) {
            assertThat(post(handler, SECRET, payment.toString()).getStatusCode()).isEqualTo(200);
        }
        payment.put("update_id", UPDATE_IDS.incrementAndGet());
        post(handler, SECRET, payment.toString());

        Subscription granted = ledger(cloud).find(new Subscriber(Channel.TELEGRAM, payer)).orElseThrow();
        assertThat(granted.tier()).isEqualTo(Tier.PREMIUM);
        assertThat(granted.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(sent()).filteredOn(sent -> sent.text().startsWith("Thank you!")).singleElement()
                .satisfies(sent -> assertThat(sent.chatId()).isEqualTo(payer));

        post(handler, SECRET, command(payer, "/tier").toString());
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        post(handler, SECRET, command(payer, "/tier").toString());

        List<String> texts = sent().stream().map(FakeTelegram.SentMessage::text).toList();
        assertThat(texts.subList(texts.size() - 2, texts.size())).containsExactly(
                "Your tier: premium (every detail in real time).",
                "Your tier: free (teasers and results). Upgrade: /subscribe");
        assertThat(TELEGRAM.invalidRequests()).isEmpty();
    }

    @Test
    void operatorGrantGivesPremiumFromTheLedger(LocalCloud cloud) {
        TelegramWebhookHandler handler = handler(cloud);
        String member = "700020";

        post(handler, SECRET, command(member, "/tier").toString());
        post(handler, SECRET, command(OPERATOR, "/grant telegram:" + member + " premium 30").toString());
        post(handler, SECRET, command(member, "/tier").toString());

        assertThat(ledger(cloud).find(new Subscriber(Channel.TELEGRAM, member))).map(Subscription::tier).contains(Tier.PREMIUM);
        List<String> texts = sent().stream().map(FakeTelegram.SentMessage::text).toList();
        assertThat(texts.get(0)).isEqualTo("You are not subscribed yet. See /subscribe.");
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("Granted premium to telegram:" + member + " until "));
        assertThat(texts.get(texts.size() - 1)).isEqualTo("Your tier: premium (every detail in real time).");
    }

    private static DynamoSubscriptionLedger ledger(LocalCloud cloud) {
        return new DynamoSubscriptionLedger(cloud.dynamoDb(), cloud.tableName("SubscribersTable"));
    }

    /** A clock the test moves forward, to see a subscription end. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock stays in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static int recordedRequests(LocalCloud cloud) {
        return cloud.dynamoDb().scan(ScanRequest.builder().tableName(cloud.tableName("InboundRequestsTable")).build()).count();
    }
}
