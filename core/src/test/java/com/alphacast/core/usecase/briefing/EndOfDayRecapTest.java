package com.alphacast.core.usecase.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.core.usecase.publication.ReleaseQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndOfDayRecapTest {

    private static final Map<Tier, TierPolicy> TIERS = Map.of(
            Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001"))),
            Tier.FREE, new TierPolicy(900, Map.of(Channel.TELEGRAM, List.of("-3001"))));
    /** 2026-11-27, an early close (13:00 New York); the recap runs at 16:30. */
    private static final Instant RECAP_TIME = Instant.parse("2026-11-27T21:30:00Z");

    private final MarketCalendar nyse = new ShippedCalendars().calendar(Exchange.XNYS);
    private final List<TierRelease> released = new ArrayList<>();
    private final Set<LocalDate> ledger = new HashSet<>();
    private final List<Instant[]> asked = new ArrayList<>();
    private final List<SessionTrade> recorded = new ArrayList<>();

    private EndOfDayRecap recap() {
        ReleaseQueue queue = new ReleaseQueue() {
            @Override
            public List<String> refusals(TierRelease release) {
                return List.of();
            }

            @Override
            public void enqueue(TierRelease release, int delaySeconds) {
                released.add(release);
            }
        };
        TradeHistory history = (from, to) -> {
            asked.add(new Instant[] {from, to});
            return recorded.stream().filter(t -> !t.position().openedAt().isBefore(from)
                    && t.position().openedAt().isBefore(to)).toList();
        };
        RecapLedger recaps = new RecapLedger() {
            @Override
            public boolean released(LocalDate session) {
                return ledger.contains(session);
            }

            @Override
            public void markReleased(Publication.DailyRecap recap) {
                ledger.add(recap.session());
            }
        };
        return new EndOfDayRecap(nyse, history, recaps, new PublicationRelease(TIERS, queue,
                signalId -> Optional.empty(), Clock.fixed(RECAP_TIME, ZoneOffset.UTC)));
    }

    private static SessionTrade trade(String id, Direction direction, double entry, String opened,
                                      ExitReason reason, double exit, String closed, double pnl) {
        Position position = new Position(id, "ES", "ESZ6", direction, 1, entry, direction == Direction.LONG
                ? entry - 3 : entry + 3, direction == Direction.LONG ? entry + 6 : entry - 6, Instant.parse(opened));
        return new SessionTrade(position, reason == null ? Optional.empty()
                : Optional.of(new PositionExit(id, reason, exit, Instant.parse(closed))), pnl);
    }

    @Test
    void recapsTheDaysClosedTradesWithTheirPointsAndRealizedPnlOnceHoweverOftenItFires() {
        // The prior session (Wednesday 25th) closed at 21:00Z; Thursday was Thanksgiving.
        recorded.add(trade("before", Direction.LONG, 6800, "2026-11-25T20:00:00Z", ExitReason.TARGET, 6806,
                "2026-11-25T20:30:00Z", 300));
        recorded.add(trade("won", Direction.LONG, 6810, "2026-11-27T14:40:00Z", ExitReason.TARGET, 6816,
                "2026-11-27T15:10:00Z", 300));
        recorded.add(trade("lost", Direction.SHORT, 6820, "2026-11-27T16:00:00Z", ExitReason.STOP, 6823,
                "2026-11-27T16:20:00Z", -150));
        recorded.add(trade("open", Direction.LONG, 6818, "2026-11-27T17:50:00Z", null, 0, null, 0));

        EndOfDayRecap.Outcome first = recap().run(LocalDate.of(2026, 11, 27), RECAP_TIME);
        EndOfDayRecap.Outcome second = recap().run(LocalDate.of(2026, 11, 27), RECAP_TIME.plusSeconds(60));

        assertThat(first).isInstanceOfSatisfying(EndOfDayRecap.Outcome.Released.class, r -> {
            assertThat(r.recap().session()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(r.recap().trades()).isEqualTo(2);
            assertThat(r.recap().wins()).isEqualTo(1);
            assertThat(r.recap().netPoints()).isCloseTo(3.0, within(1e-9));
            assertThat(r.recap().netPnl()).isCloseTo(150.0, within(1e-9));
            assertThat(r.recap().bestPoints()).isCloseTo(6.0, within(1e-9));
            assertThat(r.recap().worstPoints()).isCloseTo(-3.0, within(1e-9));
            assertThat(r.stillOpen()).isEqualTo(1);
        });
        // The day runs from the prior session's close to this session's (early) close.
        assertThat(asked.get(0)).containsExactly(Instant.parse("2026-11-25T21:00:00Z"),
                Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(second).isEqualTo(new EndOfDayRecap.Outcome.AlreadyReleased(LocalDate.of(2026, 11, 27)));
        assertThat(released).extracting(TierRelease::tier).containsExactly(Tier.PREMIUM, Tier.FREE);
        assertThat(released).allSatisfy(r -> assertThat(r.publication().id()).isEqualTo("recap:2026-11-27"));
    }

    @Test
    void publishesNothingOnAClosedDay() {
        EndOfDayRecap.Outcome outcome = recap().run(LocalDate.of(2026, 4, 3), Instant.parse("2026-04-03T20:30:00Z"));

        assertThat(outcome).isInstanceOfSatisfying(EndOfDayRecap.Outcome.Closed.class,
                closed -> assertThat(closed.reason()).containsIgnoringCase("good friday"));
        assertThat(released).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(ledger).isEmpty();
    }

    @Test
    void aDayWithoutTradesIsRecappedAsSuch() {
        EndOfDayRecap.Outcome outcome = recap().run(LocalDate.of(2026, 11, 30), Instant.parse("2026-11-30T21:30:00Z"));

        assertThat(outcome).isInstanceOfSatisfying(EndOfDayRecap.Outcome.Released.class, r -> {
            assertThat(r.recap().trades()).isZero();
            assertThat(r.recap().netPnl()).isZero();
        });
        assertThat(ledger).containsExactly(LocalDate.of(2026, 11, 30));
    }
}
