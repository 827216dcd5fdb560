package com.alphacast.core.vpin;

/**
 * VPIN for bars of unequal volume, per docs/analytics-conventions.md ("Flow toxicity: VPIN and BVC"):
 * over the last n bars,
 * <pre>  VPIN = Σ|V_S − V_B| / ΣV</pre>
 * which reduces to the bucket formula when every bar holds the same volume. Amortised O(1) per bar (running sums,
 * re-summed exactly from the ring once per window so they cannot drift), no allocation.
 */
public final class BarVpin {

    private final double[] imbalance;
    private final double[] volume;
    private int next;
    private int count;
    private int sinceRecompute;
    private double imbalanceSum;
    private double volumeSum;

    public BarVpin(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 bar, was " + window);
        }
        imbalance = new double[window];
        volume = new double[window];
    }

    /**
     * Adds a classified bar.
     *
     * @return VPIN over the last n bars, NaN until n bars were added (or if they hold no volume)
     */
    public double add(double buyVolume, double sellVolume) {
        if (!(buyVolume >= 0) || !(sellVolume >= 0)) {
            throw new IllegalArgumentException("volumes must be non-negative, were " + buyVolume + "/" + sellVolume);
        }
        if (count == imbalance.length) {
            imbalanceSum -= imbalance[next];
            volumeSum -= volume[next];
        } else {
            count++;
        }
        imbalance[next] = Math.abs(sellVolume - buyVolume);
        volume[next] = buyVolume + sellVolume;
        imbalanceSum += imbalance[next];
        volumeSum += volume[next];
        next = next + 1 == imbalance.length ? 0 : next + 1;
        if (++sinceRecompute >= imbalance.length) {
            double s = 0;
            double v = 0;
            for (int i = 0; i < count; i++) {
                s += imbalance[i];
                v += volume[i];
            }
            imbalanceSum = s;
            volumeSum = v;
            sinceRecompute = 0;
        }
        return vpin();
    }

    public double vpin() {
        return count == imbalance.length && volumeSum > 0 ? Math.min(1.0, imbalanceSum / volumeSum) : Double.NaN;
    }

    public boolean isWarm() {
        return count == imbalance.length;
    }

    public int window() {
        return imbalance.length;
    }
}
