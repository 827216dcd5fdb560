package com.alphacast.functions.distribution;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.bots.delivery.SentDeliveryLedger;
import com.alphacast.bots.ratelimit.Sleeper;
import com.alphacast.bots.wiring.BotsConfiguration;
import com.alphacast.bots.wiring.ChannelSinks;
import com.alphacast.bots.x.XCredentials;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.settings.ChannelSettings;
import com.alphacast.core.settings.Redaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Live platform senders (the bots module's paced, retrying {@code PlatformSink}s), built from a channel's
 * settings with its credential resolved from its reference:
 * <ul>
 *   <li>Telegram: the credential is the bot token;</li>
 *   <li>Discord: the credential is a JSON object {@code {"botToken": ..., "webhooks": ...}} (either key may be
 *       absent; webhooks as URLs or {@code id:token}, comma-separated), or just the webhooks string;</li>
 *   <li>X: the credential is a JSON object {@code {"apiKey", "apiSecret", "accessToken", "accessTokenSecret"}}.</li>
 * </ul>
 * Every sender sends a morning briefing's chart from {@code charts} with it (Telegram photo, Discord embed image,
 * X media).
 */
final class PlatformSenders implements DistributionSinks.LiveSinkFactory {

    private final SecretResolver secrets;
    private final SentDeliveryLedger ledger;
    private final ChartArchive charts;
    private final Clock clock;

    PlatformSenders(SecretResolver secrets, SentDeliveryLedger ledger, ChartArchive charts, Clock clock) {
        this.secrets = secrets;
        this.ledger = ledger;
        this.charts = charts;
        this.clock = clock;
    }

    @Override
    public ChannelSink create(Channel channel, ChannelSettings settings) {
        String credential = secrets.resolve(settings.credentialRef().orElseThrow(() -> new ConfigException(
                "distribution.channels." + channel.key() + ".credential: a live sink needs a credential reference")));
        Duration timeout = Duration.ofSeconds(10);
        try {
            BotsConfiguration configuration = switch (channel) {
                case TELEGRAM -> BotsConfiguration.telegram(credential.strip(), apiBase(channel, settings.apiBaseUrl()), timeout);
                case DISCORD -> {
                    if (credential.strip().startsWith("{")) {
                        JsonNode json = new ObjectMapper().readTree(credential);
                        yield BotsConfiguration.discord(settings.apiBaseUrl(), text(json, "botToken"),
                                BotsConfiguration.webhooks(text(json, "webhooks").orElse("")), timeout);
                    }
                    yield BotsConfiguration.discord(settings.apiBaseUrl(), Optional.empty(),
                            BotsConfiguration.webhooks(credential), timeout);
                }
                case X -> {
                    JsonNode json = new ObjectMapper().readTree(credential);
                    yield BotsConfiguration.x(settings.apiBaseUrl(), new XCredentials(required(json, "apiKey"),
                            required(json, "apiSecret"), required(json, "accessToken"),
                            required(json, "accessTokenSecret")), timeout);
                }
            };
            // SecureRandom, not a seeded generator: with SnapStart every restored instance would otherwise share
            // one jitter sequence and retry in lockstep.
            ChannelSink sink = new ChannelSinks(configuration, ledger, charts, clock, Sleeper.system(), new SecureRandom())
                    .configured().get(channel);
            if (sink == null) {
                throw new ConfigException("distribution.channels." + channel.key()
                        + ".credential: the secret does not hold what a " + channel.key() + " sender needs");
            }
            return sink;
        } catch (JsonProcessingException e) {
            // Never echo the secret itself: neither the parser's message nor the exception as cause.
            throw new ConfigException("distribution.channels." + channel.key() + ".credential: the secret is not valid JSON");
        } catch (IllegalArgumentException e) {
            // BotsConfiguration's messages never quote a secret; scrub anyway, and keep no cause that might.
            throw new ConfigException("distribution.channels." + channel.key() + ".credential: "
                    + Redaction.scrub(e.getMessage(), List.of(credential)));
        }
    }

    private static URI apiBase(Channel channel, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException("distribution.channels." + channel.key() + ".apiBaseUrl is not a URL: " + Redaction.preview(text));
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String required(JsonNode json, String field) {
        return text(json, field).orElseThrow(() -> new IllegalArgumentException("the secret has no '" + field + "'"));
    }
}
