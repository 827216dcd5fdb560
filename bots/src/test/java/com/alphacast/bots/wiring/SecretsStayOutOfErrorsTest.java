package com.alphacast.bots.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.alphacast.bots.SecretLeaks;
import com.alphacast.bots.delivery.SendOutcome;
import com.alphacast.bots.discord.DiscordTransport;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.bots.x.XCredentials;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed or misplaced credentials are refused naming what is wrong, never quoting the credential. */
class SecretsStayOutOfErrorsTest {

    private static final String TELEGRAM_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String WEBHOOK_TOKEN = "Xq7vK2mN9pL4rT8sW1yZ3bC6dF0gH5jA-uE_iO";
    private static final String BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.MnOpQrStUvWxYz0123456789abcd";

    private static void assertRefusedWithoutLeak(Map<String, String> environment, String secret) {
        Throwable thrown = catchThrowable(() -> BotsConfiguration.fromEnvironment(environment));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        SecretLeaks.assertNoLeak(secret, thrown, List.of());
    }

    @Test
    void webhookUrlWithAStrayQuoteIsRefusedByItsIdNotItsToken() {
        String url = "https://discord.com/api/webhooks/123456789012345678/" + WEBHOOK_TOKEN + "\"";
        Throwable thrown = catchThrowable(() -> BotsConfiguration.fromEnvironment(Map.of("DISCORD_WEBHOOKS", url)));
        assertThat(thrown).hasMessageContaining("webhook 123456789012345678").hasMessageContaining("stray quote");
        SecretLeaks.assertNoLeak(WEBHOOK_TOKEN, thrown, List.of());
    }

    @Test
    void botTokenWithALineBreakIsRefused() {
        assertRefusedWithoutLeak(Map.of("DISCORD_BOT_TOKEN", BOT_TOKEN.substring(0, 30) + "\n" + BOT_TOKEN.substring(30)), BOT_TOKEN);
        Throwable typed = catchThrowable(() -> BotsConfiguration.discord("https://discord.com/api/v10",
                Optional.of(BOT_TOKEN + " x"), Map.of(), Duration.ofSeconds(5)));
        assertThat(typed).hasMessageContaining("Discord bot token");
        SecretLeaks.assertNoLeak(BOT_TOKEN, typed, List.of());
        Throwable webhook = catchThrowable(() -> BotsConfiguration.discord("https://discord.com/api/v10", Optional.empty(),
                Map.of("42", WEBHOOK_TOKEN + "\""), Duration.ofSeconds(5)));
        assertThat(webhook).hasMessageContaining("webhook 42");
        SecretLeaks.assertNoLeak(WEBHOOK_TOKEN, webhook, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALPHACAST_HTTP_TIMEOUT", "TELEGRAM_RATE_LIMIT", "TELEGRAM_CHAT_RATE_LIMIT", "TELEGRAM_API_BASE"})
    void tokenPastedUnderTheWrongTelegramVariableIsNotEchoed(String variable) {
        Throwable thrown = catchThrowable(() -> BotsConfiguration.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "1:abc",
                variable, TELEGRAM_TOKEN)));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(variable);
        SecretLeaks.assertNoLeak(TELEGRAM_TOKEN, thrown, List.of());
    }

    @Test
    void tokenPastedAsAnApiBaseOrWebhookListIsNotEchoed() {
        assertRefusedWithoutLeak(Map.of("DISCORD_BOT_TOKEN", "abc", "DISCORD_API_BASE", BOT_TOKEN), BOT_TOKEN);
        assertRefusedWithoutLeak(Map.of("DISCORD_WEBHOOKS", BOT_TOKEN), BOT_TOKEN);
        assertRefusedWithoutLeak(Map.of("DISCORD_WEBHOOKS", "https://discord.com/api/webhooks/1/ok," + WEBHOOK_TOKEN), WEBHOOK_TOKEN);
        Throwable typed = catchThrowable(() -> BotsConfiguration.telegram("1:abc", URI.create("telegram.example/" + TELEGRAM_TOKEN),
                Duration.ofSeconds(5)));
        SecretLeaks.assertNoLeak(TELEGRAM_TOKEN, typed, List.of());
    }

    @Test
    void credentialsPrintWithoutTheirValues() {
        XCredentials credentials = new XCredentials("consumerKeyValue1", "consumerSecretValue2", "accessTokenValue3", "accessSecretValue4");
        for (String secret : List.of("consumerKeyValue1", "consumerSecretValue2", "accessTokenValue3", "accessSecretValue4")) {
            SecretLeaks.assertNoLeak(secret, null, List.of(credentials.toString(),
                    BotsConfiguration.x("https://api.twitter.com", credentials, Duration.ofSeconds(5)).toString()));
        }
    }

    @Test
    void transportHandedAnUnusableTokenReportsWithoutIt() {
        // Configuration refuses these; the transport must hold the line too when built directly.
        DiscordTransport transport = DiscordTransport.create("http://127.0.0.1:9/api/v10", Optional.of(BOT_TOKEN + "\nx"),
                Map.of("42", WEBHOOK_TOKEN + "\""), Duration.ofSeconds(1));
        var body = new ObjectMapper().createObjectNode().put("content", "hi");
        SendOutcome webhook = transport.send(new PlatformRequest("POST", "/webhooks/42/{webhook_token}?wait=true", body));
        SendOutcome channel = transport.send(new PlatformRequest("POST", "/channels/7/messages", body));
        assertThat(webhook).isInstanceOf(SendOutcome.Permanent.class);
        assertThat(channel).isInstanceOf(SendOutcome.Permanent.class);
        SecretLeaks.assertNoLeak(WEBHOOK_TOKEN, null, List.of(webhook.toString(), channel.toString()));
        SecretLeaks.assertNoLeak(BOT_TOKEN, null, List.of(webhook.toString(), channel.toString()));
    }
}
