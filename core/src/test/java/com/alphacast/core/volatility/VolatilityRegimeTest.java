package com.alphacast.core.volatility;

import com.alphacast.core.bars.TimeBarBuilder;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.fixtures.EsTrades;
import com.alphacast.core.market.Bar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VolatilityRegimeTest {

    @Test
    void annualizesTheRootMeanSquareOfLogReturns() {
        RealizedVolatility rv = new RealizedVolatility(2, 252);
        assertThat(rv.onClose(100)).isNaN();
        assertThat(rv.onClose(101)).isNaN();
        double r1 = Math.log(101 / 100.0);
        double r2 = Math.log(99 / 101.0);
        assertThat(rv.onClose(99)).isCloseTo(Math.sqrt((r1 * r1 + r2 * r2) / 2 * 252), within(1e-12));
    }

    @Test
    void classifiesRealEsMinuteBarsAndASyntheticShock() {
        TimeBarBuilder builder = new TimeBarBuilder("ES", Duration.ofMinutes(1));
        List<Bar> bars = new ArrayList<>();
        for (TradeRow row : EsTrades.session()) {
            Bar b = builder.onTrade(row.trade().epochMillis(), row.trade().price(), row.trade().size());
            if (b != null) {
                bars.add(b);
            }
        }
        RealizedVolatility rv = new RealizedVolatility(10, 252 * 1380.0); // ES trades ~23 h a day
        VolatilityRegimeClassifier fixed = VolatilityRegimeClassifier.thresholds(0.10, 0.30);
        List<VolatilityRegime> regimes = new ArrayList<>();
        double last = Double.NaN;
        for (Bar b : bars) {
            last = rv.onClose(b.close());
            regimes.add(fixed.classify(last));
        }
        assertThat(regimes.subList(0, 10)).containsOnly(VolatilityRegime.UNKNOWN);
        assertThat(last).isBetween(0.01, 1.0);
        double close = bars.get(bars.size() - 1).close();
        for (int i = 0; i < 10; i++) {
            close *= i % 2 == 0 ? 1.01 : 0.99; // 1% swings every minute
            last = rv.onClose(close);
        }
        assertThat(fixed.classify(last)).isEqualTo(VolatilityRegime.HIGH);
    }

    @Test
    void percentileModeRanksAgainstRecentReadings() {
        VolatilityRegimeClassifier c = VolatilityRegimeClassifier.rollingPercentiles(5, 20, 80);
        for (double v : new double[] {0.1, 0.2, 0.3, 0.4, 0.5}) {
            assertThat(c.classify(v)).isEqualTo(VolatilityRegime.UNKNOWN);
        }
        assertThat(c.classify(0.05)).isEqualTo(VolatilityRegime.LOW);
        assertThat(c.classify(0.9)).isEqualTo(VolatilityRegime.HIGH);
        assertThat(c.classify(0.45)).as("above 0.05, 0.3, 0.4 of 0.05 0.9 0.3 0.4 0.5").isEqualTo(VolatilityRegime.NORMAL);
        assertThat(c.classify(Double.NaN)).isEqualTo(VolatilityRegime.UNKNOWN);
    }
}
