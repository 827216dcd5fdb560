package com.alphacast.bots.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.delivery.InMemorySentDeliveryLedger;
import com.alphacast.bots.x.XCredentials;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.fakes.x.FakeX;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BotsConfigurationFactoriesTest {

    private final ManualTime time = new ManualTime(Instant.now());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Map<Channel, ChannelSink> sinks(BotsConfiguration configuration) {
        return new ChannelSinks(configuration, new InMemorySentDeliveryLedger(), time, time, new SplittableRandom(1)).configured();
    }

    @Test
    void typedFactoriesConfigureExactlyOneChannelThatDelivers() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(time, "1:tok", "AlphacastBot");
             FakeDiscord discord = new FakeDiscord(time, "dbot");
             FakeX x = new FakeX(time, new FakeX.Credentials("k", "s", "t", "ts", null))) {
            discord.addWebhook("777", "hooktoken");
            Map<Channel, ChannelSink> viaTelegram = sinks(BotsConfiguration.telegram("1:tok", telegram.baseUri(), TIMEOUT));
            Map<Channel, ChannelSink> viaDiscord = sinks(BotsConfiguration.discord(discord.apiBase(), Optional.empty(),
                    Map.of("777", "hooktoken"), TIMEOUT));
            Map<Channel, ChannelSink> viaX = sinks(BotsConfiguration.x(x.baseUri().toString(), new XCredentials("k", "s", "t", "ts"),
                    TIMEOUT));
            assertThat(viaTelegram).containsOnlyKeys(Channel.TELEGRAM);
            assertThat(viaDiscord).containsOnlyKeys(Channel.DISCORD);
            assertThat(viaX).containsOnlyKeys(Channel.X);

            assertThat(viaTelegram.get(Channel.TELEGRAM).deliver(Fixtures.delivery(Fixtures.longEs(), Tier.PREMIUM, Channel.TELEGRAM, "55")))
                    .isInstanceOf(DeliveryResult.Sent.class);
            assertThat(viaDiscord.get(Channel.DISCORD).deliver(Fixtures.delivery(Fixtures.longEs(), Tier.BASIC, Channel.DISCORD, "webhook:777")))
                    .isInstanceOf(DeliveryResult.Sent.class);
            assertThat(viaX.get(Channel.X).deliver(Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.X, "alphacast")))
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
    void factoriesMatchWhatTheSameValuesGiveThroughTheEnvironment() {
        assertThat(BotsConfiguration.telegram("1:tok", URI.create("https://api.telegram.org"), Duration.ofSeconds(7)))
                .isEqualTo(BotsConfiguration.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "1:tok",
                        "TELEGRAM_API_BASE", "https://api.telegram.org", "ALPHACAST_HTTP_TIMEOUT", "PT7S")));
        assertThat(BotsConfiguration.discord("https://discord.com/api/v10", Optional.of("bot"), Map.of("12", "abc"), TIMEOUT))
                .isEqualTo(BotsConfiguration.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "bot", "DISCORD_WEBHOOKS", "12:abc",
                        "ALPHACAST_HTTP_TIMEOUT", "PT5S")));
        assertThat(BotsConfiguration.x("https://api.twitter.com", new XCredentials("k", "s", "t", "ts"), TIMEOUT))
                .isEqualTo(BotsConfiguration.fromEnvironment(Map.of("X_API_KEY", "k", "X_API_SECRET", "s", "X_ACCESS_TOKEN", "t",
                        "X_ACCESS_TOKEN_SECRET", "ts", "ALPHACAST_HTTP_TIMEOUT", "PT5S")));
    }

    @Test
    void badValuesAreRefusedNamingWhatIsWrongWithoutEchoingSecrets() {
        URI base = URI.create("https://api.telegram.org");
        assertThatThrownBy(() -> BotsConfiguration.telegram("my secret token", base, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Telegram bot token does not look like a bot token").hasMessageNotContaining("my secret");
        assertThatThrownBy(() -> BotsConfiguration.telegram(null, base, TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BotsConfiguration.telegram("1:tok", URI.create("ftp://x"), TIMEOUT))
                .hasMessageContaining("Telegram API base must be an http(s) URL");
        assertThatThrownBy(() -> BotsConfiguration.telegram("1:tok", base, Duration.ZERO)).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> BotsConfiguration.discord("https://discord.com/api/v10", Optional.of(" "), Map.of(), TIMEOUT))
                .hasMessageContaining("needs a bot token or at least one webhook");
        assertThatThrownBy(() -> BotsConfiguration.discord("https://discord.com/api/v10", Optional.empty(), Map.of("abc", "t"), TIMEOUT))
                .hasMessageContaining("numeric id");
        assertThatThrownBy(() -> BotsConfiguration.x("https://api.twitter.com", null, TIMEOUT)).hasMessageContaining("X credentials");
        assertThatThrownBy(() -> BotsConfiguration.x("", new XCredentials("k", "s", "t", "ts"), TIMEOUT))
                .hasMessageContaining("X API base must be an http(s) URL");
    }
}
