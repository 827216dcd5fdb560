package com.alphacast.bots.command;

import java.util.List;
import java.util.Objects;

/** What a piece of chat text is, as far as commands are concerned. */
public sealed interface ParsedText {

    /** A command for this bot. {@code name} is lower case without the slash; {@code arguments} are whitespace-separated. */
    record Command(String name, List<String> arguments) implements ParsedText {
        public Command {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code /cmd@OtherBot} in a group: another bot's command. */
    record ForOtherBot(String command, String botUsername) implements ParsedText {}

    /**
     * {@code /cmd@someone} while this bot's own username is not configured: it may be ours or another bot's,
     * so it must not be obeyed.
     */
    record AddresseeUnverified(String command, String addressee) implements ParsedText {}

    /** Plain text, or a command entity that is not at the start. {@code reason} says which. */
    record NotACommand(String reason) implements ParsedText {}
}
