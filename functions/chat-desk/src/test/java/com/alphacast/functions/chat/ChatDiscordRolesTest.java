package com.alphacast.functions.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.core.settings.AlphacastSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the chat functions grant and remove Discord tier roles, on the shipped demo profile and variants of it. */
class ChatDiscordRolesTest {

    private static final String BLOCK = """
                discord:
                  sink: outbox
            """;

    private final List<String> log = new ArrayList<>();

    private static String demoProfile() throws IOException {
        try (InputStream in = ChatDiscordRolesTest.class.getResourceAsStream("/config/demo.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AlphacastSettings demo(String text) {
        return new SettingsLoader(Optional.empty()).parse("demo", "config/demo.yaml", text);
    }

    private static SecretResolver secrets(Map<String, String> environment) {
        return new SecretResolver(environment, () -> {
            throw new AssertionError("no SSM here");
        }, () -> {
            throw new AssertionError("no Secrets Manager here");
        });
    }

    private static String withCredential(String profile) {
        String live = profile.replace(BLOCK, BLOCK + """
                      credential: "env:DISCORD_SECRET"
                      apiBaseUrl: "http://127.0.0.1:9/api/v10"
                """);
        assertThat(live).as("config/demo.yaml still has the discord outbox block").isNotEqualTo(profile);
        return live;
    }

    @Test
    void rolesConfiguredWithoutTheBotsCredentialAreSkippedAndSaidOnce() throws IOException {
        // The shipped demo names guild and roles, but its Discord channel is the outbox: no bot token.
        assertThat(ChatDiscordRoles.from(demo(demoProfile()), secrets(Map.of()), log::add)).isEmpty();

        assertThat(log).singleElement().asString().contains("no credential");
    }

    @Test
    void profileWithoutGuildOrRolesChangesOnlyTheLedger() throws IOException {
        String withoutRoles = demoProfile().replaceAll("(?m)^\\s*discordRole: .*\\n", "")
                .replaceAll("(?m)^\\s*discordGuild: .*\\n", "");

        assertThat(ChatDiscordRoles.from(demo(withCredential(withoutRoles)),
                secrets(Map.of("DISCORD_SECRET", "{\"botToken\":\"t0ken-value\"}")), log::add)).isEmpty();

        assertThat(log).singleElement().asString().contains("not configured");
    }

    @Test
    void guildRolesAndBotTokenGiveTheRoles() throws IOException {
        assertThat(ChatDiscordRoles.from(demo(withCredential(demoProfile())),
                secrets(Map.of("DISCORD_SECRET", "{\"botToken\":\"t0ken-value\"}")), log::add)).isPresent();

        assertThat(log).isEmpty();
    }

    @Test
    void secretWithoutABotTokenIsRefusedWithoutQuotingIt() throws IOException {
        AlphacastSettings settings = demo(withCredential(demoProfile()));

        assertThatThrownBy(() -> ChatDiscordRoles.from(settings,
                secrets(Map.of("DISCORD_SECRET", "{\"token\":\"s3cret-value\"}")), log::add))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no 'botToken'")
                .hasMessageNotContaining("s3cret-value");
        assertThatThrownBy(() -> ChatDiscordRoles.from(settings, secrets(Map.of("DISCORD_SECRET", "s3cret-value")),
                log::add)).isInstanceOf(ConfigException.class).hasMessageNotContaining("s3cret-value");
    }
}
