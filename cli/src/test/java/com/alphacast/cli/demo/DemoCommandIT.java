package com.alphacast.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./alphacast demo} end to end, in a copy of the project's template, settings and demo data, running the
 * function packages this build made (an integration test: it runs after {@code package}).
 */
class DemoCommandIT {

    @TempDir
    static Path home;

    private static String runDemo() throws IOException {
        Path root = LocalCloudExtension.projectRoot();
        if (!Files.exists(home.resolve("template.yaml"))) {
            Files.copy(root.resolve("template.yaml"), home.resolve("template.yaml"));
            Files.createDirectories(home.resolve("config"));
            Files.copy(root.resolve("config/demo.yaml"), home.resolve("config/demo.yaml"));
            Files.createDirectories(home.resolve("data/demo"));
            Files.copy(root.resolve("data/demo/es_trades_2011-07-31.csv"), home.resolve("data/demo/es_trades_2011-07-31.csv"));
            Files.copy(root.resolve(DemoBriefing.CHAIN), home.resolve(DemoBriefing.CHAIN));
            // The template's CodeUri paths are relative to it and all lie under functions/: the packages just built.
            Files.createSymbolicLink(home.resolve("functions"), root.resolve("functions"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DemoCommand().run(List.of("--home", home.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> decisions(String summary) {
        Matcher m = Pattern.compile("(?m)^  (APPROVED|REJECTED) (\\S+)").matcher(summary);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }

    @Test
    void stopsWithTheCommandThatBuildsAMissingFunctionPackage(@TempDir Path empty) throws IOException {
        Path root = LocalCloudExtension.projectRoot();
        Files.copy(root.resolve("template.yaml"), empty.resolve("template.yaml"));
        Files.createDirectories(empty.resolve("config"));
        Files.copy(root.resolve("config/demo.yaml"), empty.resolve("config/demo.yaml"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new DemoCommand().run(List.of("--home", empty.toString()), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("alphacast demo: function ")
                .contains("(CodeUri) not found at " + empty.resolve("functions"))
                .contains("; build it with: mvn -B -DskipTests package -pl functions")
                .hasLineCount(1);
    }

    @Test
    void demoReplaysTheSessionAndDeliversToEveryTierTheSameWayTwice() throws IOException {
        String first = runDemo();

        assertThat(first).contains("events replayed: 11,101   malformed lines: 0   bars: 50   candidate signals: 3")
                .contains("held back by a strategy conflict: 1");
        // Two strategies trade the session (the technical profile's institutional flow beside the volume spike),
        // and every approved signal is followed to its close.
        assertThat(first).contains("== Risk check: 3 signals, 3 approved, 0 rejected")
                .contains("APPROVED volume-spike:ESU1:2011-07-31T22:29:00Z  SHORT")
                .contains("APPROVED institutional-flow:ES:2011-07-31T22:31:00Z  SHORT")
                .contains("APPROVED volume-spike:ESU1:2011-07-31T22:38:00Z  LONG")
                .contains("== Orders and fills: 3 orders, 3 fills")
                // Both shorts are stopped out by the 22:37 bar; the 22:38 long stops out at 22:44.
                .contains("closed SHORT 1 ESU1 from 1303.25 at STOP 1305.00 (2011-07-31T22:38:00Z)")
                .contains("closed SHORT 1 ESU1 from 1302.25 at STOP 1305.25 (2011-07-31T22:38:00Z)")
                .contains("closed LONG  1 ESU1 from 1305.25 at STOP 1303.50 (2011-07-31T22:44:00Z)")
                .contains("realized -325.00 USD");
        for (String row : List.of("premium  telegram", "premium  discord", "basic    telegram", "basic    discord",
                "free     telegram", "free     x")) {
            assertThat(first).containsPattern(Pattern.quote(row) + "\\s+3\\s+0\\s+\\d+\\s+\\d+");
        }
        // Each approved signal is followed, per tier and channel, by its fill and its close (with P&L), once each;
        // all three of today's trades close at their stop, so three stop-hit updates per row.
        for (String row : List.of("premium  telegram", "premium  discord", "basic    telegram", "basic    discord",
                "free     telegram", "free     x")) {
            assertThat(first).containsPattern("filled\\s+" + Pattern.quote(row) + "\\s+3\\s+0");
            assertThat(first).containsPattern("stop-hit\\s+" + Pattern.quote(row) + "\\s+3\\s+0");
        }
        assertThat(first).containsPattern("SignalsDeadLetterQueue +0 messages")
                .containsPattern("DeliveriesDeadLetterQueue +0 messages").contains("the local cloud is shut down");
        // The bot transcript: answers from the tables through the Telegram webhook route.
        // A Stars payment through the webhook makes the subscriber premium (SubscribersTable), then the answers.
        assertThat(first).contains("subscriber > /subscribe", "pre-checkout: ok", "subscriber > (Telegram confirms the payment)")
                .containsPattern("premium subscriber > /tier\\R    .*[Pp]remium");
        assertThat(first).containsPattern("premium subscriber > /positions\\R    (No open positions\\.|Open positions \\()")
                .containsPattern("premium subscriber > /pnl\\R    Realized P&L, last 7 days:\\R    2011-08-01: -\\$325\\.00 \\(3 trades\\)")
                .containsPattern("free user > /positions\\R    /positions needs a premium subscription or higher\\. See /subscribe\\.")
                .containsPattern("operator > /halt demo: kill switch from chat\\R    Trading halted: no new orders\\.")
                .containsPattern("signal injected while halted: rejected \\(kill switch engaged by telegram:1001")
                .containsPattern("operator > /resume\\R    Trading resumed: new orders allowed\\.");
        // The demo ends with the next session's briefing: the pre-market schedule fired on the schedule clock, the
        // fake model's answer validated, every tier delivered, the chart written.
        assertThat(first).contains("== Morning briefing of the next session (2011-08-01), fired by the pre-market schedule")
                .contains("scheduled at 2011-08-01T12:00:00Z; model: fake: fact-quoting-analyst")
                .containsPattern("facts: \\d+ present, \\d+ absent with their reason; verdict: accepted")
                .containsPattern("  premium: +discord \\S+, telegram \\S+")
                .containsPattern("  basic: +discord \\S+, telegram \\S+")
                .containsPattern("  free: +telegram \\S+, x \\S+")
                .containsPattern("  chart: \\.alphacast/briefing/2011-08-01\\.png \\(\\d+ x \\d+ PNG\\)");
        assertThat(home.resolve(".alphacast/briefing/2011-08-01.png")).exists();
        Path outbox = home.resolve(".alphacast/outbox");
        assertThat(Files.readAllLines(outbox.resolve("telegram.jsonl")))
                .filteredOn(line -> line.contains("\"kind\":\"morning-briefing\""))
                .extracting(line -> line.replaceAll(".*\"tier\":\"(\\w+)\".*", "$1")).containsOnly("premium", "basic", "free")
                .contains("premium", "basic", "free");
        assertThat(Files.readAllLines(outbox.resolve("telegram.jsonl")))
                .filteredOn(line -> line.contains("\"kind\":\"signal\"")).hasSize(9);
        assertThat(Files.readAllLines(outbox.resolve("discord.jsonl")))
                .filteredOn(line -> line.contains("\"kind\":\"signal\"")).hasSize(6);
        assertThat(Files.readAllLines(outbox.resolve("x.jsonl")))
                .filteredOn(line -> line.contains("\"kind\":\"signal\"")).hasSize(3);
        long telegramLines = Files.readAllLines(outbox.resolve("telegram.jsonl")).size();

        String second = runDemo();
        assertThat(decisions(second)).isEqualTo(decisions(first)).hasSize(3);
        assertThat(Files.readAllLines(outbox.resolve("telegram.jsonl"))).hasSize((int) telegramLines);
    }
}
