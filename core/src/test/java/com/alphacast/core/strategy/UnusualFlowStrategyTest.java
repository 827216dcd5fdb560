package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnusualFlowStrategyTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 25);
    private static final OptionChain CHAIN = SpySession.chainAt(DAY, LocalTime.of(14, 0));
    private static final BarView BAR = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, CHAIN);

    @Test
    void followsTheRecordedInstitutionalPutFlowInTheTwoWeekExpiries() {
        UnusualFlowStrategy strategy = new UnusualFlowStrategy(SpySession.NYSE, StrategyParameters.defaults("flow"));

        Candidate candidate = strategy.evaluate(SpySession.context(BAR, CHAIN)).orElseThrow();

        assertThat(candidate.signal().direction()).isEqualTo(Direction.SHORT);
        assertThat(candidate.contract()).contains(OccSymbol.parse("SPY251003P00677000"));
        assertThat(candidate.signal().rationale()).contains("institutional put flow");
        assertThat(candidate.rationale().factors()).extracting(Factor::name)
                .containsExactly("flow-bias", "institutional-share", "institutional-premium");
    }

    @Test
    void retailSizedFlowAloneIsNotASignal() {
        UnusualFlowStrategy strategy = new UnusualFlowStrategy(SpySession.NYSE,
                new StrategyParameters("test", Map.of("institutionalPremium", "1e12")));

        assertThat(strategy.evaluate(SpySession.context(BAR, CHAIN))).isEmpty();
    }

    @Test
    void expiriesOutsideItsRangeAreIgnored() {
        UnusualFlowStrategy strategy = new UnusualFlowStrategy(SpySession.NYSE,
                new StrategyParameters("test", Map.of("minDays", "0", "maxDays", "3")));

        assertThat(strategy.evaluate(SpySession.context(BAR, CHAIN))).isEmpty(); // the nearest expiry is 6 days out
    }

    @Test
    void refusesWhenNoInstitutionalContractIsLiquid() {
        UnusualFlowStrategy strategy = new UnusualFlowStrategy(SpySession.NYSE,
                new StrategyParameters("test", Map.of("maxSpreadFraction", "0.001")));

        assertThat(strategy.evaluate(SpySession.context(BAR, CHAIN))).isEmpty();
    }
}
