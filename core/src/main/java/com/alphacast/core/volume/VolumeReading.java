package com.alphacast.core.volume;

/**
 * One volume observation scored against the baseline that preceded it.
 *
 * @param volume         the observed volume
 * @param baselineSize   observations in the baseline when it was scored
 * @param baselineMean   mean of the baseline (NaN while warming up)
 * @param baselineStdDev sample standard deviation of the baseline (NaN while warming up)
 * @param zScore         (volume − mean) / stdDev (NaN while warming up)
 * @param ratio          volume / mean (NaN while warming up)
 * @param verdict        warming up, normal or unusual
 */
public record VolumeReading(double volume, int baselineSize, double baselineMean, double baselineStdDev,
                            double zScore, double ratio, VolumeVerdict verdict) {

    public boolean isUnusual() {
        return verdict == VolumeVerdict.UNUSUAL;
    }
}
