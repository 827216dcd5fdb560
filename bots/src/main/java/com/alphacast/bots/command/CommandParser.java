package com.alphacast.bots.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads commands the way Telegram defines them: a {@code bot_command} entity at offset 0, optionally
 * addressed as {@code /cmd@bot_username} (someone else's bot → ignored), followed by whitespace-separated
 * arguments. Without entity information (Discord text, tests) a leading {@code /} marks a command.
 */
public final class CommandParser {

    /** A message entity as Telegram reports it (offsets in UTF-16 code units). */
    public record Entity(String type, int offset, int length) {}

    private final String botUsername;

    /**
     * @param botUsername this bot's username without {@code @}; empty when unknown, and then a command addressed
     *                    to any bot ({@code /cmd@name}) is {@link ParsedText.AddresseeUnverified}, never ours
     */
    public CommandParser(String botUsername) {
        this.botUsername = Objects.requireNonNull(botUsername, "botUsername").replace("@", "").strip();
    }

    public ParsedText parse(String text, List<Entity> entities) {
        if (text == null || text.isBlank()) {
            return new ParsedText.NotACommand("no text");
        }
        Entity command = null;
        if (entities != null) {
            for (Entity entity : entities) {
                if (entity == null) {
                    return new ParsedText.NotACommand("a message entity is missing");
                }
                if ("bot_command".equals(entity.type())) {
                    if (entity.offset() == 0) {
                        command = entity;
                        break;
                    }
                    command = command == null ? entity : command;
                }
            }
            if (command != null && command.offset() != 0) {
                return new ParsedText.NotACommand("the command entity is at offset " + command.offset() + ", not at the start");
            }
            if (command == null && !entities.isEmpty()) {
                return new ParsedText.NotACommand("text without a bot_command entity");
            }
        }
        String token;
        if (command != null) {
            // Entities come from the sender's client as far as we know: a length of 0, a negative one or one
            // running past the text is refused rather than trusted.
            if (command.length() < 1 || command.length() > text.length()) {
                return new ParsedText.NotACommand("the command entity has length " + command.length()
                        + ", outside 1.." + text.length() + " (the text's length)");
            }
            token = text.substring(0, command.length());
            if (!token.startsWith("/")) {
                return new ParsedText.NotACommand("the command entity does not start with /");
            }
        } else {
            if (!text.startsWith("/")) {
                return new ParsedText.NotACommand("text does not start with a command");
            }
            int space = indexOfWhitespace(text);
            token = space < 0 ? text : text.substring(0, space);
        }
        String name = token.substring(1);
        int at = name.indexOf('@');
        if (at >= 0) {
            String addressee = name.substring(at + 1);
            name = name.substring(0, at);
            if (botUsername.isEmpty() && !name.isEmpty()) {
                return new ParsedText.AddresseeUnverified(name.toLowerCase(Locale.ROOT), addressee);
            }
            if (!addressee.equalsIgnoreCase(botUsername)) {
                return new ParsedText.ForOtherBot(name, addressee);
            }
        }
        if (name.isEmpty()) {
            return new ParsedText.NotACommand("a lone slash is not a command");
        }
        return new ParsedText.Command(name.toLowerCase(Locale.ROOT), arguments(text.substring(token.length())));
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> arguments(String rest) {
        List<String> arguments = new ArrayList<>();
        for (String part : rest.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                arguments.add(part);
            }
        }
        return arguments;
    }
}
