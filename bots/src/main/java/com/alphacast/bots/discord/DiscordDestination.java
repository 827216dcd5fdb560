package com.alphacast.bots.discord;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a Discord delivery goes. Written in deliveries as {@code webhook:<webhook id>} (posted through
 * the webhook, whose token comes from configuration, never from the delivery) or {@code channel:<channel id>}
 * (or a bare channel id), posted by the bot through the REST API.
 */
public record DiscordDestination(Kind kind, String id) {

    private static final Pattern SNOWFLAKE = Pattern.compile("0|[1-9][0-9]{0,19}");

    public enum Kind { WEBHOOK, CHANNEL }

    public DiscordDestination {
        Objects.requireNonNull(kind, "kind");
        if (id == null || !SNOWFLAKE.matcher(id).matches()) {
            throw new IllegalArgumentException("Discord " + kind.name().toLowerCase() + " id must be a snowflake (digits), was '" + id + "'");
        }
    }

    public static DiscordDestination parse(String destination) {
        Objects.requireNonNull(destination, "destination");
        if (destination.startsWith("webhook:")) {
            return new DiscordDestination(Kind.WEBHOOK, destination.substring("webhook:".length()));
        }
        if (destination.startsWith("channel:")) {
            return new DiscordDestination(Kind.CHANNEL, destination.substring("channel:".length()));
        }
        if (SNOWFLAKE.matcher(destination).matches()) {
            return new DiscordDestination(Kind.CHANNEL, destination);
        }
        throw new IllegalArgumentException("Discord destination must be 'webhook:<id>', 'channel:<id>' or a channel id, was '"
                + destination + "'");
    }

    /** Path of the create-message call, with the webhook token left as the {@code {webhook_token}} placeholder. */
    public String messagePath() {
        return kind == Kind.WEBHOOK
                ? "/webhooks/" + id + "/{webhook_token}?wait=true"
                : "/channels/" + id + "/messages";
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + id;
    }
}
