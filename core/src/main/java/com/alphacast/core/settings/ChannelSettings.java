package com.alphacast.core.settings;

import java.util.Optional;

/**
 * How messages for one channel leave the system.
 *
 * @param sink           {@code outbox} (write what the platform would receive to a file) or {@code live}
 * @param credentialRef  reference to the secret the live sender needs ({@code env:NAME}, {@code ssm:/name},
 *                       {@code secretsmanager:id#key}); never the secret itself
 * @param apiBaseUrl     platform API base URL (configurable so tests and self-hosted proxies work)
 */
public record ChannelSettings(SinkKind sink, Optional<String> credentialRef, String apiBaseUrl) {

    public enum SinkKind { OUTBOX, LIVE }
}
