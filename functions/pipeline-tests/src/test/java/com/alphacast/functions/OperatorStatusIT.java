package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.feed.DynamoFeedStatusBoard;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedStatus;
import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator's /status, through the Telegram webhook route and through the Discord interactions route (deferred, then
 * answered by the follow-up function) on the real template, lists each instrument's feed from the records the worker's
 * board ({@link DynamoFeedStatusBoard}) wrote in ControlTable, a record not rewritten for over five minutes flagged
 * (who sees what is the router's unit test, FeedStatusCommandTest).
 */
class OperatorStatusIT {

    private static final LocalChatPlatforms CHAT = LocalChatPlatforms.start();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(700_000_000);
    /** The user of the Telegram fixtures (testdata/telegram/updates/command.json), an operator here. */
    private static final String OPERATOR = "10081232";
    private static final String DISCORD_OPERATOR = "900000000000000042";

    @RegisterExtension
    static final LocalCloudExtension CLOUD = ChatWebhooksIT.withChat(CHAT, LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .onlyFunctions("TelegramWebhookFunction", "DiscordInteractionsFunction", "DiscordFollowUpFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", PipelineFixtures.pipelineConfig().toString())
            .functionEnvironment("ALPHACAST_ROLES", "telegram:" + OPERATOR + "=admin,discord:" + DISCORD_OPERATOR + "=admin"))
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final SlashCommands discord = new SlashCommands(CHAT, "1184000000000000000", 1_300_000_000_000_000_900L);
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterAll
    static void stopChat() {
        CHAT.close();
    }

    /** The operator's message {@code text}, as Telegram posts it to the webhook; returns the bot's answer. */
    private String operatorSays(LocalCloud cloud, String text) throws Exception {
        ObjectNode update = (ObjectNode) mapper.readTree(Files.readString(TestData.file("telegram/updates/command.json")));
        update.put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode message = (ObjectNode) update.get("message");
        message.put("text", text);
        ((ObjectNode) message.get("entities").get(0)).put("length", text.length());
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

    /** The worker's board, as the worker writes it: BTCUSDT just now, ES last written 20 minutes ago (it stopped). */
    private record Board(Instant liveSince, Instant staleSince) {
    }

    private static Board workerWroteTheBoard(LocalCloud cloud) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String control = cloud.tableName("ControlTable");
        Instant liveSince = now.minus(Duration.ofHours(2));
        Instant staleSince = now.minus(Duration.ofMinutes(20));
        new DynamoFeedStatusBoard(cloud.dynamoDb(), control).publish(new FeedStatus("BTCUSDT", "binance-futures",
                FeedHealth.LIVE, "book synchronised", nanos(liveSince)));
        new DynamoFeedStatusBoard(cloud.dynamoDb(), control, Clock.fixed(staleSince, ZoneOffset.UTC)).publish(
                new FeedStatus("ES", "databento", FeedHealth.STALE, "no message for 5000 ms", nanos(staleSince)));
        return new Board(liveSince, staleSince);
    }

    private static void listsEachFeedAndFlagsTheOldRecord(String answer, Board board) {
        assertThat(answer).startsWith("Trading is running").contains("\nFeeds:\n");
        assertThat(answer.lines().filter(line -> line.startsWith("BTCUSDT"))).singleElement().satisfies(line ->
                assertThat(line).isEqualTo("BTCUSDT · binance-futures · LIVE since " + utc(board.liveSince())
                        + " · book synchronised"));
        assertThat(answer.lines().filter(line -> line.startsWith("ES "))).singleElement().satisfies(line ->
                assertThat(line).startsWith("ES · databento · STALE since " + utc(board.staleSince())
                        + " · no message for 5000 ms · OLD RECORD: last written " + utc(board.staleSince()) + ", ")
                        .endsWith(" min ago; is the worker running?"));
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    @Test
    void operatorsStatusListsEachFeedFromTheWorkersRecordsAndFlagsOneNotRewritten(LocalCloud cloud) throws Exception {
        Board board = workerWroteTheBoard(cloud);

        String operator = operatorSays(cloud, "/status");

        listsEachFeedAndFlagsTheOldRecord(operator, board);
        assertThat(CHAT.telegram().invalidRequests()).isEmpty();
    }

    @Test
    void discordOperatorsStatusListsEachFeedFromTheWorkersRecordsAndFlagsOneNotRewritten(LocalCloud cloud)
            throws Exception {
        Board board = workerWroteTheBoard(cloud);

        String operator = discord.answer(cloud, DISCORD_OPERATOR, "status", "");

        listsEachFeedAndFlagsTheOldRecord(operator, board);
        assertThat(CHAT.discord().invalidRequests()).isEmpty();
    }

    private static String utc(Instant at) {
        return at.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }
}
