package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.market.Bar;
import com.alphacast.core.signal.Direction;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstitutionalFlowStrategyTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 25);
    private final InstitutionalFlowStrategy strategy =
            new InstitutionalFlowStrategy(SpySession.NYSE, StrategyParameters.defaults("flow"));

    private static Optional<Candidate> at(InstitutionalFlowStrategy strategy, LocalTime end, double open,
                                          double close, double z, double imbalance, double vpin) {
        Bar bar = SpySession.view(DAY, end, open, close, z, SpySession.chainAt(DAY, end)).lastBar();
        BarView view = BarView.flow(bar, z, imbalance, vpin);
        return strategy.evaluate(new StrategyContext(view, Optional.empty(), bar.end().plusMillis(200)));
    }

    @Test
    void bothDetectorsAgreeingGiveTheStrongestSignal() {
        Candidate both = at(strategy, LocalTime.of(11, 0), 657.40, 658.05, 4.5, 0.6, 0.45).orElseThrow();
        Candidate pressureOnly = at(strategy, LocalTime.of(11, 0), 658.05, 658.05, 0.5, 0.6, 0.45).orElseThrow();
        Candidate spikeOnly = at(strategy, LocalTime.of(11, 0), 657.40, 658.05, 4.5, 0.1, 0.1).orElseThrow();

        assertThat(both.signal().direction()).isEqualTo(Direction.LONG);
        assertThat(both.signal().rationale()).contains("volume spike and order-flow pressure agree");
        assertThat(pressureOnly.signal().rationale()).contains("order-flow pressure alone");
        assertThat(spikeOnly.signal().rationale()).contains("volume spike alone");
        assertThat(both.confidence()).isGreaterThan(pressureOnly.confidence())
                .isGreaterThan(spikeOnly.confidence());
    }

    @Test
    void detectorsDisagreeingMeanTwoSidedFlowAndNoSignal() {
        assertThat(at(strategy, LocalTime.of(11, 0), 657.40, 658.05, 4.5, -0.6, 0.45)).isEmpty();
    }

    @Test
    void staysOutInTheFirstMinutesOfTheSession() {
        assertThat(at(strategy, LocalTime.of(9, 33), 657.40, 658.05, 4.5, 0.6, 0.45)).isEmpty();
    }

    @Test
    void quietFlowIsNoSignal() {
        assertThat(at(strategy, LocalTime.of(11, 0), 657.90, 658.05, 1.0, 0.2, 0.2)).isEmpty();
    }
}
