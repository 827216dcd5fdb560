package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyDeskTest {

    // the recorded SPY chain's nearest expiry: on that session its contracts are 0DTE
    private static final LocalDate EXPIRY_DAY = LocalDate.of(2025, 10, 1);

    private static StrategyDesk desk() {
        return new StrategyDesk(List.of(
                new ZeroDteGammaStrategy(SpySession.NYSE, StrategyParameters.defaults(ZeroDteGammaStrategy.NAME)),
                new InstitutionalFlowStrategy(SpySession.NYSE,
                        StrategyParameters.defaults(InstitutionalFlowStrategy.NAME))),
                new ConflictResolver(Duration.ofMinutes(15),
                        List.of(ZeroDteGammaStrategy.NAME, InstitutionalFlowStrategy.NAME)));
    }

    private static StrategyContext bar(LocalTime end, double open, double close, double zScore) {
        OptionChain chain = SpySession.chainAt(EXPIRY_DAY, end);
        return SpySession.context(SpySession.view(EXPIRY_DAY, end, open, close, zScore, chain), chain);
    }

    @Test
    void aQuietBarCloseReturnsTheSharedEmptyOutcome() {
        Resolution outcome = desk().onBarClosed(bar(LocalTime.of(14, 0), 658.00, 658.05, 0.4));

        assertThat(outcome).isSameAs(Resolution.NONE);
        assertThat(outcome.isEmpty()).isTrue();
    }

    @Test
    void publishesEveryStrategyThatAgreesOnTheBarAndNamesTheOptionsContract() {
        Resolution outcome = desk().onBarClosed(bar(LocalTime.of(14, 0), 658.80, 658.05, 3.5));

        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.accepted()).extracting(c -> c.signal().strategy())
                .containsExactlyInAnyOrder(ZeroDteGammaStrategy.NAME, InstitutionalFlowStrategy.NAME);
        assertThat(outcome.accepted()).allSatisfy(c -> assertThat(c.signal().direction()).isEqualTo(Direction.SHORT));
        assertThat(outcome.accepted()).filteredOn(c -> c.signal().strategy().equals(ZeroDteGammaStrategy.NAME))
                .singleElement().satisfies(c -> assertThat(c.contract()).isPresent());
    }

    @Test
    void recordsTheNextBarsRepeatsAsRejectedWithTheReason() {
        StrategyDesk desk = desk();
        desk.onBarClosed(bar(LocalTime.of(14, 0), 658.80, 658.05, 3.5));

        Resolution next = desk.onBarClosed(bar(LocalTime.of(14, 1), 658.80, 658.05, 3.5));

        assertThat(next.accepted()).isEmpty();
        assertThat(next.rejected()).hasSize(2)
                .allSatisfy(r -> assertThat(r.reason()).contains("repeats its SHORT on SPY within PT15M"));
    }

    @Test
    void aDeskTradedAsAContractPublishesOnItWithLevelsOnItsTickAndTheOptionLegKept() {
        Resolution outcome = desk().tradedAs("SPY.US", 0.05).onBarClosed(bar(LocalTime.of(14, 0), 658.80, 658.05, 3.5));

        assertThat(outcome.accepted()).hasSize(2).allSatisfy(c -> {
            assertThat(c.signal().instrument()).isEqualTo("SPY.US");
            assertThat(c.signal().underlying()).isEqualTo("SPY");
            for (double level : new double[] {c.signal().entry(), c.signal().stop(), c.signal().target()}) {
                assertThat(Math.abs(level / 0.05 - Math.rint(level / 0.05))).as("%s on the 0.05 tick", level)
                        .isLessThan(1e-9);
            }
        });
        assertThat(outcome.accepted()).filteredOn(c -> c.signal().strategy().equals(ZeroDteGammaStrategy.NAME))
                .singleElement().satisfies(c -> assertThat(c.signal().option()).isPresent());
    }

    @Test
    void refusesTheSameStrategyTwice() {
        ZeroDteGammaStrategy gamma =
                new ZeroDteGammaStrategy(SpySession.NYSE, StrategyParameters.defaults(ZeroDteGammaStrategy.NAME));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StrategyDesk(List.of(gamma, gamma),
                        new ConflictResolver(Duration.ZERO, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0dte-gamma is given twice");
    }
}
