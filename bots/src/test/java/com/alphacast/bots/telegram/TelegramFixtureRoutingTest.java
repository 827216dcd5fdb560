package com.alphacast.bots.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.SpecCheck;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.inbound.SeenRequestsFixture;
import com.alphacast.bots.command.Routing;
import com.alphacast.bots.command.Routing.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/** Every real update in testdata/telegram/updates routes as expected, and every answer is a valid Bot API call. */
class TelegramFixtureRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** fixture → expected verdict and a phrase of the explanation, for a bot named AlphacastBot. */
    private static final Map<String, Object[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("callback_query.json", new Object[] {Verdict.NOT_A_COMMAND, "callback data 'thedata' is not a command"});
        EXPECTED.put("channel_post.json", new Object[] {Verdict.IGNORED, "channel post"});
        EXPECTED.put("chat_member.json", new Object[] {Verdict.IGNORED, "chat membership change"});
        EXPECTED.put("command.json", new Object[] {Verdict.UNKNOWN_COMMAND, "unknown command /test"});
        EXPECTED.put("command_tag_valid.json", new Object[] {Verdict.IGNORED_OTHER_BOT, "addressed to another bot (@foo_bot)"});
        EXPECTED.put("edited_message.json", new Object[] {Verdict.IGNORED, "edited message"});
        EXPECTED.put("entities.json", new Object[] {Verdict.NOT_A_COMMAND, "without a bot_command entity"});
        EXPECTED.put("message.json", new Object[] {Verdict.NOT_A_COMMAND, "does not start with a command"});
        EXPECTED.put("my_chat_member.json", new Object[] {Verdict.IGNORED, "chat membership change"});
        EXPECTED.put("new_chat_members.json", new Object[] {Verdict.NOT_A_COMMAND, "new_chat_members"});
        EXPECTED.put("pre_checkout_query.json", new Object[] {Verdict.IGNORED, "pre_checkout_query declined"});
        EXPECTED.put("successful_payment.json", new Object[] {Verdict.NOT_A_COMMAND, "successful_payment"});
        EXPECTED.put("text.json", new Object[] {Verdict.NOT_A_COMMAND, "does not start with a command"});
    }

    private static Path updates() {
        return Fixtures.testData().resolve("telegram/updates");
    }

    static Stream<Arguments> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(updates())) {
            return files.map(file -> file.getFileName().toString()).sorted().map(Arguments::of).toList().stream();
        }
    }

    @Test
    void everyFixtureHasAnExpectation() throws IOException {
        assertThat(fixtures().map(arguments -> (String) arguments.get()[0])).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void routesAsExpected(String name) throws Exception {
        TelegramUpdateHandler handler = new TelegramUpdateHandler(new CommandParser("AlphacastBot"), new RouterFixture().router, SeenRequestsFixture.fresh());
        TelegramUpdateHandler.Handling handling = handler.handle(handler.parse(Files.readAllBytes(updates().resolve(name))));
        assertThat(handling.routing().verdict()).as(handling.routing().explanation()).isEqualTo(EXPECTED.get(name)[0]);
        assertThat(handling.routing().explanation()).contains((String) EXPECTED.get(name)[1]);
        for (BotApiMethod<?> reply : handling.replies()) {
            Map<String, JsonNode> parameters = new LinkedHashMap<>();
            JSON.valueToTree(reply).fields().forEachRemaining(field -> parameters.put(field.getKey(), field.getValue()));
            assertThat(SpecCheck.TELEGRAM.validateCall(reply.getMethod(), parameters)).as(reply.getMethod()).isEmpty();
        }
    }

    @Test
    void commandAddressedToThisBotIsRouted() throws Exception {
        TelegramUpdateHandler handler = new TelegramUpdateHandler(new CommandParser("foo_bot"), new RouterFixture().router, SeenRequestsFixture.fresh());
        Routing routing = handler.handle(handler.parse(Files.readAllBytes(updates().resolve("command_tag_valid.json")))).routing();
        assertThat(routing.verdict()).isEqualTo(Verdict.UNKNOWN_COMMAND);
        assertThat(routing.reply().orElseThrow().text()).contains("I don't know /test.");
    }

    @Test
    void fixturesAreUpdatesAsTheSpecDefinesThem() throws Exception {
        for (String name : EXPECTED.keySet()) {
            JsonNode update = JSON.readTree(updates().resolve(name).toFile());
            List<String> violations = SpecCheck.TELEGRAM.validateType(update, "Update");
            // Fixtures from older API versions may carry fields since removed; required fields and types must hold.
            assertThat(violations.stream().filter(v -> !v.contains("unknown field"))).as(name).isEmpty();
        }
    }
}
