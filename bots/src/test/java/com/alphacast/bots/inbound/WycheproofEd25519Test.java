package com.alphacast.bots.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Wycheproof Ed25519 vector: 88 valid signatures accepted, 63 edge-case forgeries refused. */
class WycheproofEd25519Test {

    static List<Arguments> vectors() throws Exception {
        JsonNode document = new ObjectMapper().readTree(Fixtures.testData().resolve("discord/wycheproof_ed25519_test.json").toFile());
        List<Arguments> vectors = new ArrayList<>();
        for (JsonNode group : document.get("testGroups")) {
            String key = group.get("publicKey").get("pk").asText();
            for (JsonNode test : group.get("tests")) {
                vectors.add(Arguments.of(test.get("tcId").asInt(), test.get("comment").asText(), key,
                        test.get("msg").asText(), test.get("sig").asText(), test.get("result").asText()));
            }
        }
        return vectors;
    }

    @Test
    void fileHoldsAll151Vectors() throws Exception {
        List<Arguments> vectors = vectors();
        assertThat(vectors).hasSize(151);
        assertThat(vectors.stream().filter(v -> v.get()[5].equals("valid"))).hasSize(88);
    }

    @ParameterizedTest(name = "tcId {0} {1} → {5}")
    @MethodSource("vectors")
    void givesTheExpectedVerdict(int id, String comment, String key, String message, String signature, String expected) {
        Ed25519Verifier verifier = Ed25519Verifier.fromHex(key);
        byte[] signatureBytes;
        try {
            signatureBytes = Hex.decode(signature, "signature");
        } catch (IllegalArgumentException e) {
            assertThat(expected).isEqualTo("invalid");
            return;
        }
        Ed25519Verifier.Verification verdict = verifier.verify(Hex.decode(message, "message"), signatureBytes);
        assertThat(verdict.valid()).as("tcId %d (%s): %s", id, comment, verdict.reason()).isEqualTo(expected.equals("valid"));
    }

}
