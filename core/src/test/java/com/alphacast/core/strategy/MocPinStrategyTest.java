package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MocPinStrategyTest {

    // The recorded chain's nearest expiry, 2025-10-01, is the session whose close the pin trades.
    private static final LocalDate DAY = LocalDate.of(2025, 10, 1);
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
        assertThat(candidate.signal().rationale()).contains("pin toward 655.00");
        assertThat(candidate.contract()).contains(OccSymbol.parse("SPY251001P00658000"));
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

    @Test
    void refusesWhenTheExpiringContractIsIlliquid() {
        MocPinStrategy strict = new MocPinStrategy(SpySession.NYSE, SpySession.GEX,
                new StrategyParameters("test", Map.of("maxSpreadFraction", "0.001")));
        OptionChain chain = SpySession.chainAt(DAY, LocalTime.of(15, 20));
        BarView bar = SpySession.view(DAY, LocalTime.of(15, 20), 658.20, 658.05, 1.0, chain);

        assertThat(strict.evaluate(SpySession.context(bar, chain))).isEmpty();
    }
}
