package com.alphacast.bots.discord;

/**
 * Where an acknowledged interaction goes to be finished later (a queue read by another function), so the
 * endpoint answers within Discord's 3 seconds without keeping work running after its answer.
 */
public interface DeferredInteractions {

    /** Hands over the verified interaction, exactly as Discord sent it; throws when it could not be handed over. */
    void defer(String interactionJson);
}
