package com.alphacast.bots.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.command.Routing;
import com.alphacast.bots.inbound.Ed25519Verifier;
import com.alphacast.bots.inbound.InMemorySeenRequests;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferringInteractionEndpointTest {

    private final Instant now = Instant.parse("2026-11-20T14:30:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final KeyPair keys;
    private final List<String> handedOver = new ArrayList<>();

    DeferringInteractionEndpointTest() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private DeferringInteractionEndpoint endpoint() {
        byte[] encoded = keys.getPublic().getEncoded();
        return new DeferringInteractionEndpoint(new Ed25519Verifier(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)),
                DiscordTimestampWindow.standard(), clock, new InMemorySeenRequests(Duration.ofMinutes(10), 100, clock),
                handedOver::add);
    }

    private String sign(String timestamp, String body) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(keys.getPrivate());
        signature.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(signature.sign());
    }

    private DeferringInteractionEndpoint.Response post(DeferringInteractionEndpoint endpoint, Instant signedAt, String body)
            throws Exception {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return endpoint.handle(sign(timestamp, body), timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String command(String id, String user, String name) {
        return "{\"id\":\"" + id + "\",\"type\":2,\"application_id\":\"42\",\"token\":\"tok\",\"channel_id\":\"7\","
                + "\"member\":{\"user\":{\"id\":\"" + user + "\"}},\"data\":{\"name\":\"" + name + "\"}}";
    }

    @Test
    void commandIsAcknowledgedDeferredOnlyAfterItWasHandedOverOnce() throws Exception {
        DeferringInteractionEndpoint endpoint = endpoint();
        String body = command("11", "900", "status");

        assertThat(post(endpoint, now, body)).isEqualTo(new DeferringInteractionEndpoint.Response(200, "{\"type\":5,\"data\":{\"flags\":64}}"));
        assertThat(post(endpoint, now, body).status()).isEqualTo(409);
        assertThat(handedOver).containsExactly(body);
    }

    @Test
    void pingIsPongAndNothingIsHandedOver() throws Exception {
        assertThat(post(endpoint(), now, "{\"type\":1}").body()).isEqualTo("{\"type\":1}");
        assertThat(handedOver).isEmpty();
    }

    @Test
    void unsignedStaleOrTokenlessRequestsAreRefusedWithoutHandingOver() throws Exception {
        DeferringInteractionEndpoint endpoint = endpoint();

        assertThat(endpoint.handle(null, null, command("12", "900", "status").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        assertThat(post(endpoint, now.minusSeconds(301), command("13", "900", "status")).status()).isEqualTo(401);
        assertThat(post(endpoint, now, command("14", "900", "status").replace("\"token\":\"tok\",", "")).status()).isEqualTo(400);
        assertThat(post(endpoint, now, "[]").status()).isEqualTo(400);
        assertThat(handedOver).isEmpty();
    }

    @Test
    void completionRoutesTheCommandAndEditsTheOriginalResponse() {
        RouterFixture fixture = new RouterFixture();
        List<String> edits = new ArrayList<>();
        DeferredInteractionCompletion completion = new DeferredInteractionCompletion(fixture.router,
                (application, token, message) -> {
                    edits.add(application + "/" + token + ": " + message.get("content").asText());
                    return 200;
                });

        DeferredInteractionCompletion.Completion done = completion.complete(command("15", "900", "halt"));

        assertThat(done.edited()).isTrue();
        assertThat(done.routing().verdict()).isEqualTo(Routing.Verdict.HANDLED);
        assertThat(fixture.desk.status().halted()).isTrue();
        assertThat(edits).singleElement().asString().startsWith("42/tok: Trading halted");
        assertThatThrownBy(() -> completion.complete("{\"type\":2,\"member\":{\"user\":{\"id\":\"900\"}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("deferred interaction has no application_id or token");
    }
}
