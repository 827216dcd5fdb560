package com.alphacast.functions.subscription;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.bots.subscription.DiscordTierRoles;
import com.alphacast.bots.subscription.PlatformAccessWithdrawal;
import com.alphacast.bots.subscription.PremiumChats;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.ChannelSettings;
import com.alphacast.core.settings.Redaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * The platform clients the sweep removes members with, from the same channel settings and secrets the distribution
 * function uses: the Telegram bot token ({@code distribution.channels.telegram.credential}) and the Discord bot token
 * ({@code botToken} of the Discord secret). A channel without a live credential (the demo's outbox channels) gives no
 * client, and a lapse on it is reported as a failure rather than marked swept.
 */
final class PlatformAccess {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AlphacastSettings settings;
    private final SecretResolver secrets;

    PlatformAccess(AlphacastSettings settings, SecretResolver secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    PlatformAccessWithdrawal withdrawal() {
        return new PlatformAccessWithdrawal(settings.subscriptions(), telegram(), discord());
    }

    private Optional<PremiumChats> telegram() {
        ChannelSettings channel = settings.distribution().channels().get(Channel.TELEGRAM);
        if (channel == null || channel.credentialRef().isEmpty()) {
            return Optional.empty();
        }
        String token = secrets.resolve(channel.credentialRef().get()).strip();
        try {
            return Optional.of(new PremiumChats(TelegramTransport.client(token, new URI(channel.apiBaseUrl()), TIMEOUT)));
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("distribution.channels.telegram.apiBaseUrl is not a URL: " + Redaction.preview(channel.apiBaseUrl()));
        }
    }

    private Optional<DiscordTierRoles> discord() {
        ChannelSettings channel = settings.distribution().channels().get(Channel.DISCORD);
        Optional<String> guild = settings.subscriptions().discordGuild();
        if (channel == null || channel.credentialRef().isEmpty() || guild.isEmpty()) {
            return Optional.empty();
        }
        String secret = secrets.resolve(channel.credentialRef().get());
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(secret);
        } catch (IOException e) {
            // never echo the secret: neither the parser's message nor the exception as cause
            throw new ConfigException("distribution.channels.discord.credential: the secret is not the JSON object tier roles need");
        }
        JsonNode token = json == null ? null : json.get("botToken");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new ConfigException("distribution.channels.discord.credential: the secret has no 'botToken', which tier roles need");
        }
        return Optional.of(new DiscordTierRoles(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(),
                channel.apiBaseUrl(), token.asText(), guild.get(), TIMEOUT));
    }
}
