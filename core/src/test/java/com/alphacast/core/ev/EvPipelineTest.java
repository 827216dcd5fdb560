package com.alphacast.core.ev;

import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.options.BlackScholes;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionRight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvPipelineTest {

    private static final OptionChain SPY = SpyChain.load().chain();

    @Test
    void withTheMarketsOwnVolatilityNothingHasAnEdge() {
        List<EvCandidate> result = new EvPipeline(EvPipelineConfig.DEFAULT).run(SPY, Double.NaN);
        assertThat(result).isEmpty();
        List<EvCandidate> enriched = new EvPipeline(EvPipelineConfig.DEFAULT.withStages(
                List.of("liquidity-filter", "moneyness-filter", "expected-value"))).run(SPY, Double.NaN);
        assertThat(enriched).isNotEmpty();
        // EV = BS(IV) - ask: minus the half spread, up to the difference between CBOE's calendar-day IV and the
        // convention's weekday clock; most contracts are worth less than their ask.
        assertThat(enriched.stream().filter(c -> c.expectedValue() < 0).count()).isGreaterThan(enriched.size() / 2);
    }

    @Test
    void aHigherVolatilityForecastFindsLongOptionsWorthBuyingAndSortsThem() {
        EvPipelineConfig config = EvPipelineConfig.DEFAULT.withQuality(0.5, 0.10);
        List<EvCandidate> result = new EvPipeline(config).run(SPY, 0.40);
        assertThat(result).isNotEmpty();
        for (int i = 1; i < result.size(); i++) {
            assertThat(result.get(i - 1).expectedValue()).isGreaterThanOrEqualTo(result.get(i).expectedValue());
        }
        EvCandidate best = result.get(0);
        double expected = BlackScholes.price(best.contract().right(), SPY.spot(), best.contract().strike(),
                best.yearsToExpiry(), 0.40, 0, 0) - best.premium();
        assertThat(best.expectedValue()).isCloseTo(expected, within(1e-9));
        assertThat(best.riskScore()).isBetween(0.0, 100.0);
        assertThat(result).allMatch(c -> c.probability() >= 0.10 && c.expectedValue() >= 0.5);
        assertThat(result).allMatch(c -> Math.abs(c.contract().strike() - SPY.spot()) / SPY.spot() <= 0.10);
    }

    @Test
    void riskScoreUsesTheConfiguredWeights() {
        List<EvCandidate> scored = new EvPipeline(EvPipelineConfig.DEFAULT.withStages(
                List.of("liquidity-filter", "risk-analysis", "sort"))).run(SPY, Double.NaN);
        assertThat(scored).allMatch(c -> c.riskScore() >= 0 && c.riskScore() <= 100);
        assertThat(scored.get(0).riskScore()).isGreaterThanOrEqualTo(scored.get(scored.size() - 1).riskScore());
        EvCandidate top = scored.get(0);
        assertThat(top.contract().openInterest()).isPositive();
    }

    @Test
    void probabilityOfProfitForACallIsTheChanceOfFinishingAboveBreakEven() {
        List<EvCandidate> enriched = new EvPipeline(EvPipelineConfig.DEFAULT.withStages(
                List.of("liquidity-filter", "expected-value"))).run(SPY, 0.2);
        EvCandidate call = enriched.stream().filter(c -> c.contract().right() == OptionRight.CALL).findFirst()
                .orElseThrow();
        double itm = BlackScholes.probabilityInTheMoney(OptionRight.CALL, SPY.spot(),
                call.contract().strike() + call.premium(), call.yearsToExpiry(), 0.2, 0, 0);
        assertThat(call.probability()).isCloseTo(itm, within(1e-12));
    }

    @Test
    void rejectsUnknownStagesAndMisorderedQualityFilters() {
        assertThatThrownBy(() -> new EvPipeline(EvPipelineConfig.DEFAULT.withStages(List.of("magic"))))
                .hasMessageContaining("unknown EV pipeline stage 'magic'");
        assertThatThrownBy(() -> new EvPipeline(EvPipelineConfig.DEFAULT.withStages(
                List.of("liquidity-filter", "quality-filter"))).run(SPY, Double.NaN))
                .hasMessageContaining("quality-filter needs expected-value");
    }
}
