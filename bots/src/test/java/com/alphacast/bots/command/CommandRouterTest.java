package com.alphacast.bots.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.command.Routing.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandRouterTest {

    private final RouterFixture fixture = new RouterFixture();

    private String reply(Routing routing) {
        return routing.reply().orElseThrow().text();
    }

    @Test
    void strangersMayOnlyLearnAboutTheService() {
        assertThat(fixture.send("77", "/start").verdict()).isEqualTo(Verdict.HANDLED);
        assertThat(reply(fixture.send("77", "/help"))).contains("/start", "/help", "/tier", "/subscribe")
                .doesNotContain("/positions", "/halt", "/pnl", "/status");
        for (String command : new String[] {"/status", "/signals", "/pnl", "/positions", "/halt", "/resume", "/closeall"}) {
            Routing routing = fixture.send("77", command);
            assertThat(routing.verdict()).as(command).isEqualTo(Verdict.UNAUTHORIZED);
            assertThat(routing.explanation()).contains("caller telegram:77 is unknown");
        }
        assertThat(fixture.desk.status().halted()).isFalse();
    }

    @Test
    void eachRoleGetsItsCommandsAndNoMore() {
        assertThat(fixture.send("4", "/status").verdict()).isEqualTo(Verdict.HANDLED);
        assertThat(fixture.send("4", "/pnl").verdict()).isEqualTo(Verdict.UNAUTHORIZED);
        assertThat(fixture.send("3", "/pnl").verdict()).isEqualTo(Verdict.HANDLED);
        assertThat(fixture.send("3", "/positions").verdict()).isEqualTo(Verdict.UNAUTHORIZED);
        assertThat(fixture.send("2", "/positions").verdict()).isEqualTo(Verdict.HANDLED);
        assertThat(reply(fixture.send("2", "/halt"))).isEqualTo("/halt is for operators only.");
        assertThat(fixture.send("1", "/halt").verdict()).isEqualTo(Verdict.HANDLED);
    }

    @Test
    void signalsShowOnlyTheCallersTierDetail() {
        assertThat(reply(fixture.send("2", "/signals 1"))).contains("Contract ESZ6", "Entry 5012.25", "Stop 4998.00");
        assertThat(reply(fixture.send("3", "/signals"))).contains("Entry zone").doesNotContain("ESZ6", "4998", "5012.25");
        assertThat(reply(fixture.send("4", "/signals"))).contains("New ES signal").doesNotContain("BUY", "bullish", "Entry");
    }

    @Test
    void pnlSumsTheRequestedDaysAndExplainsBadArguments() {
        String text = reply(fixture.send("3", "/pnl 7"));
        assertThat(text).contains("2026-11-19: +$1250.00 (3 trades)", "2026-11-20: -$312.50 (2 trades)",
                "Total: +$937.50 over 5 trades, 60% winners").doesNotContain("99999");
        Routing bad = fixture.send("3", "/pnl lots");
        assertThat(bad.verdict()).isEqualTo(Verdict.INVALID_ARGUMENTS);
        assertThat(reply(bad)).contains("[days] must be a whole number between 1 and 365, was 'lots'");
        assertThat(reply(fixture.send("3", "/pnl 0"))).contains("between 1 and 365, was 0");
    }

    @Test
    void positionsListStopsAndTargets() {
        assertThat(reply(fixture.send("2", "/positions"))).contains("Open positions (2)",
                "LONG 2 ESZ6 @ 5012.50 · stop 4998.00 · target 5040.50", "SHORT 1 NQZ6 @ 18250.25");
    }

    @Test
    void haltAndResumeAreIdempotentAndShowInStatus() {
        assertThat(reply(fixture.send("1", "/halt vol spike"))).contains("Trading halted", "vol spike");
        assertThat(reply(fixture.send("1", "/halt again"))).contains("already halted", "vol spike");
        assertThat(reply(fixture.send("4", "/status"))).contains("HALTED", "vol spike");
        assertThat(fixture.desk.status().changedBy()).contains("telegram:1");
        assertThat(reply(fixture.send("1", "/resume"))).isEqualTo("Trading resumed: new orders allowed.");
        assertThat(reply(fixture.send("1", "/resume"))).isEqualTo("Trading was not halted.");
    }

    @Test
    void closeAllNeedsTheConfirmationCodeWithinAMinute() {
        Routing ask = fixture.send("1", "/closeall");
        assertThat(ask.verdict()).isEqualTo(Verdict.CONFIRMATION_REQUIRED);
        assertThat(fixture.desk.openPositions()).hasSize(2);
        String confirm = ask.reply().orElseThrow().buttons().get(0).command();
        assertThat(confirm).matches("/closeall \\d{6}");

        assertThat(fixture.send("1", "/closeall 000000x").verdict()).isEqualTo(Verdict.INVALID_ARGUMENTS);
        assertThat(fixture.send("2", confirm).verdict()).isEqualTo(Verdict.UNAUTHORIZED);
        assertThat(fixture.desk.openPositions()).hasSize(2);

        Routing done = fixture.send("1", confirm);
        assertThat(reply(done)).isEqualTo("Closing 2 open positions.");
        assertThat(fixture.desk.closeRequests()).hasSize(2);
        assertThat(fixture.send("1", confirm).verdict()).as("a code works once").isEqualTo(Verdict.INVALID_ARGUMENTS);
    }

    @Test
    void expiredConfirmationDoesNothing() {
        String confirm = fixture.send("1", "/closeall").reply().orElseThrow().buttons().get(0).command();
        fixture.time.advance(Duration.ofSeconds(61));
        assertThat(reply(fixture.send("1", confirm))).contains("wrong or expired");
        assertThat(fixture.desk.openPositions()).hasSize(2);
    }

    @Test
    void confirmationIssuedOnOneInstanceIsConfirmableOnAnotherOnce() {
        CommandRouter other = fixture.anotherInstance(7);
        String confirm = fixture.send("1", "/closeall").reply().orElseThrow().buttons().get(0).command();

        assertThat(RouterFixture.send(other, "1", confirm).verdict()).isEqualTo(Verdict.HANDLED);
        assertThat(fixture.desk.closeRequests()).hasSize(2);
        assertThat(fixture.send("1", confirm).verdict()).as("consumed on the other instance").isEqualTo(Verdict.INVALID_ARGUMENTS);
    }

    @Test
    void anotherAdminCannotUseSomeoneElsesCode() {
        String confirm = fixture.send("1", "/closeall").reply().orElseThrow().buttons().get(0).command();
        fixture.registry.assign(com.alphacast.core.distribution.Channel.TELEGRAM, "5", Role.ADMIN);
        assertThat(fixture.send("5", confirm).verdict()).isEqualTo(Verdict.INVALID_ARGUMENTS);
        assertThat(fixture.send("1", confirm).verdict()).as("a wrong attempt elsewhere leaves the code usable")
                .isEqualTo(Verdict.HANDLED);
    }

    @Test
    void unknownCommandGetsAHelpfulAnswer() {
        Routing routing = fixture.send("2", "/postions");
        assertThat(routing.verdict()).isEqualTo(Verdict.UNKNOWN_COMMAND);
        assertThat(reply(routing)).contains("I don't know /postions.", "Did you mean /positions?", "/help");
        assertThat(reply(fixture.send("77", "/test"))).contains("Commands you can use: /start /help /tier /subscribe");
    }
}
