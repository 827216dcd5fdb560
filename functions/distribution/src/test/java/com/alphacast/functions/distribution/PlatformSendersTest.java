package com.alphacast.functions.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.bots.delivery.InMemorySentDeliveryLedger;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.settings.ChannelSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSendersTest {

    private static PlatformSenders senders(Map<String, String> environment) {
        SecretResolver secrets = new SecretResolver(environment, () -> {
            throw new AssertionError("no SSM");
        }, () -> {
            throw new AssertionError("no Secrets Manager");
        });
        return new PlatformSenders(secrets, new InMemorySentDeliveryLedger(), publicationId -> java.util.Optional.empty(), Clock.systemUTC());
    }

    private static ChannelSettings live(String reference, String base) {
        return new ChannelSettings(ChannelSettings.SinkKind.LIVE, Optional.of(reference), base);
    }

    @Test
    void buildsEachPlatformsSenderFromItsResolvedCredential() {
        PlatformSenders senders = senders(Map.of(
                "TG", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
                "DISCORD", "{\"botToken\": \"bot-token\", \"webhooks\": \"111:aaa,222:bbb\"}",
                "X", "{\"apiKey\": \"k\", \"apiSecret\": \"s\", \"accessToken\": \"t\", \"accessTokenSecret\": \"ts\"}"));

        assertThat(senders.create(Channel.TELEGRAM, live("env:TG", "http://127.0.0.1:9")).channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(senders.create(Channel.DISCORD, live("env:DISCORD", "http://127.0.0.1:9/api/v10")).channel())
                .isEqualTo(Channel.DISCORD);
        assertThat(senders.create(Channel.X, live("env:X", "http://127.0.0.1:9")).channel()).isEqualTo(Channel.X);
    }

    @Test
    void incompleteXSecretNamesTheMissingKey() {
        PlatformSenders senders = senders(Map.of("X", "{\"apiKey\": \"k\", \"apiSecret\": \"s\", \"accessToken\": \"t\"}"));

        assertThatThrownBy(() -> senders.create(Channel.X, live("env:X", "https://api.x.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("distribution.channels.x.credential").hasMessageContaining("accessTokenSecret");
    }

    @Test
    void malformedTelegramTokenIsRefusedWithoutEchoingIt() {
        PlatformSenders senders = senders(Map.of("TG", "not-a-token-s3cr3t"));

        assertThatThrownBy(() -> senders.create(Channel.TELEGRAM, live("env:TG", "https://api.telegram.org")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("distribution.channels.telegram.credential")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void invalidJsonSecretIsRefusedWithoutEchoingIt() {
        PlatformSenders senders = senders(Map.of("X", "{\"apiKey\": \"s3cr3t\""));

        assertThatThrownBy(() -> senders.create(Channel.X, live("env:X", "https://api.x.com")))
                .hasMessage("distribution.channels.x.credential: the secret is not valid JSON");
    }

    @Test
    void discordCredentialWithAStrayQuoteOrLineBreakIsRefusedAtStartWithoutEchoingIt() {
        String token = "Xq7vK2mN9pL4rT8sW1yZ3bC6dF0gH5jA-uE_iO";
        PlatformSenders senders = senders(Map.of(
                "RAW", "https://discord.com/api/webhooks/123456789012345678/" + token + "\"",
                "JSON", "{\"webhooks\": \"https://discord.com/api/webhooks/123456789012345678/" + token + "\\\"\"}",
                "BOT", "{\"botToken\": \"" + token.substring(0, 19) + "\\n" + token.substring(19) + "\"}"));
        for (String reference : new String[] {"env:RAW", "env:JSON", "env:BOT"}) {
            Throwable thrown = catchThrowable(() -> senders.create(Channel.DISCORD, live(reference, "https://discord.com/api/v10")));
            assertThat(thrown).as(reference).isInstanceOf(ConfigException.class).hasMessageContaining("distribution.channels.discord.credential");
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                for (int i = 0; i + 6 <= token.length(); i++) {
                    assertThat(t.toString()).as(reference).doesNotContain(token.substring(i, i + 6));
                }
            }
        }
    }

    @Test
    void tokenPastedAsTheApiBaseIsNotEchoed() {
        PlatformSenders senders = senders(Map.of("TG", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"));
        Throwable thrown = catchThrowable(() -> senders.create(Channel.TELEGRAM, live("env:TG", "987654321:Zyx wvutsrqponmlkjihgfedcba")));
        assertThat(thrown).isInstanceOf(ConfigException.class);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain("wvutsr").doesNotContain("987654");
        }
    }
}
