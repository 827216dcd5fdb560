package com.alphacast.core.volume;

/**
 * Unusual volume: compares each new volume observation (a bar's volume, a window's volume) with a rolling baseline of
 * the previous {@code baselineLength} observations, by z-score or ratio (docs/analytics-conventions.md,
 * "Unusual volume").
 *
 * <h2>Method</h2>
 * <ul>
 *   <li>Baseline: the last N observations <em>before</em> the new one (the new value is scored first, then admitted,
 *       so a spike cannot dilute its own baseline).</li>
 *   <li>{@code mean = Σx / n}; {@code sd = sqrt((Σx² − n·mean²) / (n − 1))} (sample standard deviation).</li>
 *   <li>{@code z = (x − mean) / sd}; when {@code sd = 0} the z-score is 0 for {@code x = mean} and ±∞ otherwise.</li>
 *   <li>{@code ratio = x / mean} (∞ if the baseline mean is 0 and x &gt; 0).</li>
 *   <li>Warm-up: until {@code minHistory} observations are in the baseline there is no verdict
 *       ({@link VolumeVerdict#WARMING_UP}); z-score and ratio are NaN.</li>
 *   <li>Verdict: {@link VolumeVerdict#UNUSUAL} when {@code z ≥ zThreshold} or {@code ratio ≥ ratioThreshold}
 *       (either test may be disabled with {@code Double.POSITIVE_INFINITY}).</li>
 * </ul>
 * Update is O(1): a ring buffer plus running Σx and Σx². To stop floating-point drift of the running sums over long
 * sessions they are recomputed exactly from the ring once per N updates (amortised O(1)).
 *
 * <p>Not thread-safe. {@link #score} and {@link #add} do not allocate; {@link #observe} allocates one reading.
 */
public final class UnusualVolume {

    private final double[] ring;
    private final int minHistory;
    private final double zThreshold;
    private final double ratioThreshold;
    private int next;
    private int count;
    private int sinceRecompute;
    private double sum;
    private double sumSquares;

    /**
     * @param baselineLength N, the number of past observations in the baseline (≥ 2)
     * @param minHistory     observations needed before a verdict is given (2..N)
     * @param zThreshold     z-score at or above which volume is unusual
     * @param ratioThreshold ratio to the baseline mean at or above which volume is unusual
     */
    public UnusualVolume(int baselineLength, int minHistory, double zThreshold, double ratioThreshold) {
        if (baselineLength < 2) {
            throw new IllegalArgumentException("baseline length must be at least 2, was " + baselineLength);
        }
        if (minHistory < 2 || minHistory > baselineLength) {
            throw new IllegalArgumentException(
                    "min history must be in [2, " + baselineLength + "], was " + minHistory);
        }
        if (Double.isNaN(zThreshold) || Double.isNaN(ratioThreshold)) {
            throw new IllegalArgumentException("thresholds must not be NaN");
        }
        this.ring = new double[baselineLength];
        this.minHistory = minHistory;
        this.zThreshold = zThreshold;
        this.ratioThreshold = ratioThreshold;
    }

    /** A baseline of N observations, full history required, unusual at z ≥ 3 or 3× the mean. */
    public static UnusualVolume withDefaults(int baselineLength) {
        return new UnusualVolume(baselineLength, baselineLength, 3.0, 3.0);
    }

    /** Scores {@code volume} against the current baseline, then adds it to the baseline. */
    public VolumeReading observe(double volume) {
        requireValid(volume);
        VolumeReading reading;
        if (!isWarm()) {
            reading = new VolumeReading(volume, count, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    VolumeVerdict.WARMING_UP);
        } else {
            double mean = mean();
            double sd = standardDeviation();
            double z = zScore(volume);
            double ratio = ratio(volume);
            VolumeVerdict verdict = z >= zThreshold || ratio >= ratioThreshold
                    ? VolumeVerdict.UNUSUAL : VolumeVerdict.NORMAL;
            reading = new VolumeReading(volume, count, mean, sd, z, ratio, verdict);
        }
        add(volume);
        return reading;
    }

    /** Whether the baseline holds enough history for a verdict. */
    public boolean isWarm() {
        return count >= minHistory;
    }

    /** Whether {@code volume} would be unusual against the current baseline (false while warming up). */
    public boolean isUnusual(double volume) {
        return isWarm() && (zScore(volume) >= zThreshold || ratio(volume) >= ratioThreshold);
    }

    /** z-score of {@code volume} against the current baseline; NaN while warming up. */
    public double zScore(double volume) {
        if (!isWarm()) {
            return Double.NaN;
        }
        double mean = mean();
        double sd = standardDeviation();
        if (sd == 0) {
            return volume == mean ? 0 : Math.copySign(Double.POSITIVE_INFINITY, volume - mean);
        }
        return (volume - mean) / sd;
    }

    /** Ratio of {@code volume} to the baseline mean; NaN while warming up. */
    public double ratio(double volume) {
        if (!isWarm()) {
            return Double.NaN;
        }
        double mean = mean();
        if (mean == 0) {
            return volume == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return volume / mean;
    }

    /** Admits an observation into the baseline without scoring it. */
    public void add(double volume) {
        requireValid(volume);
        if (count == ring.length) {
            double evicted = ring[next];
            sum -= evicted;
            sumSquares -= evicted * evicted;
        } else {
            count++;
        }
        ring[next] = volume;
        sum += volume;
        sumSquares += volume * volume;
        next = next + 1 == ring.length ? 0 : next + 1;
        if (++sinceRecompute == ring.length) {
            recomputeSums();
        }
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Sample standard deviation of the baseline (NaN with fewer than 2 observations). */
    public double standardDeviation() {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum / count;
        double variance = (sumSquares - count * mean * mean) / (count - 1);
        return variance <= 0 ? 0 : Math.sqrt(variance);
    }

    public int size() {
        return count;
    }

    public int baselineLength() {
        return ring.length;
    }

    private void recomputeSums() {
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < count; i++) {
            s += ring[i];
            s2 += ring[i] * ring[i];
        }
        sum = s;
        sumSquares = s2;
        sinceRecompute = 0;
    }

    private static void requireValid(double volume) {
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            throw new IllegalArgumentException("volume must be finite and non-negative, was " + volume);
        }
    }
}
