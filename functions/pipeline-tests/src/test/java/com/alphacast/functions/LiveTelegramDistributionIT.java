package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The distribution function with Telegram configured live (token from a secret reference) against a
 * loopback Telegram Bot API that validates every request against the official spec.
 */
class LiveTelegramDistributionIT {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final FakeTelegram TELEGRAM = FakeTelegram.start(TOKEN);
    private static final Path CONFIG = liveTelegramConfig();

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .onlyFunctions("DistributionFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", CONFIG.toString())
            .functionEnvironment("ALPHACAST_HOME", CONFIG.toString())
            .functionEnvironment("ALPHACAST_TEST_TELEGRAM_TOKEN", TOKEN)
            .build();

    private final JsonCodec json = new JsonCodec();

    private static Path liveTelegramConfig() {
        return PipelineFixtures.demoConfigWith("alphacast-live-telegram", "telegram outbox", """
                    telegram:
                      sink: outbox
                """, """
                    telegram:
                      sink: live
                      credential: "env:ALPHACAST_TEST_TELEGRAM_TOKEN"
                      apiBaseUrl: "%s"
                """.formatted(TELEGRAM.baseUri().toString().replaceAll("/$", "")));
    }

    @AfterAll
    static void stopTelegram() {
        TELEGRAM.close();
    }

    @Test
    void premiumSignalReachesEveryPremiumTelegramChatOnceThroughTheBotApi(LocalCloud cloud) {
        Instant at = Instant.parse("2011-07-31T22:29:00Z");
        Signal signal = new Signal("volume-spike:ESU1:" + at, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5,
                1305.0, 1300.5, 1, 0.66, "volume <b>3x</b> & rising", at, Instant.now());
        String body = json.write(new TierDispatch(signal, Tier.PREMIUM, Instant.now()).release());

        for (int i = 0; i < 3; i++) {
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("DeliveriesQueue")).messageBody(body));
        }
        cloud.awaitIdle(Duration.ofSeconds(60));

        List<FakeTelegram.SentMessage> sent = TELEGRAM.sentMessages();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).chatId()).isEqualTo("-1001000000001");
        assertThat(sent.get(0).text()).contains("SELL ES (bearish)").contains("1303.50").contains("volume <b>3x</b> & rising");
        assertThat(TELEGRAM.invalidRequests()).isEmpty();
        List<DeliveryRecord> deliveries = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1)).all();
        assertThat(deliveries).filteredOn(d -> d.channel().equals("telegram"))
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("SENT"));
    }
}
