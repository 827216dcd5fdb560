package com.alphacast.core.correlation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingCorrelationMatrixTest {

    @Test
    void matchesAFreshPearsonComputationOverTheWindow() {
        RollingCorrelationMatrix m = new RollingCorrelationMatrix(List.of("A", "B", "C"), 50);
        Random random = new Random(42);
        double[][] last = new double[50][];
        for (int i = 0; i < 1_037; i++) {
            double common = random.nextGaussian();
            double[] r = {common * 0.01, (0.8 * common + 0.6 * random.nextGaussian()) * 0.02,
                random.nextGaussian() * 0.01};
            m.add(r);
            last[i % 50] = r;
        }
        assertThat(m.correlation("A", "B")).isCloseTo(pearson(last, 0, 1), within(1e-9));
        assertThat(m.correlation("A", "C")).isCloseTo(pearson(last, 0, 2), within(1e-9));
        assertThat(m.matrix()[1][1]).isEqualTo(1);
        assertThat(m.pairsAtLeast(0.7)).extracting(RollingCorrelationMatrix.CorrelatedPair::first)
                .allMatch(s -> s.equals("A"));
    }

    @Test
    void isUndefinedUntilTheWindowFillsOrForAConstantSeries() {
        RollingCorrelationMatrix m = new RollingCorrelationMatrix(List.of("A", "B"), 3);
        m.add(new double[] {0.01, 0.0});
        assertThat(m.correlation(0, 1)).isNaN();
        m.add(new double[] {0.02, 0.0});
        m.add(new double[] {0.03, 0.0});
        assertThat(m.correlation(0, 1)).as("B is constant").isNaN();
        m.add(new double[] {0.01, 0.01});
        m.add(new double[] {0.02, 0.02});
        m.add(new double[] {0.03, 0.03});
        assertThat(m.correlation(0, 1)).isCloseTo(1.0, within(1e-12));
    }

    private static double pearson(double[][] rows, int a, int b) {
        double ma = 0;
        double mb = 0;
        for (double[] r : rows) {
            ma += r[a] / rows.length;
            mb += r[b] / rows.length;
        }
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (double[] r : rows) {
            cov += (r[a] - ma) * (r[b] - mb);
            va += (r[a] - ma) * (r[a] - ma);
            vb += (r[b] - mb) * (r[b] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }
}
