package com.alphacast.core.classification;

import org.junit.jupiter.api.Test;

import static com.alphacast.core.classification.Aggressor.BUY;
import static com.alphacast.core.classification.Aggressor.SELL;
import static com.alphacast.core.classification.Aggressor.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
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
        BulkVolumeClassifier bvc = new BulkVolumeClassifier(3);
        assertThat(bvc.buyFraction(100)).isNaN();
        assertThat(bvc.buyFraction(101)).isNaN(); // one change: no sample sd yet
        double f = bvc.buyFraction(100); // changes +1, -1: sd = sqrt(2)
        assertThat(f).isCloseTo(com.alphacast.core.stats.Normal.cdf(-1 / Math.sqrt(2)), within(1e-12));
        bvc.buyFraction(102); // window now -1, +2 ... plus +1 evicted
        assertThat(bvc.sigma()).isCloseTo(sd(1, -1, 2), within(1e-12));
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
