package com.alphacast.bots.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.delivery.InMemorySentDeliveryLedger;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.fakes.x.FakeX;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChannelSinksTest {

    @Test
    void buildsASinkPerConfiguredChannelFromEnvironmentVariables() throws Exception {
        ManualTime time = new ManualTime(Instant.now());
        try (FakeTelegram telegram = new FakeTelegram(time, "1:tok", "AlphacastBot");
             FakeDiscord discord = new FakeDiscord(time, "dbot");
             FakeX x = new FakeX(time, new FakeX.Credentials("k", "s", "t", "ts", null))) {
            String hook = discord.addWebhook("777", "hooktoken");
            Map<String, String> env = Map.of(
                    "TELEGRAM_BOT_TOKEN", "1:tok", "TELEGRAM_API_BASE", telegram.baseUri().toString(),
                    "DISCORD_WEBHOOKS", hook, "DISCORD_API_BASE", discord.apiBase(),
                    "X_API_KEY", "k", "X_API_SECRET", "s", "X_ACCESS_TOKEN", "t", "X_ACCESS_TOKEN_SECRET", "ts",
                    "X_API_BASE", x.baseUri().toString());
            Map<Channel, ChannelSink> sinks = new ChannelSinks(BotsConfiguration.fromEnvironment(env),
                    new InMemorySentDeliveryLedger(), time, time, new SplittableRandom(1)).configured();

            assertThat(sinks.get(Channel.TELEGRAM).deliver(Fixtures.delivery(Fixtures.longEs(), Tier.PREMIUM, Channel.TELEGRAM, "55")))
                    .isInstanceOf(DeliveryResult.Sent.class);
            assertThat(sinks.get(Channel.DISCORD).deliver(Fixtures.delivery(Fixtures.longEs(), Tier.BASIC, Channel.DISCORD, "webhook:777")))
                    .isInstanceOf(DeliveryResult.Sent.class);
            assertThat(sinks.get(Channel.X).deliver(Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.X, "alphacast")))
                    .isInstanceOf(DeliveryResult.Sent.class);
            assertThat(telegram.sentMessages()).hasSize(1);
            assertThat(discord.posted()).hasSize(1);
            assertThat(x.posts()).hasSize(1);
            assertThat(telegram.invalidRequests()).isEmpty();
            assertThat(discord.invalidRequests()).isEmpty();
            assertThat(x.invalidRequests()).isEmpty();
        }
    }

    @Test
    void unconfiguredChannelsAreAbsentAndBadValuesNameTheirVariable() {
        assertThat(BotsConfiguration.fromEnvironment(Map.of()).telegram()).isEmpty();
        assertThatThrownBy(() -> BotsConfiguration.fromEnvironment(Map.of("X_API_KEY", "k")))
                .hasMessageContaining("missing X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET");
        assertThatThrownBy(() -> BotsConfiguration.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_RATE_LIMIT", "fast")))
                .hasMessageContaining("TELEGRAM_RATE_LIMIT");
        assertThatThrownBy(() -> BotsConfiguration.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "my token")))
                .hasMessageContaining("TELEGRAM_BOT_TOKEN does not look like a bot token").hasMessageNotContaining("my token");
        assertThatThrownBy(() -> BotsConfiguration.webhooks("https://discord.com/api/not-a-hook"))
                .hasMessageContaining("DISCORD_WEBHOOKS");
        assertThat(BotsConfiguration.webhooks("https://discord.com/api/webhooks/12/abc-DEF, 34:xyz"))
                .containsEntry("12", "abc-DEF").containsEntry("34", "xyz");
    }
}
