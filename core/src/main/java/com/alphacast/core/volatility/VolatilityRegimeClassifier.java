package com.alphacast.core.volatility;

import java.util.Arrays;

/**
 * Classifies annualized realized volatility as LOW / NORMAL / HIGH (docs/analytics-conventions.md,
 * "Volatility regime"), in one of two configurable ways:
 * <ul>
 *   <li>fixed thresholds: LOW below {@code low}, HIGH above {@code high} (e.g. 0.12 and 0.25 for an equity index);</li>
 *   <li>rolling percentiles: the reading's rank among the last {@code history} readings, LOW at or below the
 *       {@code lowPercentile}, HIGH at or above the {@code highPercentile} (e.g. 20 and 80); UNKNOWN until
 *       {@code history} readings were seen. The reading is ranked before it joins the history.</li>
 * </ul>
 * NaN readings (a warming-up estimator) are UNKNOWN and not recorded. Not thread-safe.
 */
public final class VolatilityRegimeClassifier {

    private final boolean percentiles;
    private final double low;
    private final double high;
    private final double[] history;
    private int next;
    private int count;

    private VolatilityRegimeClassifier(boolean percentiles, double low, double high, int historyLength) {
        this.percentiles = percentiles;
        this.low = low;
        this.high = high;
        this.history = new double[historyLength];
    }

    /** Fixed annualized-volatility thresholds. */
    public static VolatilityRegimeClassifier thresholds(double low, double high) {
        if (!(low >= 0) || !(high > low)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= low < high, were " + low + ", " + high);
        }
        return new VolatilityRegimeClassifier(false, low, high, 0);
    }

    /** Rolling percentiles of the last {@code history} readings; percentiles in (0, 100). */
    public static VolatilityRegimeClassifier rollingPercentiles(int history, double lowPercentile,
                                                                double highPercentile) {
        if (history < 2) {
            throw new IllegalArgumentException("history must hold at least 2 readings, was " + history);
        }
        if (!(lowPercentile > 0) || !(highPercentile > lowPercentile) || !(highPercentile < 100)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 < low < high < 100, were "
                    + lowPercentile + ", " + highPercentile);
        }
        return new VolatilityRegimeClassifier(true, lowPercentile, highPercentile, history);
    }

    public VolatilityRegime classify(double annualizedVol) {
        if (Double.isNaN(annualizedVol)) {
            return VolatilityRegime.UNKNOWN;
        }
        if (!percentiles) {
            return annualizedVol < low ? VolatilityRegime.LOW
                    : annualizedVol > high ? VolatilityRegime.HIGH : VolatilityRegime.NORMAL;
        }
        VolatilityRegime regime = VolatilityRegime.UNKNOWN;
        if (count == history.length) {
            int below = 0;
            for (double h : history) {
                if (h < annualizedVol) {
                    below++;
                }
            }
            double rank = 100.0 * below / history.length;
            regime = rank <= low ? VolatilityRegime.LOW : rank >= high ? VolatilityRegime.HIGH
                    : VolatilityRegime.NORMAL;
        }
        history[next] = annualizedVol;
        next = (next + 1) % history.length;
        count = Math.min(count + 1, history.length);
        return regime;
    }

    @Override
    public String toString() {
        return percentiles ? "rolling percentiles " + low + "/" + high + " of " + history.length + " readings"
                : "thresholds " + Arrays.toString(new double[] {low, high});
    }
}
