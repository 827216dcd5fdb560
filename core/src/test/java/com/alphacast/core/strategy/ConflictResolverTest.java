package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConflictResolverTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 25);
    private static final OptionChain CHAIN = SpySession.chainAt(DAY, LocalTime.of(14, 0));
    private static final List<String> ORDER = List.of("14dte-flow", "0dte-gamma", "moc-pin");

    /** The recorded chain at 14:00: the flow strategy is SHORT (0.80), a rally bar makes 0DTE gamma LONG (0.81). */
    private static List<Candidate> disagreeingOnTheRecordedChain() {
        BarView rally = SpySession.view(DAY, LocalTime.of(14, 0), 657.40, 658.05, 3.5, CHAIN);
        Candidate flow = new UnusualFlowStrategy(SpySession.NYSE, StrategyParameters.defaults("flow"))
                .evaluate(SpySession.context(rally, CHAIN)).orElseThrow();
        Candidate gamma = new ZeroDteGammaStrategy(SpySession.NYSE,
                new StrategyParameters("test", Map.of("maxDaysToExpiry", "7")))
                .evaluate(SpySession.context(rally, CHAIN)).orElseThrow();
        return List.of(flow, gamma);
    }

    private static Candidate manual(String strategy, Direction direction, double confidence, Instant time) {
        double entry = 658.05;
        Signal signal = new Signal(strategy + ":SPY:" + time, strategy, "SPY", "SPY", direction, entry,
                entry - direction.sign(), entry + 2 * direction.sign(), 1, confidence, "", time, time);
        return new Candidate(signal, new Rationale(List.of(Factor.scored("test", confidence, 1, confidence))),
                Optional.empty());
    }

    @Test
    void theMoreConfidentStrategyWinsAndTheLoserIsRecordedWithTheReason() {
        List<Candidate> candidates = disagreeingOnTheRecordedChain();
        Candidate flow = candidates.get(0);
        Candidate gamma = candidates.get(1);
        assertThat(flow.signal().direction()).isEqualTo(Direction.SHORT);
        assertThat(gamma.signal().direction()).isEqualTo(Direction.LONG);
        assertThat(gamma.confidence()).isGreaterThan(flow.confidence());

        Resolution resolution = new ConflictResolver(Duration.ofMinutes(30), ORDER).resolve(candidates);

        assertThat(resolution.accepted()).containsExactly(gamma);
        assertThat(resolution.rejected()).singleElement().satisfies(lost -> {
            assertThat(lost.signal()).isEqualTo(flow.signal());
            assertThat(lost.winnerId()).isEqualTo(gamma.signal().id());
            assertThat(lost.reason()).contains("14dte-flow SHORT conflicts with 0dte-gamma LONG",
                    "lower confidence (0.80 < 0.81)");
        });
    }

    @Test
    void onEqualConfidenceTheProfileOrderDecidesWhateverTheArrivalOrder() {
        Instant now = Instant.parse("2025-09-25T18:00:00Z");
        Candidate pin = manual("moc-pin", Direction.LONG, 0.7, now);
        Candidate flow = manual("14dte-flow", Direction.SHORT, 0.7, now);

        Resolution one = new ConflictResolver(Duration.ofMinutes(30), ORDER).resolve(List.of(pin, flow));
        Resolution other = new ConflictResolver(Duration.ofMinutes(30), ORDER).resolve(List.of(flow, pin));

        assertThat(one.accepted()).containsExactly(flow);
        assertThat(other.accepted()).containsExactly(flow);
        assertThat(one.rejected().get(0).reason()).contains("14dte-flow ranks first in the profile order");
    }

    @Test
    void aStandingSignalHoldsItsWindowAgainstAWeakerOppositeOne() {
        Instant now = Instant.parse("2025-09-25T18:00:00Z");
        ConflictResolver resolver = new ConflictResolver(Duration.ofMinutes(30), ORDER);
        Candidate first = manual("0dte-gamma", Direction.LONG, 0.8, now);
        assertThat(resolver.resolve(List.of(first)).accepted()).containsExactly(first);

        Candidate weaker = manual("moc-pin", Direction.SHORT, 0.6, now.plusSeconds(600));
        Candidate stronger = manual("moc-pin", Direction.SHORT, 0.9, now.plusSeconds(900));
        Candidate afterWindow = manual("moc-pin", Direction.SHORT, 0.6, now.plusSeconds(1860));

        assertThat(resolver.resolve(List.of(weaker)).rejected()).singleElement()
                .satisfies(lost -> assertThat(lost.winnerId()).isEqualTo(first.signal().id()));
        assertThat(resolver.resolve(List.of(afterWindow)).accepted()).containsExactly(afterWindow);
        ConflictResolver another = new ConflictResolver(Duration.ofMinutes(30), ORDER);
        another.resolve(List.of(first));
        assertThat(another.resolve(List.of(stronger)).accepted()).containsExactly(stronger);
    }

    @Test
    void strategiesAgreeingInDirectionAreBothAccepted() {
        Instant now = Instant.parse("2025-09-25T18:00:00Z");
        Candidate a = manual("0dte-gamma", Direction.LONG, 0.8, now);
        Candidate b = manual("moc-pin", Direction.LONG, 0.6, now);

        Resolution resolution = new ConflictResolver(Duration.ofMinutes(30), ORDER).resolve(List.of(b, a));

        assertThat(resolution.accepted()).containsExactly(a, b);
        assertThat(resolution.rejected()).isEmpty();
    }

    @Test
    void aStrategyRepeatingItsDirectionInsideTheWindowIsRecordedAsARepeat() {
        Instant now = Instant.parse("2025-09-25T19:20:00Z");
        ConflictResolver resolver = new ConflictResolver(Duration.ofMinutes(30), ORDER);
        Candidate first = manual("moc-pin", Direction.SHORT, 0.6, now);
        Candidate nextBar = manual("moc-pin", Direction.SHORT, 0.6, now.plusSeconds(60));
        Candidate nextHalfHour = manual("moc-pin", Direction.SHORT, 0.6, now.plusSeconds(1860));

        assertThat(resolver.resolve(List.of(first)).accepted()).containsExactly(first);
        assertThat(resolver.resolve(List.of(nextBar)).rejected()).singleElement().satisfies(lost -> {
            assertThat(lost.winnerId()).isEqualTo(first.signal().id());
            assertThat(lost.reason()).isEqualTo("moc-pin repeats its SHORT on SPY within PT30M");
        });
        assertThat(resolver.resolve(List.of(nextHalfHour)).accepted()).containsExactly(nextHalfHour);
    }
}
