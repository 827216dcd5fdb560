package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
