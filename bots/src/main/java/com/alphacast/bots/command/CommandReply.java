package com.alphacast.bots.command;

import java.util.List;
import java.util.Objects;

/**
 * An answer to a command, in plain text (each platform escapes it for its own formatting), with optional
 * buttons that send a command back when pressed.
 */
public record CommandReply(String text, List<Button> buttons) {

    /** A button labelled {@code label} that sends {@code command} (e.g. {@code /closeall 123456}). */
    public record Button(String label, String command) {}

    public CommandReply {
        Objects.requireNonNull(text, "text");
        buttons = List.copyOf(buttons);
    }

    public static CommandReply text(String text) {
        return new CommandReply(text, List.of());
    }
}
