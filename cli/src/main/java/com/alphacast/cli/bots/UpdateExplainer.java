package com.alphacast.cli.bots;

import com.alphacast.bots.command.Caller;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.ParsedText;
import com.alphacast.bots.command.Routing;
import com.alphacast.bots.discord.DiscordInteractionReader;
import com.alphacast.bots.inbound.InMemorySeenRequests;
import com.alphacast.bots.telegram.TelegramUpdateHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Explains how a saved Telegram update or Discord interaction would be routed, and why. */
final class UpdateExplainer {

    private final CommandRouter router;
    private final String botUsername;
    private final ObjectMapper json = new ObjectMapper();

    UpdateExplainer(CommandRouter router, String botUsername) {
        this.router = router;
        this.botUsername = botUsername;
    }

    List<String> explain(String name, byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(name + " is not a JSON object");
        }
        List<String> lines = new ArrayList<>();
        Routing routing;
        if (node.has("update_id")) {
            TelegramUpdateHandler handler = new TelegramUpdateHandler(new CommandParser(botUsername), router,
                    new InMemorySeenRequests(Duration.ofMinutes(1), 1, Clock.systemUTC()));
            Update update = handler.parse(body);
            lines.add("source:      Telegram update " + update.getUpdateId() + " (" + kind(node) + ")"
                    + (botUsername.isEmpty() ? ", bot username not configured: /cmd@name cannot be attributed" : ", bot @" + botUsername));
            routing = handler.handle(update).routing();
        } else if (DiscordInteractionReader.isInteraction(node)) {
            Optional<Caller> caller = DiscordInteractionReader.caller(node);
            ParsedText parsed = DiscordInteractionReader.command(node);
            lines.add("source:      Discord interaction " + node.path("id").asText("?") + " (type " + node.path("type").asInt() + ")");
            if (caller.isPresent()) {
                routing = router.route(caller.get(), parsed);
            } else if (parsed instanceof ParsedText.NotACommand not) {
                routing = Routing.ignored(Routing.Verdict.NOT_A_COMMAND, "not a command: " + not.reason());
            } else {
                routing = Routing.ignored(Routing.Verdict.IGNORED, "ignored: interaction without a user");
            }
        } else {
            throw new IllegalArgumentException(name + " is neither a Telegram update (no update_id) nor a Discord interaction "
                    + "(no type with application_id/token)");
        }
        lines.add("verdict:     " + routing.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        lines.add("why:         " + routing.explanation());
        if (!routing.command().isEmpty()) {
            lines.add("command:     /" + routing.command() + (routing.arguments().isEmpty() ? "" : " " + String.join(" ", routing.arguments())));
            lines.add("arguments:   " + routing.arguments());
            lines.add("caller role: " + routing.role().name().toLowerCase(Locale.ROOT));
        }
        routing.reply().ifPresent(reply -> {
            String[] replyLines = reply.text().split("\n");
            lines.add("reply:       " + replyLines[0]);
            for (int i = 1; i < replyLines.length; i++) {
                lines.add("             " + replyLines[i]);
            }
            reply.buttons().forEach(button -> lines.add("button:      [" + button.label() + "] → " + button.command()));
        });
        return lines;
    }

    private static String kind(JsonNode update) {
        var names = update.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!field.equals("update_id")) {
                return field;
            }
        }
        return "empty";
    }
}
