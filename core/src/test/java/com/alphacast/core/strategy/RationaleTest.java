package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RationaleTest {

    @Test
    void roundsConfidenceOnTheCompensatedSumOfContributions() {
        // 0.225 + 0 + 0.3 is 0.5249999999999999 compensated and 0.525 summed plainly: 0.52, not 0.53
        Rationale momentum = new Rationale(List.of(
                Factor.scored("momentum", 0.004, 0.45, 0.5),
                Factor.scored("close-location", 0.6, 0.25, -1),
                Factor.scored("volume", 5.1, 0.30, 2)));

        assertThat(momentum.confidence()).isEqualTo(0.52);
    }

    @Test
    void givesTheConfidenceAStreamSumWouldGive() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] weightings = {{0.4, 0.3, 0.3}, {0.3, 0.25, 0.2, 0.25}, {0.45, 0.25, 0.3}, {0.3, 0.2, 0.3, 0.2},
                {0.35, 0.35, 0.3}, {0.5, 0.5}};
        for (int i = 0; i < 200_000; i++) {
            double[] weights = weightings[i % weightings.length];
            List<Factor> factors = new ArrayList<>();
            for (int f = 0; f < weights.length; f++) {
                factors.add(Factor.scored("f" + f, 0, weights[f], random.nextInt(0, 101) / 100.0));
            }
            double expected = Math.round(factors.stream().mapToDouble(Factor::contribution).sum()
                    / factors.stream().mapToDouble(Factor::weight).sum() * 100) / 100.0;
            assertThat(new Rationale(factors).confidence()).as("%s", factors).isEqualTo(expected);
        }
    }

    @Test
    void describesEachFactorAsTheFormatterWould() {
        Rationale rationale = new Rationale(List.of(Factor.scored("unusual-volume", 3.2178, 0.5, 1),
                Factor.scored("z-clearance", 0.000012345, 0.5, 0.225)));

        assertThat(rationale.describe()).isEqualTo(String.format(java.util.Locale.ROOT,
                "%s=%.4g (%.2f/%.2f); %s=%.4g (%.2f/%.2f)", "unusual-volume", 3.2178, 0.5, 0.5, "z-clearance",
                0.000012345, 0.1125, 0.5));
        assertThat(rationale.describe()).isEqualTo("unusual-volume=3.218 (0.50/0.50); z-clearance=1.235e-05 (0.11/0.50)");
    }

    @Test
    void refusesARationaleWithoutFactors() {
        assertThatThrownBy(() -> new Rationale(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rationale needs at least one factor");
    }
}
