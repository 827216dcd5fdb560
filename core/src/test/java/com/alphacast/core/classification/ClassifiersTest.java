package com.alphacast.core.classification;

import com.alphacast.core.stats.Normal;
import org.junit.jupiter.api.Test;

import static com.alphacast.core.classification.Aggressor.BUY;
import static com.alphacast.core.classification.Aggressor.SELL;
import static com.alphacast.core.classification.Aggressor.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassifiersTest {

    @Test
    void tickRuleCarriesTheLastDirectionThroughZeroTicks() {
        TickRule rule = new TickRule();
        assertThat(rule.classify(100)).isEqualTo(UNKNOWN);
        assertThat(rule.classify(100)).isEqualTo(UNKNOWN);
        assertThat(rule.classify(100.25)).isEqualTo(BUY);
        assertThat(rule.classify(100.25)).isEqualTo(BUY);
        assertThat(rule.classify(100)).isEqualTo(SELL);
        assertThat(rule.classify(100)).isEqualTo(SELL);
    }

    @Test
    void quoteRuleUsesTheMidpoint() {
        assertThat(QuoteRule.classify(10.1, 10.0, 10.1)).isEqualTo(BUY);
        assertThat(QuoteRule.classify(10.0, 10.0, 10.1)).isEqualTo(SELL);
        assertThat(QuoteRule.classify(10.05, 10.0, 10.1)).isEqualTo(UNKNOWN);
        assertThat(QuoteRule.classify(10.05, 10.2, 10.1)).as("crossed quote").isEqualTo(UNKNOWN);
    }

    @Test
    void leeReadyFallsBackToTheTickRuleAtTheMidpoint() {
        LeeReadyClassifier lr = new LeeReadyClassifier();
        assertThat(lr.classify(10.00, 10.0, 10.1)).isEqualTo(SELL);
        assertThat(lr.classify(10.05, 10.0, 10.1)).as("uptick at mid").isEqualTo(BUY);
        assertThat(lr.classify(10.05, 10.0, 10.1)).as("zero tick at mid keeps BUY").isEqualTo(BUY);
        assertThat(lr.classify(10.04, Double.NaN, Double.NaN)).as("no quote: tick rule").isEqualTo(SELL);
    }

    @Test
    void bvcGivesPhiOfStandardisedChangeAfterWarmUp() {
        BulkVolumeClassifier bvc = new BulkVolumeClassifier(3, 2);
        assertThat(bvc.buyFraction(100)).isNaN();
        assertThat(bvc.buyFraction(101)).isNaN(); // one change: no sample sd yet
        double f = bvc.buyFraction(100); // changes +1, -1: sd = sqrt(2)
        assertThat(f).isCloseTo(Normal.cdf(-1 / Math.sqrt(2)), within(1e-12));
        bvc.buyFraction(102); // window now -1, +2 ... plus +1 evicted
        assertThat(bvc.sigma()).isCloseTo(sd(1, -1, 2), within(1e-12));
    }

    @Test
    void bvcWaitsForTheFullSigmaWindowByDefault() {
        // Two equal upticks used to give sigma = 0 and a 100% buy bar; now nothing is classified before the
        // window holds sigmaWindow changes.
        BulkVolumeClassifier bvc = new BulkVolumeClassifier();
        assertThat(bvc.minChanges()).isEqualTo(20);
        double price = 100;
        assertThat(bvc.buyFraction(price)).isNaN();
        for (int i = 1; i < 20; i++) {
            price += i % 3 == 0 ? -0.5 : 0.25;
            assertThat(bvc.buyFraction(price)).as("change %d", i).isNaN();
        }
        price += 0.25;
        double f = bvc.buyFraction(price);
        assertThat(f).isCloseTo(Normal.cdf(0.25 / bvc.sigma()), within(1e-12));
        assertThat(f).isStrictlyBetween(0.5, 1.0);
    }

    @Test
    void bvcMinimumChangesIsConfigurableAndChecked() {
        BulkVolumeClassifier bvc = new BulkVolumeClassifier(20, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(bvc.buyFraction(100 + i * (i % 2 == 0 ? 1 : -1))).isNaN();
        }
        assertThat(bvc.buyFraction(101)).isNotNaN();
        assertThatThrownBy(() -> new BulkVolumeClassifier(20, 1))
                .hasMessageContaining("between 2 and the sigma window (20), was 1");
        assertThatThrownBy(() -> new BulkVolumeClassifier(20, 21))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double sd(double... xs) {
        double m = 0;
        for (double x : xs) {
            m += x / xs.length;
        }
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (xs.length - 1));
    }
}
