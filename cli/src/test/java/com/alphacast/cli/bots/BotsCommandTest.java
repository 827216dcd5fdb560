package com.alphacast.cli.bots;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.fixtures.TestData;
import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.telegram.FakeTelegram;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotsCommandTest {

    @TempDir
    Path directory;

    private record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        return run(Clock.systemUTC(), env, args);
    }

    private static Run run(Clock clock, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new BotsCommand(env, null, null, clock).run(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) {
        return TestData.file("telegram/updates/" + name).toString();
    }

    @Test
    void explainsCommandsForOtherBotsNonCommandsAndUnauthorizedCallers() throws Exception {
        Run other = run(Map.of(), "explain-update", fixture("command_tag_valid.json"), "--bot-username", "AlphacastBot");
        assertThat(other.exit()).isZero();
        assertThat(other.out()).contains("verdict:     ignored other bot", "ignored: /test is addressed to another bot (@foo_bot)");

        assertThat(run(Map.of(), "explain-update", fixture("text.json")).out()).contains("not a command: text does not start with a command");
        assertThat(run(Map.of(), "explain-update", fixture("edited_message.json")).out()).contains("ignored: edited message");

        String halt = Files.readString(Path.of(fixture("command.json"))).replace("\"/test\"", "\"/halt\"");
        Path file = Files.writeString(directory.resolve("halt.json"), halt);
        Run denied = run(Map.of("ALPHACAST_ROLES", "telegram:10081232=premium"), "explain-update", file.toString());
        assertThat(denied.out()).contains("verdict:     unauthorized", "needs admin", "caller role: premium");
        Run allowed = run(Map.of("ALPHACAST_ROLES", "telegram:10081232=admin"), "explain-update", file.toString());
        assertThat(allowed.out()).contains("verdict:     handled", "command:     /halt");
    }

    @Test
    void withoutABotUsernameAnAddressedCommandIsExplainedAsUnattributableNotRouted() {
        Run run = run(Map.of("ALPHACAST_ROLES", "telegram:10081232=admin"), "explain-update", fixture("command_tag_valid.json"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("bot username not configured", "verdict:     addressee unverified",
                "cannot tell: /test is addressed to @foo_bot").doesNotContain("unknown command", "command:     /test");
    }

    @Test
    void botUsernameDefaultsToTheConfiguredBotsAskedWithGetMe() {
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), "1:t", "foo_bot")) {
            Run run = run(Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_API_BASE", telegram.baseUri().toString()),
                    "explain-update", fixture("command_tag_valid.json"));
            assertThat(run.out()).contains("bot @foo_bot", "verdict:     unknown command");
        }
    }

    @Test
    void explainsDiscordInteractions() throws Exception {
        Path file = Files.writeString(directory.resolve("interaction.json"), "{\"type\":2,\"id\":\"9\",\"application_id\":\"1\","
                + "\"token\":\"t\",\"member\":{\"user\":{\"id\":\"42\"}},\"data\":{\"name\":\"pnl\",\"options\":[{\"name\":\"days\",\"value\":3}]}}");
        Run run = run(Map.of("ALPHACAST_ROLES", "discord:42=basic"), "explain-update", file.toString());
        assertThat(run.out()).contains("Discord interaction 9", "command:     /pnl 3", "caller role: basic");
    }

    @Test
    void badNumericOptionsAreUsageErrorsNamingTheOption() {
        Run words = run(Map.of(), "bench-fanout", "--rate", "lots");
        assertThat(words.exit()).isEqualTo(64);
        assertThat(words.err()).contains("--rate must be a whole number, was 'lots'");
        assertThat(run(Map.of(), "bench-fanout", "--messages", "0").err()).contains("--messages must be between 1 and 1000000, was 0");
        assertThat(run(Map.of(), "bench-fanout", "--fault-share", "NaN").err()).contains("--fault-share must be between 0.0 and 0.9");
        assertThat(run(Map.of(), "bench-fanout", "--fault-share", "half").err()).contains("--fault-share must be a number, was 'half'");
    }

    @Test
    void badInputNamesTheProblem() throws Exception {
        Path junk = Files.writeString(directory.resolve("junk.json"), "{\"hello\":1}");
        Run run = run(Map.of(), "explain-update", junk.toString());
        assertThat(run.exit()).isEqualTo(65);
        assertThat(run.err()).contains("neither a Telegram update");
        assertThat(run(Map.of(), "explain-update", directory.resolve("missing.json").toString()).err()).contains("no such file");
        assertThat(run(Map.of(), "explain-update").exit()).isEqualTo(64);
        assertThat(run(Map.of(), "launch-rockets").exit()).isEqualTo(64);
    }

    @Test
    void verifiesDiscordSignatures() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = keys.getPublic().getEncoded();
        String publicKey = HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        String body = "{\"type\":1}";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(("1700000000" + body).getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(signer.sign());
        Path bodyFile = Files.writeString(directory.resolve("body.json"), body);

        Clock signedMinuteAgo = Clock.fixed(java.time.Instant.ofEpochSecond(1700000060), java.time.ZoneOffset.UTC);
        Run valid = run(signedMinuteAgo, Map.of(), "verify-discord", "--public-key", publicKey, "--timestamp",
                "1700000000", "--signature", signature, "--body", bodyFile.toString());
        assertThat(valid.exit()).as(valid.out()).isZero();
        assertThat(valid.out().strip()).isEqualTo("valid");

        // Correctly signed in November 2023 and checked today: the endpoint refuses it as a replay, so must the CLI.
        Run stale = run(Map.of(), "verify-discord", "--public-key", publicKey, "--timestamp", "1700000000",
                "--signature", signature, "--body", bodyFile.toString());
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.out()).startsWith("invalid: stale request timestamp 1700000000");

        Run invalid = run(Map.of(), "verify-discord", "--public-key", publicKey, "--timestamp", "1700000001",
                "--signature", signature, "--body", bodyFile.toString());
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.out()).startsWith("invalid: signature does not match");

        assertThat(run(Map.of(), "verify-discord", "--public-key", "abc", "--timestamp", "1", "--signature", signature,
                "--body", bodyFile.toString()).err()).contains("public key must be hex with an even number of digits");
        assertThat(run(Map.of(), "verify-discord", "--public-key", publicKey).exit()).isEqualTo(64);
    }

    @Test
    void verifyDiscordRefusesAPlaceholderKeyUnderWhichForgeriesPass() throws Exception {
        Path bodyFile = Files.writeString(directory.resolve("body.json"), "{\"type\":2}");
        // R = identity, S = 0 verifies under the all-zero key for one timestamp in four; try several.
        String forgery = "01" + "00".repeat(63);
        for (int timestamp = 1700000000; timestamp < 1700000008; timestamp++) {
            Run run = run(Map.of(), "verify-discord", "--public-key", "00".repeat(32), "--timestamp", Integer.toString(timestamp),
                    "--signature", forgery, "--body", bodyFile.toString());
            assertThat(run.exit()).isEqualTo(BotsCommand.INPUT_ERROR);
            assertThat(run.err()).contains("public key is unusable", "small order");
        }
    }

    @Test
    void registersCommandsOnBothPlatforms() {
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), "1:t", "AlphacastBot");
             FakeDiscord discord = new FakeDiscord(Clock.systemUTC(), "dbot")) {
            Run run = run(Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_API_BASE", telegram.baseUri().toString(),
                    "DISCORD_BOT_TOKEN", "dbot", "DISCORD_APPLICATION_ID", "1100", "DISCORD_API_BASE", discord.apiBase()),
                    "register-commands");
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("registered 8 Telegram commands", "registered 14 Discord slash commands");
            assertThat(telegram.invalidRequests()).isEmpty();
            assertThat(discord.invalidRequests()).isEmpty();
        }
        assertThat(run(Map.of(), "register-commands").err()).contains("nothing to register");
    }

    @Test
    void setWebhookRegistersTheUrlWithItsSecretAndTheRoutedUpdateTypes() {
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), "1:t", "AlphacastBot")) {
            Run run = run(Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_API_BASE", telegram.baseUri().toString(),
                            "LOCAL_WEBHOOK_SECRET", "s3cret-from-a-reference"),
                    "set-webhook", "--url", "https://abc123.execute-api.eu-west-1.amazonaws.com/telegram/webhook",
                    "--secret-ref", "env:LOCAL_WEBHOOK_SECRET");

            assertThat(run.err()).isEmpty();
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("webhook set: https://abc123.execute-api.eu-west-1.amazonaws.com/telegram/webhook")
                    .doesNotContain("s3cret-from-a-reference");
            assertThat(telegram.invalidRequests()).isEmpty();
            assertThat(telegram.requests()).singleElement().satisfies(request -> {
                assertThat(request.path()).endsWith("/setWebhook");
                assertThat(request.json().get("secret_token").asText()).isEqualTo("s3cret-from-a-reference");
                assertThat(request.json().get("url").asText()).endsWith("/telegram/webhook");
                assertThat(request.json().get("allowed_updates").toString()).isEqualTo(
                        "[\"message\",\"callback_query\",\"pre_checkout_query\",\"chat_join_request\",\"chat_member\",\"my_chat_member\"]");
            });
        }
    }

    @Test
    void setWebhookRefusesPlainHttpMissingSecretsAndBadSecretsWithoutCallingTelegram() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_API_BASE", "http://127.0.0.1:9",
                "TELEGRAM_WEBHOOK_SECRET", "fine_secret");
        assertThat(run(env, "set-webhook", "--url", "http://example.org/telegram/webhook").err())
                .contains("--url must be an https:// URL");
        assertThat(run(env, "set-webhook", "--url", "https://example.org:9000/telegram/webhook").exit()).isEqualTo(65);
        assertThat(run(Map.of("TELEGRAM_BOT_TOKEN", "1:t"), "set-webhook", "--url", "https://example.org/t").err())
                .contains("no webhook secret");
        Run bad = run(Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_WEBHOOK_SECRET", "has spaces in it"),
                "set-webhook", "--url", "https://example.org/t");
        assertThat(bad.exit()).isEqualTo(65);
        assertThat(bad.err()).contains("a webhook secret token must be 1-256 characters").doesNotContain("has spaces");
        assertThat(run(env, "set-webhook").exit()).isEqualTo(64);
    }

    @Test
    void registersTelegramMenusPerAudienceWithAnOperatorChat() {
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), "1:t", "AlphacastBot")) {
            Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_API_BASE", telegram.baseUri().toString());
            Run run = run(env, "register-commands", "--telegram", "--operator-chat", "-1001000000009");
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("registered 3 Telegram command menus (default, private chats, operator chat)");
            assertThat(telegram.publishedCommands("chat:-1001000000009").orElseThrow().findValuesAsText("command"))
                    .contains("halt", "grant", "refund");
            assertThat(telegram.publishedCommands("default").orElseThrow().findValuesAsText("command")).doesNotContain("grant");
            assertThat(telegram.invalidRequests()).isEmpty();
            assertThat(run(env, "register-commands", "--telegram", "--operator-chat", "ops").err())
                    .contains("--operator-chat must be a numeric chat id");
        }
    }

    @Test
    void benchFanoutReportsRateLossAndDuplicatesWithAHighLimit() {
        // A limit far above what a short loopback run reaches: this checks the accounting, not the rate (the bench command does).
        Run run = run(Map.of(), "bench-fanout", "--messages", "60", "--rate", "2000", "--fault-share", "0.2",
                "--faults", "5xx", "--concurrency", "8");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("fan-out of 60 Telegram DMs at a 2000 msg/s limit, 0% injected failures",
                "fan-out of 60 Telegram DMs at a 2000 msg/s limit, 20% injected failures", "429 from the limit 0",
                "delivered          60", "lost               0", "duplicates         0", "spec violations    0",
                "targets (0 lost, 0 duplicates): met");
        assertThat(run.out()).containsPattern("injected 429/5xx   0 / [1-9]");
    }

    @Test
    void malformedOrMisplacedCredentialsAreRefusedWithoutPrintingThem() {
        String token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
        String webhook = "Xq7vK2mN9pL4rT8sW1yZ3bC6dF0gH5jA-uE_iO";
        List<Map<String, String>> environments = List.of(
                Map.of("TELEGRAM_BOT_TOKEN", "1:abc", "TELEGRAM_API_BASE", token),
                Map.of("TELEGRAM_BOT_TOKEN", "1:abc", "ALPHACAST_HTTP_TIMEOUT", token),
                Map.of("TELEGRAM_BOT_TOKEN", "1:abc", "DISCORD_WEBHOOKS", "https://discord.com/api/webhooks/1/" + webhook + "\""));
        for (Map<String, String> env : environments) {
            Run run = run(env, "run", "--poll-timeout", "0");
            assertThat(run.exit()).as(env.toString()).isEqualTo(BotsCommand.INPUT_ERROR);
            for (String secret : List.of(token, webhook)) {
                for (int i = 0; i + 6 <= secret.length(); i++) {
                    assertThat(run.err() + run.out()).as(env.toString()).doesNotContain(secret.substring(i, i + 6));
                }
            }
        }
    }
}
