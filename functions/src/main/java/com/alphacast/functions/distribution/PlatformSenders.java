package com.alphacast.functions.distribution;

import com.alphacast.aws.config.ConfigException;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.bots.delivery.SentDeliveryLedger;
import com.alphacast.bots.ratelimit.Sleeper;
import com.alphacast.bots.wiring.BotsConfiguration;
import com.alphacast.bots.wiring.ChannelSinks;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.settings.ChannelSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Live platform senders (the bots module's paced, retrying {@code PlatformSink}s), built from a channel's
 * settings with its credential resolved from its reference:
 * <ul>
 *   <li>Telegram: the credential is the bot token;</li>
 *   <li>Discord: the credential is a JSON object {@code {"botToken": ..., "webhooks": ...}} (either key may be
 *       absent; webhooks as URLs or {@code id:token}, comma-separated), or just the webhooks string;</li>
 *   <li>X: the credential is a JSON object {@code {"apiKey", "apiSecret", "accessToken", "accessTokenSecret"}}.</li>
 * </ul>
 */
final class PlatformSenders implements DistributionSinks.LiveSinkFactory {

    private final SecretResolver secrets;
    private final SentDeliveryLedger ledger;
    private final Clock clock;

    PlatformSenders(SecretResolver secrets, SentDeliveryLedger ledger, Clock clock) {
        this.secrets = secrets;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public ChannelSink create(Channel channel, ChannelSettings settings) {
        String credential = secrets.resolve(settings.credentialRef().orElseThrow(() -> new ConfigException(
                "distribution.channels." + channel.key() + ".credential: a live sink needs a credential reference")));
        Map<String, String> variables = new HashMap<>();
        try {
            switch (channel) {
                case TELEGRAM -> {
                    variables.put("TELEGRAM_BOT_TOKEN", credential);
                    variables.put("TELEGRAM_API_BASE", settings.apiBaseUrl());
                }
                case DISCORD -> {
                    variables.put("DISCORD_API_BASE", settings.apiBaseUrl());
                    if (credential.strip().startsWith("{")) {
                        JsonNode json = new ObjectMapper().readTree(credential);
                        copy(json, "botToken", variables, "DISCORD_BOT_TOKEN");
                        copy(json, "webhooks", variables, "DISCORD_WEBHOOKS");
                    } else {
                        variables.put("DISCORD_WEBHOOKS", credential);
                    }
                }
                case X -> {
                    variables.put("X_API_BASE", settings.apiBaseUrl());
                    JsonNode json = new ObjectMapper().readTree(credential);
                    copy(json, "apiKey", variables, "X_API_KEY");
                    copy(json, "apiSecret", variables, "X_API_SECRET");
                    copy(json, "accessToken", variables, "X_ACCESS_TOKEN");
                    copy(json, "accessTokenSecret", variables, "X_ACCESS_TOKEN_SECRET");
                }
                default -> throw new IllegalStateException("unhandled channel " + channel);
            }
            BotsConfiguration configuration = BotsConfiguration.fromEnvironment(variables);
            // SecureRandom, not a seeded generator: with SnapStart every restored instance would otherwise share
            // one jitter sequence and retry in lockstep.
            ChannelSink sink = new ChannelSinks(configuration, ledger, clock, Sleeper.system(), new SecureRandom())
                    .configured().get(channel);
            if (sink == null) {
                throw new ConfigException("distribution.channels." + channel.key()
                        + ".credential: the secret does not hold what a " + channel.key() + " sender needs");
            }
            return sink;
        } catch (JsonProcessingException e) {
            // Never echo the secret itself.
            throw new ConfigException("distribution.channels." + channel.key() + ".credential: the secret is not valid JSON");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("distribution.channels." + channel.key() + ".credential: " + e.getMessage(), e);
        }
    }

    private static void copy(JsonNode json, String field, Map<String, String> variables, String variable) {
        JsonNode value = json.get(field);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            variables.put(variable, value.asText());
        }
    }
}
