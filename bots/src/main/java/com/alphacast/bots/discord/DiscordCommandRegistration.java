package com.alphacast.bots.discord;

import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.RestConfig;

/**
 * Publishes the {@link CommandCatalog} as Discord slash commands, built with JDA's {@code Commands.slash}
 * and sent as one bulk overwrite ({@code PUT /applications/{id}/commands}). Operator commands are hidden
 * from members without permissions by default; the router still checks roles on every use.
 */
public final class DiscordCommandRegistration {

    private final HttpClient http;
    private final RestConfig rest;
    private final String botToken;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public DiscordCommandRegistration(HttpClient http, RestConfig rest, String botToken, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public static DiscordCommandRegistration create(String apiBase, String botToken, Duration timeout) {
        return new DiscordCommandRegistration(HttpClient.newBuilder().connectTimeout(timeout).build(),
                new RestConfig().setBaseUrl(apiBase.endsWith("/") ? apiBase : apiBase + "/"), botToken, timeout);
    }

    /** The slash-command definitions, one per catalogued command. */
    public static List<SlashCommandData> definitions(CommandCatalog catalog) {
        return catalog.all().stream().map(spec -> {
            String description = spec.description().length() > 100 ? spec.description().substring(0, 99) + "…" : spec.description();
            SlashCommandData command = Commands.slash(spec.name(), description);
            spec.argument().ifPresent(argument -> command.addOption(argument.integer() ? OptionType.INTEGER : OptionType.STRING,
                    argument.name(), argument.description(), false));
            if (spec.minimumRole() == Role.ADMIN) {
                command.setDefaultPermissions(DefaultMemberPermissions.DISABLED);
            }
            return command;
        }).toList();
    }

    /** The JSON array sent to Discord. */
    public ArrayNode body(CommandCatalog catalog) {
        ArrayNode array = json.createArrayNode();
        for (SlashCommandData command : definitions(catalog)) {
            try {
                array.add(normalised((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(command.toData().toJson())));
            } catch (IOException e) {
                throw new IllegalStateException("JDA produced unreadable command JSON", e);
            }
        }
        return array;
    }

    /**
     * JDA writes {@code contexts}, {@code integration_types} and {@code default_member_permissions} as strings;
     * Discord's OpenAPI document declares integers. Discord accepts both, so send what the spec declares.
     */
    private static com.fasterxml.jackson.databind.node.ObjectNode normalised(com.fasterxml.jackson.databind.node.ObjectNode command) {
        for (String field : new String[] {"contexts", "integration_types"}) {
            if (command.get(field) instanceof ArrayNode values) {
                ArrayNode numbers = command.putArray(field);
                values.forEach(value -> numbers.add(Integer.parseInt(value.asText())));
            }
        }
        if (command.path("default_member_permissions").isTextual()) {
            command.put("default_member_permissions", Long.parseLong(command.get("default_member_permissions").asText()));
        }
        return command;
    }

    /** Overwrites the application's global commands; returns a one-line summary, or throws naming Discord's answer. */
    public String register(String applicationId, CommandCatalog catalog) throws IOException, InterruptedException {
        if (!applicationId.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("Discord application id must be digits, was '" + applicationId + "'");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(rest.getBaseUrl() + "applications/" + applicationId + "/commands"))
                .timeout(timeout)
                .header("Authorization", "Bot " + botToken)
                .header("User-Agent", rest.getUserAgent())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body(catalog).toString()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new IOException("Discord refused the commands: HTTP " + response.statusCode() + " "
                    + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
        }
        return "registered " + json.readTree(response.body()).size() + " Discord slash commands";
    }
}
