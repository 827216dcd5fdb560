package com.alphacast.bots.command;

import java.util.List;
import java.util.Optional;

/**
 * How an incoming message was routed and why, with the answer to send (if any).
 *
 * @param verdict     the outcome
 * @param command     the command name, empty when there was none
 * @param arguments   the command's arguments
 * @param role        the caller's role (UNKNOWN when no caller was identified)
 * @param explanation one line for operators ("ignored: addressed to another bot (@foo_bot)")
 * @param reply       what to answer
 */
public record Routing(Verdict verdict, String command, List<String> arguments, Role role, String explanation,
                      Optional<CommandReply> reply) {

    public enum Verdict {
        HANDLED,
        CONFIRMATION_REQUIRED,
        UNAUTHORIZED,
        UNKNOWN_COMMAND,
        INVALID_ARGUMENTS,
        IGNORED_OTHER_BOT,
        /** Addressed to {@code @name} while this bot's username is not configured: cannot tell whose it is. */
        ADDRESSEE_UNVERIFIED,
        NOT_A_COMMAND,
        IGNORED
    }

    public Routing {
        arguments = List.copyOf(arguments);
    }

    public static Routing ignored(Verdict verdict, String explanation) {
        return new Routing(verdict, "", List.of(), Role.UNKNOWN, explanation, Optional.empty());
    }
}
