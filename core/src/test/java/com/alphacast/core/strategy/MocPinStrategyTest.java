package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class MocPinStrategyTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 25);
    private final MocPinStrategy strategy = new MocPinStrategy(SpySession.NYSE, SpySession.GEX,
            StrategyParameters.defaults(MocPinStrategy.NAME));

    @Test
    void tradesTowardTheLargestGammaStrikeInTheLastHour() {
        OptionChain chain = SpySession.chainAt(DAY, LocalTime.of(15, 20));
        BarView bar = SpySession.view(DAY, LocalTime.of(15, 20), 658.20, 658.05, 1.0, chain);

        Candidate candidate = strategy.evaluate(SpySession.context(bar, chain)).orElseThrow();

        // 655 carries 39% of the |net GEX| of the strikes within 1% of 658.05 on the recorded chain
        assertThat(candidate.signal().direction()).isEqualTo(Direction.SHORT);
        assertThat(candidate.signal().target()).isEqualTo(655.0);
        assertThat(candidate.signal().stop()).isEqualTo(658.05 + (658.05 - 655.0) / 1.5);
        assertThat(candidate.rationale().factors()).extracting(Factor::name)
                .containsExactly("pin-share", "proximity", "gamma-regime");
        assertThat(candidate.signal().rationale()).startsWith("pin toward 655.00");
    }

    @Test
    void staysOutBeforeTheLastHour() {
        OptionChain chain = SpySession.chainAt(DAY, LocalTime.of(14, 0));
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, chain);

        assertThat(strategy.evaluate(SpySession.context(bar, chain))).isEmpty();
    }

    @Test
    void staysOutWhenTheChainIsOlderThanFifteenMinutes() {
        OptionChain chain = SpySession.chainAt(DAY, LocalTime.of(15, 0));
        BarView bar = SpySession.view(DAY, LocalTime.of(15, 20), 658.20, 658.05, 1.0, chain);

        assertThat(strategy.evaluate(SpySession.context(bar, chain))).isEmpty();
    }
}
