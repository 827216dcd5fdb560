package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.signal.Direction;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyParametersTest {

    private static final String SOURCE = "config/production.yaml strategies.moc-pin";

    @Test
    void anUnknownKeyIsRefusedWithTheFileAndKey() {
        assertThatThrownBy(() -> new MocPinStrategy(SpySession.NYSE, SpySession.GEX,
                new StrategyParameters(SOURCE, Map.of("rewardToRsk", "2"))))
                .hasMessageContaining(SOURCE).hasMessageContaining("'rewardToRsk'");
    }

    @Test
    void aBadValueIsRefusedWithTheFileKeyAndValue() {
        assertThatThrownBy(() -> new MocPinStrategy(SpySession.NYSE, SpySession.GEX,
                new StrategyParameters(SOURCE, Map.of("rewardToRisk", "lots"))))
                .hasMessageContaining(SOURCE).hasMessageContaining("'rewardToRisk'").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> new ZeroDteGammaStrategy(SpySession.NYSE,
                new StrategyParameters(SOURCE, Map.of("window", "15:00..16:00"))))
                .hasMessageContaining("'window'");
        assertThatThrownBy(() -> new UnusualFlowStrategy(SpySession.NYSE,
                new StrategyParameters(SOURCE, Map.of("minDays", "2.5"))))
                .hasMessageContaining("'minDays' must be a whole number");
    }

    @Test
    void crossedExpiryDaysAreRefusedNamingTheStrategy() {
        assertThatThrownBy(() -> new OneDteMomentumStrategy(SpySession.NYSE,
                new StrategyParameters(SOURCE, Map.of("minDays", "5", "maxDays", "3"))))
                .hasMessage("1dte-momentum: minDays 5 must not exceed maxDays 3");
        assertThatThrownBy(() -> new UnusualFlowStrategy(SpySession.NYSE,
                new StrategyParameters(SOURCE, Map.of("minDays", "22"))))
                .hasMessage("14dte-flow: minDays 22 must not exceed maxDays 21");
    }

    @Test
    void fixedStopSetsTheStopAgainstTheTradeAndTheTargetRewardToRiskTimesFurtherWithIt() {
        FixedStop levels = FixedStop.read(new StrategyParameters(SOURCE, Map.of("rewardToRisk", "3")), 0.01);
        assertThat(levels.stop(200, Direction.LONG)).isEqualTo(198.0);
        assertThat(levels.target(200, Direction.LONG)).isEqualTo(206.0);
        assertThat(levels.stop(200, Direction.SHORT)).isEqualTo(202.0);
        assertThat(levels.target(200, Direction.SHORT)).isEqualTo(194.0);
    }
}
