package com.alphacast.feeds.keyed;

import java.util.Objects;

/**
 * The key (and, for venues that use one, the secret) a keyed market-data stream authenticates with. Read from the
 * environment at start (in AWS the task definition injects them from Secrets Manager); {@link #toString} never shows
 * them, so a logged settings record cannot leak them.
 *
 * @param keyId  the API key id
 * @param secret the secret, empty for venues that authenticate with the key alone (Massive)
 */
public record StreamCredentials(String keyId, String secret) {

    public StreamCredentials {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("the API key is empty");
        }
    }

    @Override
    public String toString() {
        return "StreamCredentials[keyId=***, secret=***]";
    }
}
