package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OptionChain;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessGateTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 25);
    private final FreshnessGate gate = new FreshnessGate(Duration.ofSeconds(10), Duration.ofMinutes(15));

    @Test
    void namesWhyAViewIsTooStaleToTradeOn() {
        OptionChain chain = SpySession.chainAt(DAY, LocalTime.of(14, 0));
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, chain);

        assertThat(gate.staleness(SpySession.context(bar, chain))).isEmpty();
        assertThat(gate.staleness(SpySession.context(bar.withHealth(FeedHealth.SYNCHRONISING), chain)))
                .contains("feed is SYNCHRONISING");
        assertThat(gate.staleness(new StrategyContext(bar, Optional.of(chain), bar.lastBar().end().plusSeconds(30))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("limit PT10S"));
    }

    @Test
    void isStaleExactlyWhenThereIsAReasonToGive() {
        OptionChain chain = SpySession.chainAt(DAY, LocalTime.of(14, 0));
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, chain);
        List<StrategyContext> contexts = List.of(SpySession.context(bar, chain),
                SpySession.context(bar.withHealth(FeedHealth.SYNCHRONISING), chain),
                new StrategyContext(bar, Optional.of(chain), bar.lastBar().end().plusSeconds(10)),
                new StrategyContext(bar, Optional.of(chain), bar.lastBar().end().plusSeconds(11)));
        assertThat(contexts).extracting(gate::isStale).containsExactly(false, true, false, true);
        assertThat(contexts).extracting(c -> gate.staleness(c).isPresent()).containsExactly(false, true, false, true);
    }

    @Test
    void aRecordedBarReplayedYearsLaterIsSeenAtItsEndWhileALiveOneThatLateIsStale() {
        OptionChain chain = SpySession.chainAt(DAY, LocalTime.of(14, 0));
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, chain);
        java.time.Instant replayedToday = bar.lastBar().end().plus(Duration.ofDays(400));

        StrategyContext recorded = StrategyContext.recorded(bar, Optional.of(chain), replayedToday);

        assertThat(gate.staleness(recorded)).isEmpty();
        assertThat(recorded.observedAt()).isEqualTo(replayedToday); // latency still counts from the wall clock
        assertThat(gate.staleness(new StrategyContext(bar, Optional.of(chain), replayedToday))).isPresent();
    }

    @Test
    void aChainIsUsableOnlyWithinItsAgeLimitAndWithAKnownTime() {
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, SpySession.EXPORT);

        assertThat(gate.freshChain(SpySession.context(bar, SpySession.chainAt(DAY, LocalTime.of(13, 50)))))
                .isPresent();
        assertThat(gate.freshChain(SpySession.context(bar, SpySession.chainAt(DAY, LocalTime.of(13, 40)))))
                .isEmpty();
        // the export as recorded, stamped 21:05 that evening, is no chain for a 14:00 bar
        assertThat(gate.freshChain(SpySession.context(bar, SpySession.EXPORT))).isEmpty();
        OptionChain untimed = new OptionChain("SPY", 658.05, DAY, null, SpySession.EXPORT.contracts());
        assertThat(gate.freshChain(SpySession.context(bar, untimed))).isEmpty();
    }

    @Test
    void measuresTheBarsAndTheChainsAgeToTheNanosecondAsDurationsDo() {
        OptionChain chain = SpySession.chainAt(DAY, LocalTime.of(14, 0));
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, chain);
        Instant end = bar.lastBar().end();

        assertThat(gate.isStale(new StrategyContext(bar, Optional.of(chain), end.plusSeconds(10)))).isFalse();
        assertThat(gate.isStale(new StrategyContext(bar, Optional.of(chain), end.plusSeconds(10).plusNanos(1))))
                .isTrue();
        assertThat(gate.isStale(new StrategyContext(bar, Optional.of(chain), end.minusNanos(1)))).isFalse();
        // a chain 15 minutes from the bar either way is fresh, a nanosecond more is not
        for (Duration offset : List.of(Duration.ofMinutes(15), Duration.ofMinutes(-15))) {
            OptionChain at = chainAt(end.plus(offset));
            OptionChain beyond = chainAt(end.plus(offset).plusNanos(offset.isNegative() ? -1 : 1));
            assertThat(gate.freshChain(SpySession.context(bar, at))).as("%s", offset).containsSame(at);
            assertThat(gate.freshChain(SpySession.context(bar, beyond))).as("%s and 1 ns", offset).isEmpty();
        }
        assertThat(gate.freshChain(new StrategyContext(bar, Optional.empty(), end))).isEmpty();
    }

    private static OptionChain chainAt(Instant time) {
        return new OptionChain("SPY", 658.05, DAY, time.atZone(SpySession.NEW_YORK), SpySession.EXPORT.contracts());
    }
}
