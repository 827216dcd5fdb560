package com.alphacast.bots.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Completes a deferred interaction by editing its original (placeholder) response. */
public interface DiscordFollowUp {

    /** {@code PATCH /webhooks/{application_id}/{interaction_token}/messages/@original}; returns the HTTP status. */
    int editOriginal(String applicationId, String interactionToken, ObjectNode message);
}
