package com.alphacast.bots.telegram;

import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
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

    /**
     * One command menu per audience: subscribers' commands for the default scope and all private chats, and every
     * command (operators' included) for the operator chat only ({@code BotCommandScopeChat}), so operators see
     * /halt, /grant and the rest where they work and nobody else is shown them.
     */
    public static List<SetMyCommands> perAudience(CommandCatalog catalog, Optional<String> operatorChat) {
        List<BotCommand> subscribers = catalog.all().stream().filter(spec -> spec.minimumRole() != Role.ADMIN)
                .map(spec -> new BotCommand(spec.name(), spec.description())).toList();
        List<SetMyCommands> menus = new ArrayList<>();
        menus.add(SetMyCommands.builder().commands(subscribers).scope(new BotCommandScopeDefault()).build());
        menus.add(SetMyCommands.builder().commands(subscribers).scope(new BotCommandScopeAllPrivateChats()).build());
        operatorChat.ifPresent(chat -> menus.add(SetMyCommands.builder()
                .commands(catalog.all().stream().map(spec -> new BotCommand(spec.name(), spec.description())).toList())
                .scope(new BotCommandScopeChat(chat)).build()));
        return menus;
    }

    /** Publishes {@link #perAudience}; fails naming the scope Telegram did not accept. */
    public String registerPerAudience(CommandCatalog catalog, Optional<String> operatorChat) throws TelegramApiException {
        List<SetMyCommands> menus = perAudience(catalog, operatorChat);
        for (SetMyCommands menu : menus) {
            if (!Boolean.TRUE.equals(client.execute(menu))) {
                throw new IllegalStateException("Telegram did not accept setMyCommands for scope " + menu.getScope().getType());
            }
        }
        return "registered " + menus.size() + " Telegram command menus (default, private chats"
                + (operatorChat.isPresent() ? ", operator chat)" : ")");
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
