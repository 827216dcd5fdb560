package com.alphacast.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.subscription.DynamoSubscriptionLedger;
import com.alphacast.bots.command.InMemorySubscriberRegistry;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.settings.SubscriptionSettings;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo hook on the local stack's SubscribersTable and the fake Telegram, with the demo profile's prices. */
class StarsPaymentDemoTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate().parameter("Profile", "demo")
            .withoutFunctions().build();

    @Test
    void aStarsPaymentUpgradesAFreeUserToPremiumWithAnInviteLink(LocalCloud cloud) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
        SubscriptionSettings settings = new SettingsLoader(Optional.of(LocalCloudExtension.projectRoot().resolve("config")))
                .load("demo").subscriptions();
        DynamoSubscriptionLedger ledger = new DynamoSubscriptionLedger(cloud.dynamoDb(), cloud.tableName("SubscribersTable"));
        try (FakeTelegram telegram = FakeTelegram.start("4242:demo")) {
            List<String> transcript = new StarsPaymentDemo(settings, ledger,
                    TelegramTransport.client("4242:demo", telegram.baseUri(), Duration.ofSeconds(5)),
                    new InMemorySubscriberRegistry(), clock).upgrade(5_000_001L);

            assertThat(transcript).hasSize(5);
            assertThat(transcript.get(0)).contains("/tier").contains("unknown");
            assertThat(transcript.get(1)).contains("3 Stars invoices").contains("500 XTR");
            assertThat(transcript.get(2)).contains("pre-checkout").contains("accepted: premium-30d for 500 XTR");
            assertThat(transcript.get(3)).contains("granted premium-30d until 2027-01-01T06:00:00Z, invite link sent");
            assertThat(transcript.get(4)).contains("handled /tier for premium");
            assertThat(ledger.find(new Subscriber(Channel.TELEGRAM, "5000001")).orElseThrow().tierAt(clock.instant()))
                    .isEqualTo(Tier.PREMIUM);
            assertThat(telegram.calls("answerPreCheckoutQuery")).singleElement()
                    .satisfies(call -> assertThat(call.text("ok")).isEqualTo("true"));
            assertThat(telegram.calls("createChatInviteLink")).singleElement()
                    .satisfies(call -> assertThat(call.text("member_limit")).isEqualTo("1"));
            assertThat(telegram.sentMessages()).anySatisfy(message -> assertThat(message.text())
                    .contains("You are premium until 2027-01-01 06:00 UTC").contains("https://t.me/+fake1"));
            assertThat(telegram.invalidRequests()).isEmpty();
        }
    }
}
