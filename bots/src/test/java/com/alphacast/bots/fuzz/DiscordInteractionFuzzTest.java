package com.alphacast.bots.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.alphacast.bots.SecretLeaks;
import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.discord.DiscordInteractionEndpoint;
import com.alphacast.bots.inbound.Ed25519Verifier;
import com.alphacast.bots.inbound.InMemorySeenRequests;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Discord interactions mutated and then signed with the test key (a hostile but authentic sender), and signed
 * and then mutated (tampering in transit): every request is answered within seconds, never with an escaped
 * exception; tampered ones always 401; authentic ones 200, 400 or 409 (a repeated id); no answer quotes the
 * interaction token (a credential for 15 minutes).
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

    @BeforeContainer
    static void start() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        executor = Executors.newCachedThreadPool();
    }

    @AfterContainer
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

    @Provide
    Arbitrary<String> mutatedInteractions() {
        Arbitrary<ObjectNode> base = Arbitraries.of(TEMPLATES).map(text -> {
            try {
                return (ObjectNode) JSON.readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return Combinators.combine(base, JsonMutation.any(TEXTS).list().ofMinSize(1).ofMaxSize(5)).as((interaction, mutations) -> {
            mutations.forEach(mutation -> mutation.applyTo(interaction));
            return interaction.toString();
        });
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> signedThenTampered() {
        Arbitrary<String> template = Arbitraries.of(TEMPLATES);
        return Combinators.combine(template, mutatedInteractions()).as(Tuple::of).filter(pair -> !pair.get1().equals(pair.get2()));
    }

    private DiscordInteractionEndpoint.Response handle(String signature, String timestamp, String body) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> endpoint.handle(signature, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 250)
    void authenticButMalformedInteractionsGetAClearAnswer(@ForAll("mutatedInteractions") String body) throws Exception {
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

    @Property(tries = 150)
    void tamperedInteractionsAreAlwaysRefused(@ForAll("signedThenTampered") Tuple.Tuple2<String, String> signedAndSent) throws Exception {
        String timestamp = Long.toString(NOW.getEpochSecond());
        DiscordInteractionEndpoint.Response response = handle(sign(timestamp, signedAndSent.get1()), timestamp, signedAndSent.get2());

        assertThat(response.status()).isEqualTo(401);
        SecretLeaks.assertNoLeak(INTERACTION_TOKEN, null, List.of(response.body()));
    }

    @Property(tries = 150)
    void garbageSignaturesAndTimestampsAreRefused(@ForAll("mutatedInteractions") String body,
                                                  @ForAll("signatures") String signature, @ForAll("timestamps") String timestamp) {
        DiscordInteractionEndpoint.Response response = handle(signature, timestamp, body);
        assertThat(response.status()).isEqualTo(401);
    }

    @Provide
    Arbitrary<String> signatures() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(0).ofMaxLength(130),
                Arbitraries.strings().ofMaxLength(80), Arbitraries.just("01" + "00".repeat(63))).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> timestamps() {
        return Arbitraries.oneOf(Arbitraries.longs().map(value -> Long.toString(value)), Arbitraries.strings().ofMaxLength(30),
                Arbitraries.just(Long.toString(NOW.getEpochSecond()))).injectNull(0.05);
    }
}
