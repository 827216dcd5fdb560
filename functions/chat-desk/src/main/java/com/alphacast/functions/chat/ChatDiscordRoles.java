package com.alphacast.functions.chat;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.bots.subscription.DiscordTierRoles;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.ChannelSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Discord tier roles the chat functions grant with /grant and remove with /revoke and /refund, through the
 * Discord REST API as the bot: configured when the profile names the guild ({@code subscriptions.discordGuild}) and
 * a role for some tier ({@code subscriptions.access.<tier>.discordRole}), and the Discord channel has the bot's
 * credential ({@code distribution.channels.discord.credential}, the secret {@code DiscordSecretName} with its
 * {@code botToken}; {@code apiBaseUrl} is where the calls go). Otherwise role changes are skipped, said once when the
 * function is wired, and lapses stay for the scheduled sweep to report.
 */
public final class ChatDiscordRoles {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ChatDiscordRoles() {
    }

    /**
     * @param log where the one line saying why roles are skipped goes (once per function instance)
     * @throws ConfigException when roles are configured but the secret holds no usable bot token (never quoted)
     */
    public static Optional<DiscordTierRoles> from(AlphacastSettings settings, SecretResolver secrets,
                                                  Consumer<String> log) {
        Optional<String> guild = settings.subscriptions().discordGuild();
        boolean anyRole = settings.subscriptions().access().values().stream().anyMatch(a -> a.discordRole().isPresent());
        ChannelSettings channel = settings.distribution().channels().get(Channel.DISCORD);
        if (guild.isEmpty() || !anyRole) {
            log.accept("Discord tier roles not configured (subscriptions.discordGuild and a tier's discordRole):"
                    + " /grant and /revoke change SubscribersTable only");
            return Optional.empty();
        }
        if (channel == null || channel.credentialRef().isEmpty()) {
            log.accept("Discord tier roles skipped: distribution.channels.discord has no credential (the bot token);"
                    + " /grant and /revoke change SubscribersTable only");
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(secrets.resolve(channel.credentialRef().get()));
        } catch (IOException e) {
            // never echo the secret: neither the parser's message nor the exception as cause
            throw new ConfigException("distribution.channels.discord.credential: the secret is not the JSON object"
                    + " tier roles need");
        }
        JsonNode token = json == null ? null : json.get("botToken");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new ConfigException("distribution.channels.discord.credential: the secret has no 'botToken', which"
                    + " tier roles need");
        }
        return Optional.of(new DiscordTierRoles(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(),
                channel.apiBaseUrl(), token.asText(), guild.get(), TIMEOUT));
    }
}
