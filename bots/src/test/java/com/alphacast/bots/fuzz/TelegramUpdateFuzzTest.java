package com.alphacast.bots.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.SecretLeaks;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.inbound.SecretToken;
import com.alphacast.bots.inbound.SeenRequestsFixture;
import com.alphacast.bots.telegram.TelegramUpdateHandler;
import com.alphacast.bots.telegram.TelegramWebhook;
import com.alphacast.core.fuzz.FuzzTries;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The real Telegram update fixtures, mutated (fields deleted, types swapped, huge strings, control characters,
 * entity offsets and lengths anywhere, update ids repeated), through the webhook: every one is answered within
 * seconds with 200 or a 400 naming the problem, replies are valid calls, and no secret shows in any output.
 * Inputs come from fixed seeds ({@code core}'s {@link FuzzTries}).
 */
class TelegramUpdateFuzzTest {

    private static final String BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String WEBHOOK_SECRET = "wEbHoOk-SeCrEt_2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMMANDS = List.of("/halt", "/resume", "/closeall", "/closeall 000000", "/signals 99999999999",
            "/pnl -1", "/positions", "/status@AlphacastBot", "/help@", "/", "//", "/start deep-link-payload", "/x" + "y".repeat(300),
            "/halt@OtherBot", "/subscribe", "/tier", "\u202e/halt", "/halt\u0000now");

    private final RouterFixture fixture = new RouterFixture();
    // One handler across tries, so repeated update ids meet the seen-request store.
    private final TelegramUpdateHandler handler = new TelegramUpdateHandler(new CommandParser("AlphacastBot"), fixture.router,
            SeenRequestsFixture.fresh());
    private final TelegramWebhook webhook = new TelegramWebhook(Optional.of(new SecretToken(WEBHOOK_SECRET)), handler);

    TelegramUpdateFuzzTest() throws Exception {
        // Jackson introspects Update and SendMessage on first use, which takes seconds on a busy machine:
        // do it before the clock starts, without recording an update id.
        for (ObjectNode update : fixtures()) {
            handler.parse(update.toString().getBytes(StandardCharsets.UTF_8));
        }
        JSON.writeValueAsString(SendMessage.builder().chatId("1").text("warm-up").build());
    }

    private static List<ObjectNode> fixtures() {
        Path updates = Fixtures.testData().resolve("telegram/updates");
        try (Stream<Path> files = Files.list(updates)) {
            List<ObjectNode> documents = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                documents.add((ObjectNode) JSON.readTree(file.toFile()));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<ObjectNode> FIXTURES = fixtures();

    /** A fixture with 1 to 6 edits ({@link JsonMutation}), half the time under an update id 0..5 that repeats. */
    private static String mutatedUpdate(SplittableRandom random) {
        ObjectNode update = FIXTURES.get(random.nextInt(FIXTURES.size())).deepCopy();
        int id = random.nextInt(6);
        if (random.nextBoolean()) {
            update.put("update_id", id);
        }
        JsonMutation.some(random, COMMANDS, 6).forEach(mutation -> mutation.applyTo(update));
        return update.toString();
    }

    @Test
    void everyMutatedUpdateIsAnsweredQuicklyAndSafely() {
        new FuzzTries("mutated Telegram update", 90_000, 400).check(TelegramUpdateFuzzTest::mutatedUpdate,
                update -> answeredQuicklyAndSafely(update.getBytes(StandardCharsets.UTF_8)));
    }

    private void answeredQuicklyAndSafely(byte[] body) throws Exception {
        TelegramWebhook.Response response = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> webhook.handle(WEBHOOK_SECRET, body));

        assertThat(response.status()).isIn(200, 400);
        List<String> outputs = new ArrayList<>(List.of(response.body()));
        if (response.status() == 400) {
            assertThat(JSON.readTree(response.body()).path("error").asText()).startsWith("not a Telegram update");
        } else {
            assertThat(response.handling().routing().explanation()).isNotBlank();
            outputs.add(response.handling().routing().explanation());
            for (BotApiMethod<?> reply : response.handling().replies()) {
                String call = JSON.writeValueAsString(reply);
                outputs.add(call);
                if (reply instanceof SendMessage message) {
                    assertThat(message.getText().length()).isBetween(1, 4096);
                    assertThat(message.getChatId()).isNotBlank();
                }
            }
        }
        SecretLeaks.assertNoLeak(BOT_TOKEN.substring(BOT_TOKEN.indexOf(':') + 1), null, outputs);
        SecretLeaks.assertNoLeak(WEBHOOK_SECRET, null, outputs);
    }

    @Test
    void aWrongSecretIsRefusedWhateverTheBody() {
        new FuzzTries("mutated Telegram update under a wrong secret", 100_000, 200)
                .check(TelegramUpdateFuzzTest::mutatedUpdate, this::refusedForTheWrongSecret);
    }

    private void refusedForTheWrongSecret(String update) {
        TelegramWebhook.Response response = webhook.handle(WEBHOOK_SECRET + "x", update.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(401);
        SecretLeaks.assertNoLeak(WEBHOOK_SECRET, null, List.of(response.body()));
    }
}
