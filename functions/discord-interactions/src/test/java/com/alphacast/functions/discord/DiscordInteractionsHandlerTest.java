package com.alphacast.functions.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.functions.FakeContext;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The Discord interactions function on the template's table and queue: signed PING → PONG, a request signed
 * outside the timestamp window or by another key → 401 with nothing recorded, a command → deferred (type 5) and
 * the interaction on DiscordFollowUpQueue once, a replay → 409.
 */
class DiscordInteractionsHandlerTest {

    private static final KeyPair KEYS = keys();

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyHex(KeyPair keys) {
        byte[] encoded = keys.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    private DiscordInteractionsHandler handler(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("DiscordInteractionsFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        environment.put("DISCORD_PUBLIC_KEY_REF", "env:TEST_DISCORD_PUBLIC_KEY");
        environment.put("TEST_DISCORD_PUBLIC_KEY", publicKeyHex(KEYS));
        return new DiscordInteractionsHandler(environment);
    }

    private static String sign(KeyPair keys, String timestamp, String body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private APIGatewayV2HTTPResponse post(DiscordInteractionsHandler handler, KeyPair signer, Instant signedAt, String body) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/discord/interactions")
                .withHeaders(Map.of("content-type", "application/json", "x-signature-ed25519", sign(signer, timestamp, body),
                        "x-signature-timestamp", timestamp))
                .withBody(body).withIsBase64Encoded(false).build();
        return handler.handleRequest(event, new FakeContext("DiscordInteractionsFunction"));
    }

    private static String command(String id, String name) {
        return "{\"id\":\"" + id + "\",\"type\":2,\"application_id\":\"1184000000000000100\",\"token\":\"tok-" + id + "\","
                + "\"channel_id\":\"1184000000000000001\",\"member\":{\"user\":{\"id\":\"900000000000000001\"}},"
                + "\"data\":{\"name\":\"" + name + "\"}}";
    }

    private List<Message> followUps(LocalCloud cloud) {
        return cloud.sqs().receiveMessage(r -> r.queueUrl(cloud.queueUrl("DiscordFollowUpQueue")).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
    }

    private static int recorded(LocalCloud cloud) {
        return cloud.dynamoDb().scan(r -> r.tableName(cloud.tableName("InboundRequestsTable"))).count();
    }

    @Test
    void signedPingIsAnsweredPongAndTheSameRequestOutsideTheWindowIsRefused(LocalCloud cloud) {
        DiscordInteractionsHandler handler = handler(cloud);

        APIGatewayV2HTTPResponse pong = post(handler, KEYS, Instant.now(), "{\"type\":1}");
        assertThat(pong.getStatusCode()).isEqualTo(200);
        assertThat(pong.getBody()).isEqualTo("{\"type\":1}");

        APIGatewayV2HTTPResponse replay = post(handler, KEYS, Instant.now().minusSeconds(600), "{\"type\":1}");
        assertThat(replay.getStatusCode()).isEqualTo(401);
        assertThat(replay.getBody()).contains("stale request timestamp");
    }

    @Test
    void commandIsDeferredAndQueuedOnceAndReplaysAreRefused(LocalCloud cloud) {
        DiscordInteractionsHandler handler = handler(cloud);
        String body = command("1300000000000000001", "status");

        APIGatewayV2HTTPResponse deferred = post(handler, KEYS, Instant.now(), body);
        APIGatewayV2HTTPResponse replay = post(handler, KEYS, Instant.now(), body);

        assertThat(deferred.getStatusCode()).isEqualTo(200);
        assertThat(deferred.getBody()).isEqualTo("{\"type\":5,\"data\":{\"flags\":64}}");
        assertThat(replay.getStatusCode()).isEqualTo(409);
        assertThat(followUps(cloud)).singleElement().satisfies(message -> assertThat(message.body()).isEqualTo(body));
    }

    @Test
    void badSignaturesAndStaleTimestampsAre401AndRecordNothing(LocalCloud cloud) {
        DiscordInteractionsHandler handler = handler(cloud);
        int before = recorded(cloud);

        assertThat(post(handler, keys(), Instant.now(), command("1300000000000000002", "status")).getStatusCode())
                .isEqualTo(401);
        assertThat(post(handler, KEYS, Instant.now().plusSeconds(600), command("1300000000000000003", "status"))
                .getStatusCode()).isEqualTo(401);
        APIGatewayV2HTTPEvent unsigned = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of())
                .withBody(command("1300000000000000004", "status")).withIsBase64Encoded(false).build();
        assertThat(handler.handleRequest(unsigned, new FakeContext("DiscordInteractionsFunction")).getStatusCode())
                .isEqualTo(401);

        assertThat(recorded(cloud)).isEqualTo(before);
        assertThat(followUps(cloud)).isEmpty();
    }
}
