package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsEvStrategyTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 25);
    private static final OptionChain CHAIN = SpySession.chainAt(DAY, LocalTime.of(14, 0));
    private static final Map<String, String> HOT_FORECAST =
            Map.of("volatilityMultiplier", "2.5", "minExpectedValue", "0.5", "minProbability", "0.1");

    @Test
    void theNqDefaultsFindNoTradeWhenTheForecastIsNearTheMarketsVolatility() {
        OptionsEvStrategy strategy = new OptionsEvStrategy(SpySession.NYSE, StrategyParameters.defaults("ev"));
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, CHAIN); // 16% realized

        assertThat(strategy.evaluate(SpySession.context(bar, CHAIN))).isEmpty();
    }

    @Test
    void aHighVolatilityForecastTradesTheBestEvContractOfTheRecordedChain() {
        OptionsEvStrategy strategy = new OptionsEvStrategy(SpySession.NYSE, new StrategyParameters("test",
                HOT_FORECAST));
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, CHAIN); // 16% × 2.5 = 40%

        Candidate candidate = strategy.evaluate(SpySession.context(bar, CHAIN)).orElseThrow();

        assertThat(candidate.contract()).contains(OccSymbol.parse("SPY251031P00665000"));
        assertThat(candidate.signal().direction()).isEqualTo(Direction.SHORT);
        assertThat(candidate.signal().target()).isCloseTo(628.18, within(0.01)); // 665 − (13.40 ask + 23.42 EV)
        assertThat(candidate.rationale().factors()).extracting(Factor::name)
                .containsExactly("risk-score", "probability", "expected-value");
        assertThat(candidate.signal().rationale()).contains("SPY251031P00665000", "EV 23.42 points");
    }

    @Test
    void noVolatilityForecastYetMeansNoSignal() {
        OptionsEvStrategy strategy = new OptionsEvStrategy(SpySession.NYSE, new StrategyParameters("test",
                HOT_FORECAST));
        BarView bar = SpySession.view(DAY, LocalTime.of(14, 0), 658.20, 658.05, 1.0, CHAIN);
        BarView warming = new BarView("SPY", FeedHealth.LIVE, bar.lastBar(), Double.NaN, 1.0, bar.chain());

        assertThat(strategy.evaluate(SpySession.context(warming, CHAIN))).isEmpty();
    }
}
