package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator's /grant and /revoke of a Discord user through the Discord interactions route on the real template:
 * the follow-up function changes SubscribersTable and grants, then removes, the tier's role in the guild through the
 * Discord REST API (the loopback fake checks every call against Discord's OpenAPI spec). The profile is
 * config/demo.yaml (guild and tier roles) with the Discord channel's bot credential pointed at the fake.
 */
class DiscordTierRolesIT {

    private static final LocalChatPlatforms CHAT = LocalChatPlatforms.start();
    private static final String OPERATOR = "900000000000000042";
    private static final String MEMBER = "900000000000000077";
    private static final String GUILD = "1184000000000000000";
    private static final String PREMIUM_ROLE = "1184000000000000101";
    private static final Path CONFIG = liveDiscordConfig();

    @RegisterExtension
    static final LocalCloudExtension CLOUD = ChatWebhooksIT.withChat(CHAT, LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .onlyFunctions("DiscordInteractionsFunction", "DiscordFollowUpFunction")
            .functionEnvironment("ALPHACAST_CONFIG_DIR", CONFIG.toString())
            .functionEnvironment("ALPHACAST_HOME", CONFIG.toString())
            .functionEnvironment("ALPHACAST_TEST_DISCORD_SECRET", "{\"botToken\":\"local-discord-bot-token\"}")
            .functionEnvironment("ALPHACAST_ROLES", "discord:" + OPERATOR + "=admin"))
            .build();

    private final SlashCommands discord = new SlashCommands(CHAT, GUILD, 1_300_000_000_000_000_500L);

    private static Path liveDiscordConfig() {
        return PipelineFixtures.demoConfigWith("alphacast-discord-roles", "discord outbox", """
                    discord:
                      sink: outbox
                """, """
                    discord:
                      sink: outbox
                      credential: "env:ALPHACAST_TEST_DISCORD_SECRET"
                      apiBaseUrl: "%s"
                """.formatted(CHAT.discord().apiBase()));
    }

    @AfterAll
    static void stopChat() {
        CHAT.close();
    }

    /** The operator's slash command {@code name} with its one option, signed as Discord signs it; returns the edit. */
    private String operatorCommands(LocalCloud cloud, String name, String option, String value) throws Exception {
        return discord.answer(cloud, OPERATOR, name, "[{\"name\":\"" + option + "\",\"type\":3,\"value\":\"" + value + "\"}]");
    }

    @Test
    void grantGivesTheDiscordMemberTheTierRoleAndRevokeTakesItAway(LocalCloud cloud) throws Exception {
        String granted = operatorCommands(cloud, "grant", "details", "discord:" + MEMBER + " premium 30");
        var rolesAfterGrant = CHAT.discord().rolesOf(GUILD, MEMBER);
        String revoked = operatorCommands(cloud, "revoke", "user", "discord:" + MEMBER);

        assertThat(granted).startsWith("Granted premium to discord:" + MEMBER).endsWith("Discord role granted.");
        assertThat(rolesAfterGrant).containsExactly(PREMIUM_ROLE);
        assertThat(revoked).isEqualTo("Revoked premium of discord:" + MEMBER + "; access withdrawn.");
        assertThat(CHAT.discord().rolesOf(GUILD, MEMBER)).isEmpty();
        assertThat(CHAT.discord().invalidRequests()).isEmpty();
    }
}
