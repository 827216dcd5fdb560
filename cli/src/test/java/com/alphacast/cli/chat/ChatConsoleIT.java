package com.alphacast.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.junit.TemporaryHome;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code bots chat}: typed lines reach the local stack's webhook function and its answers are printed. */
class ChatConsoleIT {

    @Test
    void typedCommandsAreAnsweredByTheWebhookFunctionWithTheCallersRole() throws Exception {
        Path home = TemporaryHome.create("alphacast-chat-console");
        Path root = LocalCloudExtension.projectRoot();
        Files.copy(root.resolve("template.yaml"), home.resolve("template.yaml"));
        Files.createDirectories(home.resolve("config"));
        Files.copy(root.resolve("config/demo.yaml"), home.resolve("config/demo.yaml"));
        Files.createSymbolicLink(home.resolve("functions"), root.resolve("functions"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int sent = new ChatConsole(home, "demo", "telegram:4242=admin").run(4242,
                new BufferedReader(new StringReader("/status\nhello there\n\n/halt console test\n/quit\n/resume\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(sent).isEqualTo(3);
        assertThat(printed).contains("/telegram/webhook as telegram:4242")
                .contains("bot> Trading is running.")
                .contains("bot> (no answer)")
                .contains("bot> Trading halted: no new orders. Reason: console test.")
                .doesNotContain("Trading resumed");
    }
}
