package com.alphacast.bots.command;

import java.util.List;

/**
 * The operator's subscription commands ({@code /grant}, {@code /revoke}, {@code /refund}), answered after the router
 * has checked the caller is an operator. Implemented in {@code bots.subscription} over the subscription ledger.
 */
public interface SubscriptionCommands {

    /** @throws IllegalArgumentException naming what is wrong with the arguments (answered as invalid arguments) */
    CommandReply answer(Caller caller, String command, List<String> arguments);

    /** For a bot without a subscriber table: every subscription command says so. */
    static SubscriptionCommands unavailable() {
        return (caller, command, arguments) -> CommandReply.text("Subscriptions are not set up on this bot, so /"
                + command + " has nothing to change.");
    }
}
