package com.alphacast.bots.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.alphacast.bots.SecretLeaks;
import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.discord.DiscordInteractionEndpoint;
import com.alphacast.bots.inbound.Ed25519Verifier;
import com.alphacast.bots.inbound.InMemorySeenRequests;
import com.alphacast.core.fuzz.FuzzTries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discord interactions mutated and then signed with the test key (a hostile but authentic sender), and signed
 * and then mutated (tampering in transit): every request is answered within seconds, never with an escaped
 * exception; tampered ones always 401; authentic ones 200, 400 or 409 (a repeated id); no answer quotes the
 * interaction token (a credential for 15 minutes). Inputs come from fixed seeds ({@code core}'s {@link FuzzTries}).
 */
class DiscordInteractionFuzzTest {

    private static final String INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIwMDpzZWNyZXQtdG9rZW4tdmFsdWU";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T14:30:00Z");
    private static final List<String> TEXTS = List.of("halt", "resume", "closeall", "/closeall 123456", "/halt", "pnl", "positions",
            "signals", "status", "", "/", "HALT", "1200", "1201", "-1", "9".repeat(40), "\u0000", "\u202e", "@everyone");
    private static final List<String> TEMPLATES = List.of(
            "{\"type\":1,\"id\":\"1100\",\"application_id\":\"1100\",\"token\":\"" + INTERACTION_TOKEN + "\"}",
            "{\"type\":2,\"id\":\"1200\",\"application_id\":\"1100\",\"token\":\"" + INTERACTION_TOKEN + "\",\"channel_id\":\"555\","
                    + "\"member\":{\"user\":{\"id\":\"900\",\"username\":\"op\"}},"
                    + "\"data\":{\"id\":\"1\",\"name\":\"pnl\",\"type\":1,\"options\":[{\"name\":\"days\",\"type\":4,\"value\":7}]}}",
            "{\"type\":2,\"id\":\"1201\",\"application_id\":\"1100\",\"token\":\"" + INTERACTION_TOKEN + "\",\"channel_id\":\"555\","
                    + "\"user\":{\"id\":\"12345\",\"username\":\"dm\"},\"data\":{\"id\":\"2\",\"name\":\"halt\",\"type\":1}}",
            "{\"type\":3,\"id\":\"1202\",\"application_id\":\"1100\",\"token\":\"" + INTERACTION_TOKEN + "\",\"channel_id\":\"555\","
                    + "\"member\":{\"user\":{\"id\":\"900\"}},\"data\":{\"component_type\":2,\"custom_id\":\"/closeall 482913\"}}");

    private static KeyPair keys;
    private static ExecutorService executor;

    private final RouterFixture fixture = new RouterFixture();
    private final DiscordInteractionEndpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    DiscordInteractionFuzzTest() throws Exception {
        byte[] encoded = keys.getPublic().getEncoded();
        Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
        endpoint = new DiscordInteractionEndpoint(new Ed25519Verifier(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)),
                fixture.router, (application, token, message) -> 204, executor, Duration.ofSeconds(2), Duration.ofMinutes(5), clock,
                new InMemorySeenRequests(Duration.ofMinutes(10), 10_000, clock));
        // First use loads the JDK's EdDSA provider and Jackson: not part of any request's time.
        String timestamp = Long.toString(NOW.getEpochSecond());
        endpoint.handle(sign(timestamp, TEMPLATES.get(0)), timestamp, TEMPLATES.get(0).getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String timestamp, String body) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(signer.sign());
    }

    /** A template with 1 to 5 edits ({@link JsonMutation}). */
    private static String mutatedInteraction(SplittableRandom random) {
        ObjectNode interaction;
        try {
            interaction = (ObjectNode) JSON.readTree(TEMPLATES.get(random.nextInt(TEMPLATES.size())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        JsonMutation.some(random, TEXTS, 5).forEach(mutation -> mutation.applyTo(interaction));
        return interaction.toString();
    }

    /** What was signed, and what arrived instead. */
    private record Tampered(String signed, String sent) {
        static Tampered draw(SplittableRandom random) {
            String signed = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            String sent = mutatedInteraction(random);
            while (sent.equals(signed)) {
                sent = mutatedInteraction(random);
            }
            return new Tampered(signed, sent);
        }
    }

    /** An interaction under a signature and timestamp that are not Discord's; either may be missing (null). */
    private record Garbage(String body, String signature, String timestamp) {
        static Garbage draw(SplittableRandom random) {
            return new Garbage(mutatedInteraction(random), anySignature(random), anyTimestamp(random));
        }
    }

    /** Hex of any length up to 130, any text up to 80, or a well-formed signature of the wrong key; 5% null. */
    private static String anySignature(SplittableRandom random) {
        if (random.nextInt(100) < 5) {
            return null;
        }
        return switch (random.nextInt(3)) {
            case 0 -> {
                StringBuilder hex = new StringBuilder();
                for (int i = random.nextInt(131); i > 0; i--) {
                    hex.append("0123456789abcdefABCDEF".charAt(random.nextInt(22)));
                }
                yield hex.toString();
            }
            case 1 -> JsonMutation.anyString(random, 80);
            default -> "01" + "00".repeat(63);
        };
    }

    /** Any epoch second, any text up to 30, or now; 5% null. */
    private static String anyTimestamp(SplittableRandom random) {
        if (random.nextInt(100) < 5) {
            return null;
        }
        return switch (random.nextInt(3)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> JsonMutation.anyString(random, 30);
            default -> Long.toString(NOW.getEpochSecond());
        };
    }

    private DiscordInteractionEndpoint.Response handle(String signature, String timestamp, String body) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> endpoint.handle(signature, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void authenticButMalformedInteractionsGetAClearAnswer() {
        new FuzzTries("authentic malformed interaction", 60_000, 250)
                .check(DiscordInteractionFuzzTest::mutatedInteraction, this::clearAnswer);
    }

    private void clearAnswer(String body) throws Exception {
        String timestamp = Long.toString(NOW.getEpochSecond());
        DiscordInteractionEndpoint.Response response = handle(sign(timestamp, body), timestamp, body);

        assertThat(response.status()).as(body).isIn(200, 400, 409);
        JsonNode answer = JSON.readTree(response.body());
        if (response.status() == 200) {
            assertThat(answer.path("type").asInt()).as(body).isIn(1, 4, 5);
            if (answer.path("type").asInt() == 4) {
                assertThat(answer.path("data").path("content").asText().length()).isBetween(1, 2000);
            }
        } else {
            assertThat(answer.path("error").asText()).as(body).isNotBlank();
        }
        SecretLeaks.assertNoLeak(INTERACTION_TOKEN, null, List.of(response.body()));
    }

    @Test
    void tamperedInteractionsAreAlwaysRefused() {
        new FuzzTries("tampered interaction", 70_000, 150).check(Tampered::draw, this::refusedAsTampered);
    }

    private void refusedAsTampered(Tampered tampered) throws Exception {
        String timestamp = Long.toString(NOW.getEpochSecond());
        DiscordInteractionEndpoint.Response response = handle(sign(timestamp, tampered.signed()), timestamp, tampered.sent());

        assertThat(response.status()).isEqualTo(401);
        SecretLeaks.assertNoLeak(INTERACTION_TOKEN, null, List.of(response.body()));
    }

    @Test
    void garbageSignaturesAndTimestampsAreRefused() {
        new FuzzTries("garbage signature or timestamp", 80_000, 150).check(Garbage::draw, garbage -> {
            DiscordInteractionEndpoint.Response response = handle(garbage.signature(), garbage.timestamp(), garbage.body());
            assertThat(response.status()).isEqualTo(401);
        });
    }
}
