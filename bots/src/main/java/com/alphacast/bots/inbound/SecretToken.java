package com.alphacast.bots.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The secret Telegram echoes in {@code X-Telegram-Bot-Api-Secret-Token}. Compared in constant time so the
 * response time does not reveal how many leading characters of a guess were right.
 */
public final class SecretToken {

    private final byte[] expected;

    public SecretToken(String secret) {
        Objects.requireNonNull(secret, "secret");
        // Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and -.
        if (!secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalArgumentException("a webhook secret token must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
        this.expected = secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String presented) {
        byte[] actual = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual);
    }
}
