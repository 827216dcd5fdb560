package com.alphacast.fakes.chat;

import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.telegram.FakeTelegram;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The chat platforms a local stack's webhook functions talk to: a loopback Telegram Bot API and Discord API (which
 * check every call against the official specs and record it), a webhook secret and a Discord key pair generated
 * for this run. {@link #functionEnvironment()} points the webhook functions at them with {@code env:} references,
 * so nothing is read from SSM; the private key stays here, to sign local test requests.
 */
public final class LocalChatPlatforms implements AutoCloseable {

    /** A token of the Bot API's shape; only the loopback fake ever sees it. */
    public static final String BOT_TOKEN = "7000000001:AAlocal-alphacast-bot-token-000000000";
    public static final String BOT_USERNAME = "alphacast_local_bot";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private final FakeTelegram telegram;
    private final FakeDiscord discord;
    private final String webhookSecret;
    private final KeyPair discordKeys;

    private LocalChatPlatforms(FakeTelegram telegram, FakeDiscord discord, String webhookSecret, KeyPair discordKeys) {
        this.telegram = telegram;
        this.discord = discord;
        this.webhookSecret = webhookSecret;
        this.discordKeys = discordKeys;
    }

    public static LocalChatPlatforms start() {
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            secret.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
        }
        KeyPair keys;
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
        FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), BOT_TOKEN, BOT_USERNAME);
        try {
            return new LocalChatPlatforms(telegram, FakeDiscord.start("local-discord-bot-token"), secret.toString(), keys);
        } catch (RuntimeException e) {
            telegram.close();
            throw e;
        }
    }

    /** What the webhook functions need, as {@code env:} references to values set alongside. */
    public Map<String, String> functionEnvironment() {
        return Map.of(
                "TELEGRAM_WEBHOOK_SECRET_REF", "env:ALPHACAST_LOCAL_TELEGRAM_WEBHOOK_SECRET",
                "ALPHACAST_LOCAL_TELEGRAM_WEBHOOK_SECRET", webhookSecret,
                "TELEGRAM_BOT_TOKEN_REF", "env:ALPHACAST_LOCAL_TELEGRAM_BOT_TOKEN",
                "ALPHACAST_LOCAL_TELEGRAM_BOT_TOKEN", BOT_TOKEN,
                "TELEGRAM_API_BASE", telegram.baseUri().toString().replaceAll("/+$", ""),
                "TELEGRAM_BOT_USERNAME", BOT_USERNAME,
                "DISCORD_PUBLIC_KEY_REF", "env:ALPHACAST_LOCAL_DISCORD_PUBLIC_KEY",
                "ALPHACAST_LOCAL_DISCORD_PUBLIC_KEY", discordPublicKeyHex(),
                "DISCORD_API_BASE", discord.apiBase());
    }

    public FakeTelegram telegram() {
        return telegram;
    }

    public FakeDiscord discord() {
        return discord;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /** The 32-byte public key as Discord shows it (64 hex digits). */
    public String discordPublicKeyHex() {
        byte[] encoded = discordKeys.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    /** The 32-byte private key (RFC 8032 seed), for signing local requests with other tools. */
    public String discordPrivateKeyHex() {
        byte[] encoded = discordKeys.getPrivate().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    /** {@code X-Signature-Ed25519} for {@code timestamp + body}, as Discord signs. */
    public String signDiscord(String timestamp, String body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(discordKeys.getPrivate());
            signature.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the local Discord key", e);
        }
    }

    @Override
    public void close() {
        try {
            telegram.close();
        } finally {
            discord.close();
        }
    }
}
