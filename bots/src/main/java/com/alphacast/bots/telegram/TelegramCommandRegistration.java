package com.alphacast.bots.telegram;

import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.Role;
import java.util.List;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Publishes the catalogue's subscriber commands with {@code setMyCommands} so Telegram shows them in the
 * command menu. Operator commands stay out of the public menu; the router checks roles regardless.
 */
public final class TelegramCommandRegistration {

    private final TelegramClient client;

    public TelegramCommandRegistration(TelegramClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public static SetMyCommands setMyCommands(CommandCatalog catalog) {
        List<BotCommand> commands = catalog.all().stream()
                .filter(spec -> spec.minimumRole() != Role.ADMIN)
                .map(spec -> new BotCommand(spec.name(), spec.description()))
                .toList();
        return SetMyCommands.builder().commands(commands).build();
    }

    public String register(CommandCatalog catalog) throws TelegramApiException {
        SetMyCommands request = setMyCommands(catalog);
        Boolean ok = client.execute(request);
        if (!Boolean.TRUE.equals(ok)) {
            throw new IllegalStateException("Telegram did not accept setMyCommands");
        }
        return "registered " + request.getCommands().size() + " Telegram commands";
    }
}
