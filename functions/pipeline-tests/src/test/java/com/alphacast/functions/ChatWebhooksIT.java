package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.fixtures.TestData;
import com.alphacast.fakes.RecordedRequest;
import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat webhooks through the local cloud's HTTP API (template.yaml's HttpApi routes, API Gateway's payload 2.0),
 * each function from its jar: every Telegram update fixture gets the expected answer at the loopback Bot API, one
 * update posted three times is answered once, a signed Discord PING answers PONG and the same request outside the
 * timestamp window is refused; a Discord command is deferred and finished by the follow-up function.
 */
class ChatWebhooksIT {

    private static final LocalChatPlatforms CHAT = LocalChatPlatforms.start();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(500_000_000);
    private static final String OPERATOR = "900000000000000042";

    @RegisterExtension
    static final LocalCloudExtension CLOUD = withChat(CHAT, LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .onlyFunctions("TelegramWebhookFunction", "DiscordInteractionsFunction", "DiscordFollowUpFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", PipelineFixtures.pipelineConfig().toString())
            .functionEnvironment("ALPHACAST_ROLES", "discord:" + OPERATOR + "=admin"))
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    static LocalCloudExtension.Builder withChat(LocalChatPlatforms chat, LocalCloudExtension.Builder builder) {
        chat.functionEnvironment().forEach(builder::functionEnvironment);
        return builder;
    }

    @AfterAll
    static void stopChat() {
        CHAT.close();
    }

    private HttpResponse<String> post(LocalCloud cloud, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.httpEndpoint().orElseThrow() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> telegram(LocalCloud cloud, String body) throws IOException, InterruptedException {
        return post(cloud, "/telegram/webhook", Map.of("X-Telegram-Bot-Api-Secret-Token", CHAT.webhookSecret()), body);
    }

    private HttpResponse<String> discord(LocalCloud cloud, Instant signedAt, String body) throws IOException, InterruptedException {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return post(cloud, "/discord/interactions", Map.of("X-Signature-Ed25519", CHAT.signDiscord(timestamp, body),
                "X-Signature-Timestamp", timestamp), body);
    }

    /** A fixture with a fresh update id (several fixtures share one, which the webhook rightly handles once). */
    private String fixture(String name) throws IOException {
        ObjectNode update = (ObjectNode) json.readTree(Files.readString(TestData.file("telegram/updates/" + name)));
        update.put("update_id", UPDATE_IDS.incrementAndGet());
        return update.toString();
    }

    private List<String> telegramMethods() {
        return CHAT.telegram().requests().stream().map(RecordedRequest::path)
                .map(path -> path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void everyTelegramFixturePostedToTheRouteGetsTheExpectedAnswer(LocalCloud cloud) throws Exception {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("command.json", List.of("sendmessage")),
                Map.entry("command_tag_valid.json", List.of()),
                Map.entry("text.json", List.of()),
                Map.entry("message.json", List.of()),
                Map.entry("callback_query.json", List.of("answercallbackquery")),
                Map.entry("pre_checkout_query.json", List.of("answerprecheckoutquery")),
                Map.entry("successful_payment.json", List.of()),
                Map.entry("chat_member.json", List.of()),
                Map.entry("my_chat_member.json", List.of()));
        for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
            CHAT.telegram().clearRecords();
            HttpResponse<String> response = telegram(cloud, fixture(entry.getKey()));
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(telegramMethods()).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(CHAT.telegram().invalidRequests()).isEmpty();
    }

    @Test
    void sameUpdatePostedThreeTimesIsAnsweredOnceAndAWrongSecretIs401(LocalCloud cloud) throws Exception {
        String update = fixture("command.json");
        int before = CHAT.telegram().sentMessages().size();

        for (int i = 0; i < 3; i++) {
            assertThat(telegram(cloud, update).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> forged = post(cloud, "/telegram/webhook",
                Map.of("X-Telegram-Bot-Api-Secret-Token", "not-" + CHAT.webhookSecret()), fixture("command.json"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(CHAT.telegram().sentMessages().subList(before, CHAT.telegram().sentMessages().size()))
                .singleElement().satisfies(sent -> assertThat(sent.text()).startsWith("I don't know /test."));
    }

    @Test
    void signedDiscordPingIsPongAndTheSameRequestOutsideTheWindowIsRefused(LocalCloud cloud) throws Exception {
        HttpResponse<String> pong = discord(cloud, Instant.now(), "{\"type\":1}");
        HttpResponse<String> replay = discord(cloud, Instant.now().minusSeconds(400), "{\"type\":1}");

        assertThat(pong.statusCode()).isEqualTo(200);
        assertThat(json.readTree(pong.body()).get("type").asInt()).isEqualTo(1);
        assertThat(replay.statusCode()).isEqualTo(401);
    }

    @Test
    void discordCommandIsDeferredThenAnsweredByTheFollowUpFunction(LocalCloud cloud) throws Exception {
        CHAT.discord().expectInteraction("tok-1300000000000000077");
        String command = "{\"id\":\"1300000000000000077\",\"type\":2,\"application_id\":\"1184000000000000100\","
                + "\"token\":\"tok-1300000000000000077\",\"channel_id\":\"1184000000000000001\","
                + "\"member\":{\"user\":{\"id\":\"" + OPERATOR + "\"}},\"data\":{\"name\":\"status\"}}";

        HttpResponse<String> deferred = discord(cloud, Instant.now(), command);
        cloud.awaitIdle(Duration.ofSeconds(30));

        assertThat(deferred.statusCode()).isEqualTo(200);
        assertThat(json.readTree(deferred.body()).get("type").asInt()).isEqualTo(5);
        assertThat(CHAT.discord().posted()).filteredOn(posted -> posted.target().startsWith("original:"))
                .singleElement().satisfies(posted -> assertThat(posted.body().get("content").asText()).startsWith("Trading is"));
        assertThat(CHAT.discord().invalidRequests()).isEmpty();
    }
}
