package com.alphacast.bots.discord;

import com.alphacast.bots.command.Caller;
import com.alphacast.bots.command.ParsedText;
import com.alphacast.core.distribution.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads who sent a Discord interaction and which command it carries (JDA cannot parse HTTP interactions without a gateway). */
public final class DiscordInteractionReader {

    private DiscordInteractionReader() {
    }

    /** Whether the JSON looks like an interaction payload rather than something else. */
    public static boolean isInteraction(JsonNode node) {
        return node.isObject() && node.path("type").isInt() && (node.has("application_id") || node.has("token"));
    }

    public static Optional<Caller> caller(JsonNode interaction) {
        JsonNode user = interaction.path("member").path("user");
        if (user.isMissingNode()) {
            user = interaction.path("user");
        }
        String userId = user.path("id").asText("");
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        String channel = interaction.path("channel_id").asText(interaction.path("channel").path("id").asText(""));
        return Optional.of(new Caller(Channel.DISCORD, userId, channel));
    }

    /** Type 2 (slash command: name + option values in order) or 3 (button whose custom_id is a command). */
    public static ParsedText command(JsonNode interaction) {
        JsonNode data = interaction.path("data");
        int type = interaction.path("type").asInt();
        if (type == 2) {
            String name = data.path("name").asText("");
            if (name.isEmpty()) {
                return new ParsedText.NotACommand("slash command without a name");
            }
            List<String> arguments = new ArrayList<>();
            for (JsonNode option : data.path("options")) {
                arguments.add(option.path("value").asText());
            }
            return new ParsedText.Command(name.toLowerCase(Locale.ROOT), arguments);
        }
        if (type == 3) {
            String customId = data.path("custom_id").asText("");
            if (!customId.startsWith("/")) {
                return new ParsedText.NotACommand("button '" + customId + "' is not a command");
            }
            String[] parts = customId.substring(1).strip().split("\\s+");
            return new ParsedText.Command(parts[0].toLowerCase(Locale.ROOT), List.of(parts).subList(1, parts.length));
        }
        return new ParsedText.NotACommand(type == 1 ? "PING (answered with PONG)" : "interaction type " + type + " carries no command");
    }
}
