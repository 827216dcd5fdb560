package com.alphacast.bots.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.SpecCheck;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.DeskQueries;
import com.alphacast.bots.command.ReplyStyle;
import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.command.data.PositionBook;
import com.alphacast.bots.inbound.Ed25519Verifier;
import com.alphacast.bots.inbound.InMemorySeenRequests;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.fakes.discord.FakeDiscord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscordInteractionEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final KeyPair keys;
    private final RouterFixture fixture = new RouterFixture();
    private final Instant now = Instant.parse("2026-11-20T14:30:00Z");

    DiscordInteractionEndpointTest() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Ed25519Verifier verifier() {
        byte[] encoded = keys.getPublic().getEncoded();
        return new Ed25519Verifier(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    private DiscordInteractionEndpoint endpoint(CommandRouter router, DiscordFollowUp followUp, Duration deadline) {
        return new DiscordInteractionEndpoint(verifier(), router, followUp, executor, deadline, Duration.ofMinutes(5),
                Clock.fixed(now, ZoneId.of("UTC")), new InMemorySeenRequests(Duration.ofMinutes(10), 1000,
                        Clock.fixed(now, ZoneId.of("UTC"))));
    }

    private static String sign(PrivateKey key, String timestamp, String body) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(signature.sign());
    }

    private DiscordInteractionEndpoint.Response call(DiscordInteractionEndpoint endpoint, String body) throws Exception {
        String timestamp = Long.toString(now.getEpochSecond());
        return endpoint.handle(sign(keys.getPrivate(), timestamp, body), timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String command(String name, String userId, String optionsJson) {
        return "{\"type\":2,\"id\":\"1200\",\"application_id\":\"1100\",\"token\":\"itoken\",\"channel_id\":\"555\","
                + "\"member\":{\"user\":{\"id\":\"" + userId + "\",\"username\":\"op\"}},"
                + "\"data\":{\"id\":\"1\",\"name\":\"" + name + "\",\"type\":1" + optionsJson + "}}";
    }

    @Test
    void answersPingWithPong() throws Exception {
        DiscordInteractionEndpoint.Response response = call(endpoint(fixture.router, (a, t, m) -> 204, Duration.ofSeconds(2)), "{\"type\":1}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"type\":1}");
    }

    @Test
    void refusesBadSignaturesTamperedBodiesAndStaleTimestampsWith401() throws Exception {
        DiscordInteractionEndpoint endpoint = endpoint(fixture.router, (a, t, m) -> 204, Duration.ofSeconds(2));
        String timestamp = Long.toString(now.getEpochSecond());
        String signature = sign(keys.getPrivate(), timestamp, "{\"type\":1}");
        assertThat(endpoint.handle(signature, timestamp, "{\"type\":2}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        assertThat(endpoint.handle(signature, Long.toString(now.getEpochSecond() + 1), "{\"type\":1}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        assertThat(endpoint.handle("zz", timestamp, "{\"type\":1}".getBytes(StandardCharsets.UTF_8)).body()).contains("not hex");
        assertThat(endpoint.handle(null, timestamp, "{\"type\":1}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(endpoint.handle(sign(other.getPrivate(), timestamp, "{\"type\":1}"), timestamp,
                "{\"type\":1}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        String old = Long.toString(now.minusSeconds(3600).getEpochSecond());
        assertThat(endpoint.handle(sign(keys.getPrivate(), old, "{\"type\":1}"), old, "{\"type\":1}".getBytes(StandardCharsets.UTF_8)).body())
                .contains("stale");
    }

    @Test
    void slashCommandIsAnsweredInlineWithASpecValidResponse() throws Exception {
        DiscordInteractionEndpoint.Response response = call(endpoint(fixture.router, (a, t, m) -> 204, Duration.ofSeconds(2)),
                command("pnl", "900", ",\"options\":[{\"name\":\"days\",\"type\":4,\"value\":7}]"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("type").asInt()).isEqualTo(4);
        assertThat(body.get("data").get("content").asText()).contains("Total: +$937.50");
        assertThat(SpecCheck.DISCORD.validate("POST", "/interactions/1200/itoken/callback", Map.of(), body)).isEmpty();
    }

    @Test
    void unknownDiscordUserIsDenied() throws Exception {
        DiscordInteractionEndpoint.Response response = call(endpoint(fixture.router, (a, t, m) -> 204, Duration.ofSeconds(2)),
                command("halt", "12345", ""));
        assertThat(response.routing().verdict()).isEqualTo(com.alphacast.bots.command.Routing.Verdict.UNAUTHORIZED);
        assertThat(fixture.desk.status().halted()).isFalse();
    }

    @Test
    void slowWorkIsDeferredAndFollowedUpThroughTheWebhook() throws Exception {
        PositionBook slow = () -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fixture.desk.openPositions();
        };
        CommandRouter router = new CommandRouter(fixture.access(),
                new DeskQueries(slow, fixture.desk, fixture.desk, Optional.empty()), fixture.operators(1),
                new ReplyStyle(BriefingComposer.standard(), "https://x.example", ZoneId.of("UTC")), fixture.time);
        try (FakeDiscord discord = new FakeDiscord(Clock.systemUTC(), "bot")) {
            discord.expectInteraction("itoken");
            DiscordInteractionEndpoint endpoint = endpoint(router, HttpDiscordFollowUp.create(discord.apiBase(), Duration.ofSeconds(5)),
                    Duration.ofMillis(100));
            DiscordInteractionEndpoint.Response response = call(endpoint, command("positions", "900", ""));
            assertThat(response.body()).isEqualTo("{\"type\":5}");
            long deadline = System.currentTimeMillis() + 5000;
            while (discord.posted().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(discord.posted()).singleElement().satisfies(posted -> {
                assertThat(posted.target()).isEqualTo("original:1100");
                assertThat(posted.body().get("content").asText()).contains("Open positions (2)");
            });
            assertThat(discord.invalidRequests()).isEmpty();
        }
    }

    @Test
    void confirmationButtonRunsTheConfirmedCommand() throws Exception {
        DiscordInteractionEndpoint endpoint = endpoint(fixture.router, (a, t, m) -> 204, Duration.ofSeconds(2));
        JsonNode ask = JSON.readTree(call(endpoint, command("closeall", "900", "")).body());
        JsonNode button = ask.get("data").get("components").get(0).get("components").get(0);
        assertThat(SpecCheck.DISCORD.validate("POST", "/interactions/1200/itoken/callback", Map.of(), ask)).isEmpty();
        String press = "{\"type\":3,\"id\":\"1201\",\"application_id\":\"1100\",\"token\":\"t2\",\"channel_id\":\"555\","
                + "\"member\":{\"user\":{\"id\":\"900\"}},\"data\":{\"component_type\":2,\"custom_id\":\"" + button.get("custom_id").asText() + "\"}}";
        assertThat(JSON.readTree(call(endpoint, press).body()).get("data").get("content").asText()).contains("Closing 2 open positions");
        assertThat(fixture.desk.openPositions()).isEmpty();
    }

    @Test
    void replayedHaltInsideTheWindowIsNotExecutedAgainAfterResume() throws Exception {
        DiscordInteractionEndpoint endpoint = endpoint(fixture.router, (a, t, m) -> 204, Duration.ofSeconds(2));
        String timestamp = Long.toString(now.getEpochSecond());
        String halt = command("halt", "900", "");
        String signature = sign(keys.getPrivate(), timestamp, halt);
        assertThat(endpoint.handle(signature, timestamp, halt.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(fixture.desk.status().halted()).isTrue();
        String resume = command("resume", "900", "").replace("\"id\":\"1200\"", "\"id\":\"1201\"");
        assertThat(call(endpoint, resume).status()).isEqualTo(200);
        assertThat(fixture.desk.status().halted()).isFalse();

        DiscordInteractionEndpoint.Response replay = endpoint.handle(signature, timestamp, halt.getBytes(StandardCharsets.UTF_8));

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).contains("already handled");
        assertThat(fixture.desk.status().halted()).as("the replayed /halt must not run again").isFalse();
    }

    @Test
    void commandWithoutAnInteractionIdIsRefused() throws Exception {
        DiscordInteractionEndpoint endpoint = endpoint(fixture.router, (a, t, m) -> 204, Duration.ofSeconds(2));
        DiscordInteractionEndpoint.Response response = call(endpoint, command("halt", "900", "").replace("\"id\":\"1200\",", ""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(fixture.desk.status().halted()).isFalse();
    }

    @Test
    void refusesAStoreThatForgetsIdsBeforeTheTimestampWindowCloses() {
        Clock clock = Clock.fixed(now, ZoneId.of("UTC"));
        assertThatThrownBy(() -> new DiscordInteractionEndpoint(verifier(), fixture.router, (a, t, m) -> 204, executor,
                Duration.ofSeconds(2), Duration.ofMinutes(5), clock, new InMemorySeenRequests(Duration.ofMinutes(5), 10, clock)))
                .hasMessageContaining("twice the timestamp window");
    }

    @Test
    void signedTimestampBeyondTheCalendarIsA401NotACrash() throws Exception {
        DiscordInteractionEndpoint endpoint = endpoint(fixture.router, (a, t, m) -> 204, Duration.ofSeconds(2));
        String timestamp = Long.toString(Long.MAX_VALUE);
        DiscordInteractionEndpoint.Response response = endpoint.handle(sign(keys.getPrivate(), timestamp, "{\"type\":1}"), timestamp,
                "{\"type\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(401);
    }
}
