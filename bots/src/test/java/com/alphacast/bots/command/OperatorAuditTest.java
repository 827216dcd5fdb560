package com.alphacast.bots.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperatorAuditTest {

    private record Entry(Caller caller, Routing routing, Instant at) {}

    private final RouterFixture fixture = new RouterFixture();
    private final List<Entry> audit = new ArrayList<>();

    private CommandRouter router(CommandCatalog catalog) {
        return new CommandRouter(new CommandAccess(catalog, fixture.registry), fixture.queries(),
                new OperatorActions(fixture.desk, fixture.confirmations, new SplittableRandom(7),
                        SubscriptionCommands.unavailable(), (caller, routing, at) -> audit.add(new Entry(caller, routing, at))),
                RouterFixture.replies(), fixture.time);
    }

    @Test
    void everyOperatorCommandIsAuditedRefusedAttemptsIncludedAndNothingElse() {
        CommandRouter router = router(new CommandCatalog());

        RouterFixture.send(router, "1", "/halt data outage");
        RouterFixture.send(router, "4", "/resume");
        RouterFixture.send(router, "2", "/positions");
        RouterFixture.send(router, "3", "hello");

        assertThat(audit).extracting(entry -> entry.caller().userId(), entry -> entry.routing().command(),
                        entry -> entry.routing().verdict())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "halt", Routing.Verdict.HANDLED),
                        org.assertj.core.groups.Tuple.tuple("4", "resume", Routing.Verdict.UNAUTHORIZED));
        assertThat(audit.get(0).at()).isEqualTo(fixture.time.instant());
        assertThat(audit.get(0).routing().arguments()).containsExactly("data", "outage");
    }

    @Test
    void commandLeftOutOfTheCatalogueIsUnknownEvenToOperators() {
        CommandRouter router = router(new CommandCatalog().without("closeall"));

        Routing routing = RouterFixture.send(router, "1", "/closeall");

        assertThat(routing.verdict()).isEqualTo(Routing.Verdict.UNKNOWN_COMMAND);
        assertThat(fixture.desk.closeRequests()).isEmpty();
        assertThatThrownBy(() -> new CommandCatalog().without("flatten"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no command /flatten in the catalogue");
    }
}
