package com.alphacast.bots.discord;

import com.alphacast.bots.command.Caller;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.Routing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * Finishes an interaction the endpoint deferred: routes its command and edits the original (deferred) response
 * with the answer. The interaction was verified by the endpoint before it was handed over.
 */
public final class DeferredInteractionCompletion {

    /** What was answered: the routing and the status of the edit. */
    public record Completion(Routing routing, int editStatus) {
        public boolean edited() {
            return editStatus >= 200 && editStatus < 300;
        }
    }

    private final CommandRouter router;
    private final DiscordFollowUp followUp;
    private final ObjectMapper json = new ObjectMapper();

    public DeferredInteractionCompletion(CommandRouter router, DiscordFollowUp followUp) {
        this.router = Objects.requireNonNull(router, "router");
        this.followUp = Objects.requireNonNull(followUp, "followUp");
    }

    /** @throws IllegalArgumentException naming what is missing when the message is not a deferred interaction */
    public Completion complete(String interactionJson) {
        JsonNode interaction;
        try {
            interaction = json.readTree(interactionJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("deferred interaction is not JSON");
        }
        if (interaction == null || !interaction.isObject()) {
            throw new IllegalArgumentException("deferred interaction is not a JSON object");
        }
        Caller caller = DiscordInteractionReader.caller(interaction)
                .orElseThrow(() -> new IllegalArgumentException("deferred interaction has no user"));
        String applicationId = interaction.path("application_id").asText("");
        String token = interaction.path("token").asText("");
        if (applicationId.isEmpty() || token.isEmpty()) {
            throw new IllegalArgumentException("deferred interaction has no application_id or token");
        }
        Routing routing = router.route(caller, DiscordInteractionReader.command(interaction));
        int status = followUp.editOriginal(applicationId, token, InteractionMessages.message(json, routing));
        return new Completion(routing, status);
    }
}
