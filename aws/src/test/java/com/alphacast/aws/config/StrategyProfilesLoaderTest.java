package com.alphacast.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.strategy.Strategy;
import com.alphacast.core.strategy.StrategyCatalog;
import com.alphacast.core.strategy.StrategyProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyProfilesLoaderTest {

    private static final String FILE = "config/strategy-profiles.yaml";
    private final StrategyProfilesLoader loader = new StrategyProfilesLoader();
    private final StrategyCatalog catalog = new StrategyCatalog(new ShippedCalendars().calendar(Exchange.XNYS),
            new GammaExposure(GexConvention.DEFAULT));

    private static String shipped() throws Exception {
        return Files.readString(Path.of(System.getProperty("alphacast.project.root")).resolve(FILE));
    }

    @Test
    void theShippedProfilesLoadAndBuildEveryStrategyTheyName() throws Exception {
        Map<String, StrategyProfile> profiles = loader.parse(FILE, shipped());

        assertThat(profiles).containsOnlyKeys("conservative", "aggressive", "technical", "scalping", "load");
        StrategyProfile aggressive = profiles.get("aggressive");
        assertThat(aggressive.conflictWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(aggressive.order()).first().isEqualTo("0dte-gamma");
        for (StrategyProfile profile : profiles.values()) {
            List<Strategy> strategies = catalog.build(profile);
            assertThat(strategies).extracting(Strategy::name).containsExactlyElementsOf(profile.order());
        }
    }

    @Test
    void aMisspeltStrategyParameterNamesTheFileProfileAndKey() {
        String text = """
                profiles:
                  conservative:
                    order: [moc-pin]
                    strategies:
                      moc-pin:
                        rewardToRsk: 2
                """;
        StrategyProfile profile = loader.parse(FILE, text).get("conservative");

        assertThatThrownBy(() -> catalog.build(profile))
                .hasMessageContaining("config/strategy-profiles.yaml profiles.conservative.strategies.moc-pin")
                .hasMessageContaining("'rewardToRsk'");
    }

    @Test
    void anUnknownProfileKeyOrStrategyIsRefused() {
        assertThatThrownBy(() -> loader.parse(FILE, """
                profiles:
                  scalping:
                    order: [institutional-flow]
                    conflictWindow: 5
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("profiles.scalping.conflictWindow");
        StrategyProfile unknown = loader.parse(FILE, """
                profiles:
                  technical:
                    order: [golden-cross]
                """).get("technical");
        assertThatThrownBy(() -> catalog.build(unknown)).hasMessageContaining("unknown strategy 'golden-cross'");
        assertThatThrownBy(() -> loader.parse(FILE, """
                profiles:
                  technical:
                    order: [moc-pin]
                    strategies:
                      0dte-gamma:
                        stopFraction: 0.001
                """)).hasMessageContaining("sets parameters of 0dte-gamma, which its order does not run");
    }
}
