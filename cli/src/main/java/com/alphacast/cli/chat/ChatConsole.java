package com.alphacast.cli.chat;

import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ./alphacast bots chat --as telegram:<user id>}: the project's stack on the local cloud (its own ports, only
 * what the webhook needs), the loopback Telegram Bot API, and a console whose lines are posted to
 * {@code POST /telegram/webhook} as that user's messages; the bot's answers are printed as the Bot API received them.
 * Roles come from {@code ALPHACAST_ROLES} of the calling environment, so {@code telegram:1=admin} makes user 1 an operator.
 */
public final class ChatConsole {

    private final Path home;
    private final String profile;
    private final String roles;

    public ChatConsole(Path home, String profile, String roles) {
        this.home = Objects.requireNonNull(home, "home");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    /** Reads lines until end of input or {@code /quit}; returns how many were sent. */
    public int run(long userId, BufferedReader in, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        try (LocalChatPlatforms chat = LocalChatPlatforms.start()) {
            Map<String, String> environment = new HashMap<>(chat.functionEnvironment());
            environment.put("ALPHACAST_PROFILE", profile);
            environment.put("ALPHACAST_CONFIG_DIR", home.resolve("config").toString());
            environment.put("ALPHACAST_HOME", home.toString());
            environment.put("ALPHACAST_ROLES", roles);
            LocalCloudOptions options = LocalCloudOptions.forTemplate(home.resolve("template.yaml"))
                    .stackName("chat")
                    .parameter("Profile", profile)
                    .onlyFunctions("TelegramWebhookFunction")
                    .functionEnvironment(environment)
                    .functionLog((function, line) -> err.println("[" + function + "] " + line))
                    .build();
            try (LocalCloud cloud = LocalCloud.start(options)) {
                URI webhook = URI.create(cloud.httpEndpoint().orElseThrow() + "/telegram/webhook");
                out.printf("Talking to %s as telegram:%d (role from ALPHACAST_ROLES). Type a message or a /command;"
                        + " /quit or end of input stops.%n", webhook, userId);
                TelegramChatSession session = new TelegramChatSession(HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5)).build(), webhook, chat.webhookSecret(), chat.telegram(),
                        userId, Clock.systemUTC(), System.currentTimeMillis() / 1000);
                int sent = 0;
                out.print("you> ");
                out.flush();
                for (String line = in.readLine(); line != null && !line.strip().equals("/quit"); line = in.readLine()) {
                    if (!line.isBlank()) {
                        TelegramChatSession.Exchange exchange = session.say(line.strip());
                        sent++;
                        if (exchange.status() != 200) {
                            out.println("(the webhook answered HTTP " + exchange.status() + ")");
                        }
                        if (exchange.answers().isEmpty()) {
                            out.println("bot> (no answer)");
                        }
                        for (String answer : exchange.answers()) {
                            out.println("bot> " + answer.replace("\n", "\n     "));
                        }
                    }
                    out.print("you> ");
                    out.flush();
                }
                out.println();
                return sent;
            }
        }
    }
}
