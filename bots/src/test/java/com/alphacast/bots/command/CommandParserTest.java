package com.alphacast.bots.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private final CommandParser parser = new CommandParser("AlphacastBot");

    @Test
    void readsCommandAndArguments() {
        assertThat(parser.parse("/pnl   30  extra", List.of(new CommandParser.Entity("bot_command", 0, 4))))
                .isEqualTo(new ParsedText.Command("pnl", List.of("30", "extra")));
        assertThat(parser.parse("/Signals 3", null)).isEqualTo(new ParsedText.Command("signals", List.of("3")));
    }

    @Test
    void acceptsOwnUsernameCaseInsensitivelyAndIgnoresOtherBots() {
        assertThat(parser.parse("/status@alphacastbot", List.of(new CommandParser.Entity("bot_command", 0, 20))))
                .isEqualTo(new ParsedText.Command("status", List.of()));
        assertThat(parser.parse("/status@OtherBot now", List.of(new CommandParser.Entity("bot_command", 0, 16))))
                .isEqualTo(new ParsedText.ForOtherBot("status", "OtherBot"));
    }

    @Test
    void commandEntityNotAtStartIsNotACommand() {
        assertThat(parser.parse("please /halt", List.of(new CommandParser.Entity("bot_command", 7, 5))))
                .isInstanceOf(ParsedText.NotACommand.class)
                .extracting(p -> ((ParsedText.NotACommand) p).reason()).asString().contains("offset 7");
        assertThat(parser.parse("/halt", List.of(new CommandParser.Entity("bold", 0, 5)))).isInstanceOf(ParsedText.NotACommand.class);
        assertThat(parser.parse("hello", null)).isInstanceOf(ParsedText.NotACommand.class);
        assertThat(parser.parse("/", null)).isInstanceOf(ParsedText.NotACommand.class);
    }

    @Test
    void withoutItsOwnUsernameAnAddressedCommandIsNeverTakenAsOurs() {
        CommandParser unnamed = new CommandParser("");
        assertThat(unnamed.parse("/halt@anybot now", List.of(new CommandParser.Entity("bot_command", 0, 12))))
                .isEqualTo(new ParsedText.AddresseeUnverified("halt", "anybot"));
        assertThat(unnamed.parse("/status", List.of(new CommandParser.Entity("bot_command", 0, 7))))
                .as("an unaddressed command is still a command").isEqualTo(new ParsedText.Command("status", List.of()));

        RouterFixture fixture = new RouterFixture();
        Routing routing = fixture.router.route(RouterFixture.telegram("1"), unnamed.parse("/halt@anybot", null));
        assertThat(routing.verdict()).isEqualTo(Routing.Verdict.ADDRESSEE_UNVERIFIED);
        assertThat(routing.explanation()).contains("cannot tell", "bot username not configured");
        assertThat(routing.reply()).isEmpty();
        assertThat(fixture.desk.status().halted()).isFalse();
    }
}
