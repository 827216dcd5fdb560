package com.alphacast.bots.discord;

import com.alphacast.bots.command.CommandReply;
import com.alphacast.bots.command.Routing;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/** The Discord message answering a routed command, used inline and when editing a deferred response. */
final class InteractionMessages {

    private InteractionMessages() {
    }

    /** Its reply (ephemeral, markdown escaped, mentions off, buttons as danger buttons), or a short note when there is none. */
    static ObjectNode message(ObjectMapper json, Routing routing) {
        CommandReply reply = routing.reply().orElse(CommandReply.text("Nothing to do."));
        ObjectNode data = json.createObjectNode();
        String content = MarkdownSanitizer.escape(reply.text());
        data.put("content", content.length() > 2000 ? content.substring(0, 1999) + "…" : content);
        data.put("flags", 64);
        data.putObject("allowed_mentions").putArray("parse");
        if (!reply.buttons().isEmpty()) {
            ArrayNode components = data.putArray("components");
            ObjectNode row = components.addObject();
            row.put("type", 1);
            ArrayNode buttons = row.putArray("components");
            for (CommandReply.Button button : reply.buttons()) {
                buttons.addObject().put("type", 2).put("style", 4).put("label", button.label()).put("custom_id", button.command());
            }
        }
        return data;
    }
}
