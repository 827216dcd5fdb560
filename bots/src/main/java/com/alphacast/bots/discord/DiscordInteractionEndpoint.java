package com.alphacast.bots.discord;

import com.alphacast.bots.command.Caller;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.ParsedText;
import com.alphacast.bots.command.Routing;
import com.alphacast.bots.inbound.Ed25519Verifier;
import com.alphacast.bots.inbound.SeenRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's HTTP interactions endpoint. Verifies Ed25519 over {@code timestamp + raw body} (401 when it
 * fails, which Discord tests on purpose), answers PING with PONG, routes slash commands and button presses
 * through the {@link CommandRouter}, and when routing outlasts the deadline (Discord allows 3 s) answers
 * type 5 (deferred) and edits the original response once the work is done.
 *
 * <p>A signature stays valid for the whole timestamp window, so each command or button interaction id is
 * executed at most once ({@link SeenRequests}, remembered for twice the window: a request may be signed up
 * to {@code maxTimestampAge} ahead of or behind this clock); a replay gets 409. A malformed interaction that
 * passed the signature check is answered 400 and logged, never thrown.
 */
public final class DiscordInteractionEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordInteractionEndpoint.class);

    /** HTTP answer: status and JSON body. */
    public record Response(int status, String body, Routing routing) {}

    private final Ed25519Verifier verifier;
    private final CommandRouter router;
    private final DiscordFollowUp followUp;
    private final ExecutorService executor;
    private final Duration deadline;
    private final Duration maxTimestampAge;
    private final Clock clock;
    private final SeenRequests seen;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param deadline        how long to wait for the router before deferring (below Discord's 3 s)
     * @param maxTimestampAge requests signed longer ago than this are refused as replays
     * @param seen            interaction ids already executed; must remember them for at least 2 × {@code maxTimestampAge}
     */
    public DiscordInteractionEndpoint(Ed25519Verifier verifier, CommandRouter router, DiscordFollowUp followUp,
                                      ExecutorService executor, Duration deadline, Duration maxTimestampAge, Clock clock,
                                      SeenRequests seen) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.router = Objects.requireNonNull(router, "router");
        this.followUp = Objects.requireNonNull(followUp, "followUp");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.maxTimestampAge = Objects.requireNonNull(maxTimestampAge, "maxTimestampAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seen = Objects.requireNonNull(seen, "seen");
        if (seen.retention().compareTo(maxTimestampAge.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("interaction ids must be remembered for at least twice the timestamp window ("
                    + maxTimestampAge.multipliedBy(2) + "), the store keeps them " + seen.retention());
        }
    }

    public Response handle(String signatureHex, String timestamp, byte[] body) {
        Ed25519Verifier.Verification verification = verifier.verifyDiscord(signatureHex, timestamp, body);
        if (!verification.valid()) {
            return error(401, "invalid request signature: " + verification.reason());
        }
        Optional<String> stale = new DiscordTimestampWindow(maxTimestampAge).refusal(timestamp, clock.instant());
        if (stale.isPresent()) {
            return error(401, stale.get());
        }
        try {
            return route(body);
        } catch (RuntimeException e) {
            // Signed by Discord but not an interaction we can read: answer, log, and keep serving.
            LOG.warn("malformed interaction refused: {}", e.toString());
            return error(400, "malformed interaction");
        }
    }

    private Response route(byte[] body) {
        JsonNode interaction;
        try {
            interaction = json.readTree(body);
        } catch (IOException e) {
            // The parser's own message quotes the body; the location is enough.
            return error(400, "body is not JSON (at " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException parse
                    && parse.getLocation() != null ? "line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() : "end of input") + ")");
        }
        int type = interaction.path("type").asInt(-1);
        if (type == 1) {
            return new Response(200, "{\"type\":1}", null);
        }
        if (type != 2 && type != 3) {
            return error(400, "unsupported interaction type " + type);
        }
        Caller caller = DiscordInteractionReader.caller(interaction).orElse(null);
        if (caller == null) {
            return error(400, "interaction has no user");
        }
        String id = interaction.path("id").asText("");
        if (id.isEmpty() || !interaction.path("id").isValueNode()) {
            return error(400, "interaction has no id");
        }
        if (!seen.firstSighting("discord:interaction:" + id)) {
            LOG.warn("replayed interaction {} refused", shortened(id));
            return error(409, "interaction " + shortened(id) + " was already handled");
        }
        ParsedText parsed = DiscordInteractionReader.command(interaction);
        CompletableFuture<Routing> work = CompletableFuture.supplyAsync(() -> router.route(caller, parsed), executor);
        try {
            Routing routing = work.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(200, respond(routing).toString(), routing);
        } catch (TimeoutException e) {
            String applicationId = interaction.path("application_id").asText();
            String token = interaction.path("token").asText();
            work.thenAccept(routing -> {
                int status = followUp.editOriginal(applicationId, token, message(routing));
                if (status < 200 || status >= 300) {
                    LOG.warn("follow-up for interaction {} failed with status {}", shortened(id), status);
                }
            }).exceptionally(failure -> {
                // The interaction token is a credential: log the failure's type only, never its message.
                LOG.warn("follow-up for interaction {} failed: {}", shortened(id), failure.getClass().getSimpleName());
                return null;
            });
            return new Response(200, "{\"type\":5}", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        } catch (ExecutionException e) {
            LOG.error("routing interaction failed", e.getCause());
            return new Response(200, json.createObjectNode().put("type", 4).set("data",
                    json.createObjectNode().put("content", "Something went wrong; please try again.").put("flags", 64)).toString(), null);
        }
    }

    private ObjectNode respond(Routing routing) {
        ObjectNode response = json.createObjectNode();
        response.put("type", 4);
        response.set("data", message(routing));
        return response;
    }

    /** The message for a routing: its reply (ephemeral, mentions off), or a short note when there is none. */
    ObjectNode message(Routing routing) {
        return InteractionMessages.message(json, routing);
    }

    /** Request values echoed in answers and logs are cut short: they are the sender's, not ours. */
    private static String shortened(String value) {
        return value.length() > 32 ? value.substring(0, 32) + "…" : value;
    }

    private Response error(int status, String message) {
        return new Response(status, json.createObjectNode().put("error", message).toString(), null);
    }
}
