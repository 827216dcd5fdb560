package com.alphacast.bots.command;

import com.alphacast.core.distribution.Channel;
import java.util.Objects;

/**
 * Who sent a command, and where the answer goes.
 *
 * @param platform the chat platform
 * @param userId   the platform's user id (never a display name: those can be spoofed)
 * @param chatId   where the command was sent (a private chat, a group, a Discord channel)
 */
public record Caller(Channel platform, String userId, String chatId) {

    public Caller {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(chatId, "chatId");
    }
}
