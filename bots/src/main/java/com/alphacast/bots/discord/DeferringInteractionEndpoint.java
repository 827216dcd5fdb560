package com.alphacast.bots.discord;

import com.alphacast.bots.inbound.Ed25519Verifier;
import com.alphacast.bots.inbound.SeenRequests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's interactions endpoint for a function that must not leave work running after it answers (Lambda):
 * Ed25519 over {@code timestamp + raw body} and the timestamp window (401 and nothing recorded when either fails),
 * PING → PONG, and every slash command or button acknowledged with a deferred response (type 5) after the
 * interaction was handed to {@link DeferredInteractions}; whoever reads them routes the command and edits the
 * original response ({@link DeferredInteractionCompletion}). Each interaction id is handed over once
 * ({@link SeenRequests}, remembered for twice the window); a replay inside the window gets 409.
 */
public final class DeferringInteractionEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(DeferringInteractionEndpoint.class);

    /** HTTP answer: status and JSON body. */
    public record Response(int status, String body) {}

    private final Ed25519Verifier verifier;
    private final DiscordTimestampWindow window;
    private final Clock clock;
    private final SeenRequests seen;
    private final DeferredInteractions deferred;
    private final ObjectMapper json = new ObjectMapper();

    public DeferringInteractionEndpoint(Ed25519Verifier verifier, DiscordTimestampWindow window, Clock clock,
                                        SeenRequests seen, DeferredInteractions deferred) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seen = Objects.requireNonNull(seen, "seen");
        this.deferred = Objects.requireNonNull(deferred, "deferred");
        if (seen.retention().compareTo(window.maxAge().multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("interaction ids must be remembered for at least twice the timestamp window ("
                    + window.maxAge().multipliedBy(2) + "), the store keeps them " + seen.retention());
        }
    }

    public Response handle(String signatureHex, String timestamp, byte[] body) {
        if (signatureHex == null || timestamp == null) {
            return error(401, "missing X-Signature-Ed25519 or X-Signature-Timestamp");
        }
        Ed25519Verifier.Verification verification = verifier.verifyDiscord(signatureHex, timestamp, body);
        if (!verification.valid()) {
            return error(401, "invalid request signature: " + verification.reason());
        }
        Optional<String> stale = window.refusal(timestamp, clock.instant());
        if (stale.isPresent()) {
            return error(401, stale.get());
        }
        JsonNode interaction;
        try {
            interaction = json.readTree(body);
        } catch (IOException e) {
            // The parser's own message quotes the body; the location is enough.
            return error(400, "body is not JSON" + (e instanceof JsonProcessingException parse && parse.getLocation() != null
                    ? " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")" : ""));
        }
        if (interaction == null || !interaction.isObject()) {
            return error(400, "interaction is not a JSON object");
        }
        int type = interaction.path("type").asInt(-1);
        if (type == 1) {
            return new Response(200, "{\"type\":1}");
        }
        if (type != 2 && type != 3) {
            return error(400, "unsupported interaction type " + type);
        }
        if (DiscordInteractionReader.caller(interaction).isEmpty()) {
            return error(400, "interaction has no user");
        }
        JsonNode id = interaction.path("id");
        if (!id.isValueNode() || id.asText("").isEmpty()) {
            return error(400, "interaction has no id");
        }
        if (!interaction.path("application_id").isValueNode() || !interaction.path("token").isTextual()) {
            return error(400, "interaction has no application_id or token to answer with");
        }
        if (!seen.firstSighting("discord:interaction:" + id.asText())) {
            LOG.warn("replayed interaction {} refused", shortened(id.asText()));
            return error(409, "interaction " + shortened(id.asText()) + " was already handled");
        }
        deferred.defer(new String(body, StandardCharsets.UTF_8));
        return new Response(200, "{\"type\":5,\"data\":{\"flags\":64}}");
    }

    /** Request values echoed in answers and logs are cut short: they are the sender's, not ours. */
    private static String shortened(String value) {
        return value.length() > 32 ? value.substring(0, 32) + "…" : value;
    }

    private Response error(int status, String message) {
        return new Response(status, json.createObjectNode().put("error", message).toString());
    }
}
