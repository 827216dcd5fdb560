package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.briefing.DynamoBriefingLedger;
import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.usecase.briefing.BriefingRecord;
import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.fakes.x.FakeX;
import com.alphacast.functions.morning.chart.BriefingChart;
import com.alphacast.functions.morning.chart.KeyLevel;
import com.alphacast.functions.morning.chart.PricePoint;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A morning briefing with its chart, stored in BriefingsTable and released to every tier on DeliveriesQueue the way
 * the morning function does, delivered by the distribution function from its package with all three platforms live
 * against the loopback fakes (each checks the multipart requests against the platform's spec): Telegram gets
 * {@code sendPhoto}, Discord a message with the chart as its embed image, X a media upload then a post naming it;
 * every platform receives the archived PNG byte for byte, once, even when a release is delivered twice.
 */
class LiveBriefingChartIT {

    private static final String TELEGRAM_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String DISCORD_BOT_TOKEN = "discord-bot-token";
    private static final FakeTelegram TELEGRAM = FakeTelegram.start(TELEGRAM_TOKEN);
    private static final FakeDiscord DISCORD = FakeDiscord.start(DISCORD_BOT_TOKEN)
            .addChannel("1184000000000000001").addChannel("1184000000000000002");
    private static final FakeX X = FakeX.start(new FakeX.Credentials("ck", "cs", "at", "ats", null));
    private static final Path CONFIG = liveConfig();

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .onlyFunctions("DistributionFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", CONFIG.toString())
            .functionEnvironment("ALPHACAST_HOME", CONFIG.toString())
            .functionEnvironment("ALPHACAST_TEST_TELEGRAM_TOKEN", TELEGRAM_TOKEN)
            .functionEnvironment("ALPHACAST_TEST_DISCORD", "{\"botToken\": \"" + DISCORD_BOT_TOKEN + "\"}")
            .functionEnvironment("ALPHACAST_TEST_X",
                    "{\"apiKey\": \"ck\", \"apiSecret\": \"cs\", \"accessToken\": \"at\", \"accessTokenSecret\": \"ats\"}")
            .build();

    private final JsonCodec json = new JsonCodec();

    /** config/demo.yaml with every channel live against the fakes. */
    private static Path liveConfig() {
        return PipelineFixtures.demoConfigWith("alphacast-live-briefing-chart", "outbox channels", """
                  channels:
                    telegram:
                      sink: outbox
                    discord:
                      sink: outbox
                    x:
                      sink: outbox
                """, """
                  channels:
                    telegram:
                      sink: live
                      credential: "env:ALPHACAST_TEST_TELEGRAM_TOKEN"
                      apiBaseUrl: "%s"
                    discord:
                      sink: live
                      credential: "env:ALPHACAST_TEST_DISCORD"
                      apiBaseUrl: "%s"
                    x:
                      sink: live
                      credential: "env:ALPHACAST_TEST_X"
                      apiBaseUrl: "%s"
                """.formatted(TELEGRAM.baseUri().toString().replaceAll("/$", ""), DISCORD.apiBase(),
                X.baseUri().toString().replaceAll("/$", "")));
    }

    @AfterAll
    static void stopFakes() {
        TELEGRAM.close();
        DISCORD.close();
        X.close();
    }

    /** The briefing chart drawn by the morning function's own painter over the demo session's real ES trades. */
    private static byte[] chartOfTheDemoSession() throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS");
        List<String> lines = Files.readAllLines(LocalCloudExtension.projectRoot().resolve("data/demo/es_trades_2011-07-31.csv"));
        List<PricePoint> prices = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 100) {
            String[] fields = lines.get(i).split(",");
            prices.add(new PricePoint(LocalDateTime.parse(fields[0], format).atZone(ZoneId.of("UTC")).toInstant(),
                    Double.parseDouble(fields[1])));
        }
        return new BriefingChart(0.05, ZoneId.of("America/New_York"))
                .png("ES prior session", Optional.empty(), prices, List.of(new KeyLevel("prior close", 1298.75)))
                .orElseThrow();
    }

    @Test
    void briefingChartReachesTelegramDiscordAndXOnceWithTheArchivedBytes(LocalCloud cloud) throws IOException {
        byte[] chart = chartOfTheDemoSession();
        LocalDate session = LocalDate.of(2011, 8, 1);
        Instant at = Instant.parse("2011-08-01T12:00:00Z");
        Map<Tier, String> texts = new EnumMap<>(Tier.class);
        texts.put(Tier.PREMIUM, "Prior close 1298.75; overnight high 1306.00.");
        texts.put(Tier.BASIC, "Prior close 1298.75.");
        texts.put(Tier.FREE, "Levels for ES are out for members.");
        new DynamoBriefingLedger(cloud.dynamoDb(), cloud.tableName("BriefingsTable")).claim(new BriefingRecord(session, at,
                "ES pre-market levels", texts, BriefingText.Source.TEMPLATE, "template: no model configured",
                Optional.empty(), Optional.of(chart), "{}", List.of(), false));
        Publication.MorningBriefing briefing = new Publication.MorningBriefing(Publication.MorningBriefing.idOf(session),
                session, at, "ES pre-market levels", texts, true);

        for (Tier tier : List.of(Tier.PREMIUM, Tier.BASIC, Tier.FREE, Tier.PREMIUM)) {
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("DeliveriesQueue"))
                    .messageBody(json.write(new TierRelease(briefing, tier, Instant.now()))));
        }
        cloud.awaitIdle(Duration.ofSeconds(90));

        assertThat(TELEGRAM.sentPhotos()).as("one photo per tier's Telegram chat, the second premium release sending nothing")
                .hasSize(3).allSatisfy(photo -> assertThat(photo.photo()).isEqualTo(chart));
        assertThat(TELEGRAM.sentPhotos()).extracting(FakeTelegram.SentPhoto::caption)
                .anySatisfy(caption -> assertThat(caption).contains("overnight high 1306.00"));
        assertThat(DISCORD.posted()).hasSize(2).allSatisfy(posted -> {
            assertThat(posted.files()).singleElement().satisfies(file -> assertThat(file.bytes()).isEqualTo(chart));
            assertThat(posted.body().get("embeds").get(0).get("image").get("url").asText()).isEqualTo("attachment://chart.png");
        });
        assertThat(X.uploads()).singleElement().satisfies(upload -> assertThat(upload.bytes()).isEqualTo(chart));
        assertThat(X.posts()).singleElement().satisfies(post -> {
            assertThat(post.mediaIds()).containsExactly(X.uploads().get(0).id());
            assertThat(post.text()).contains("ES pre-market levels");
        });
        assertThat(X.requests()).extracting(request -> request.path()).containsExactly("/2/media/upload", "/2/tweets");
        assertThat(TELEGRAM.invalidRequests()).isEmpty();
        assertThat(DISCORD.invalidRequests()).isEmpty();
        assertThat(X.invalidRequests()).isEmpty();
        List<DeliveryRecord> deliveries = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1)).all();
        assertThat(deliveries).hasSize(6).allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo("SENT"));
    }
}
