package com.alphacast.core.vpin;

import com.alphacast.core.classification.Aggressor;

import java.util.Objects;

/**
 * VPIN over equal-volume buckets, per docs/analytics-conventions.md ("Flow toxicity: VPIN and BVC"; Easley,
 * López de Prado and O'Hara (2012), RFS 25(5)):
 * <pre>  VPIN = Σ_{last n buckets} |V_S − V_B| / (n × V)</pre>
 * Classified volume (buy and sell parts of one trade or one BVC bar) is poured into buckets of volume {@code V}; volume
 * that crosses a bucket boundary is split between the two buckets in proportion, keeping its buy fraction.
 *
 * <p>Amortised O(1) per update (O(k) when one update completes k buckets, plus an O(n) re-sum once per n buckets), no
 * allocation: the last n bucket imbalances sit in a ring buffer with a running sum that is recomputed exactly once per
 * n buckets so it cannot drift. Not thread-safe.
 */
public final class VolumeBucketVpin {

    private final double bucketVolume;
    private final double[] imbalances;
    private final BucketListener listener;
    private int next;
    private int count;
    private int sinceRecompute;
    private double imbalanceSum;
    private double buy;
    private double sell;
    private long completedBuckets;
    private double lastVpin = Double.NaN;

    public VolumeBucketVpin(double bucketVolume, int window, BucketListener listener) {
        if (!(bucketVolume > 0) || Double.isInfinite(bucketVolume)) {
            throw new IllegalArgumentException("bucket volume must be positive and finite, was " + bucketVolume);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 bucket, was " + window);
        }
        this.bucketVolume = bucketVolume;
        this.imbalances = new double[window];
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public VolumeBucketVpin(double bucketVolume, int window) {
        this(bucketVolume, window, BucketListener.NONE);
    }

    /**
     * Pours classified volume into the buckets.
     *
     * @return the number of buckets this volume completed
     */
    public int add(long epochMillis, double buyVolume, double sellVolume) {
        if (!(buyVolume >= 0) || !(sellVolume >= 0)) {
            throw new IllegalArgumentException("volumes must be non-negative, were " + buyVolume + "/" + sellVolume);
        }
        double remaining = buyVolume + sellVolume;
        if (remaining == 0) {
            return 0;
        }
        double buyFraction = buyVolume / remaining;
        int completed = 0;
        while (remaining > 0) {
            double room = bucketVolume - buy - sell;
            if (remaining >= room) {
                buy += room * buyFraction;
                sell += room * (1 - buyFraction);
                remaining -= room;
                completeBucket(epochMillis);
                completed++;
            } else {
                buy += remaining * buyFraction;
                sell += remaining * (1 - buyFraction);
                remaining = 0;
            }
        }
        return completed;
    }

    /** Adds one trade classified per trade; an unclassified trade counts half buy, half sell. */
    public int addTrade(long epochMillis, double size, Aggressor side) {
        return switch (side) {
            case BUY -> add(epochMillis, size, 0);
            case SELL -> add(epochMillis, 0, size);
            case UNKNOWN -> add(epochMillis, size / 2, size / 2);
        };
    }

    private void completeBucket(long epochMillis) {
        double imbalance = Math.abs(sell - buy);
        if (count == imbalances.length) {
            imbalanceSum -= imbalances[next];
        } else {
            count++;
        }
        imbalances[next] = imbalance;
        imbalanceSum += imbalance;
        next = next + 1 == imbalances.length ? 0 : next + 1;
        if (++sinceRecompute >= imbalances.length) {
            double s = 0;
            for (int i = 0; i < count; i++) {
                s += imbalances[i];
            }
            imbalanceSum = s;
            sinceRecompute = 0;
        }
        lastVpin = count == imbalances.length ? imbalanceSum / (count * bucketVolume) : Double.NaN;
        double bucketBuy = buy;
        double bucketSell = sell;
        buy = 0;
        sell = 0;
        listener.onBucket(epochMillis, completedBuckets++, bucketBuy, bucketSell, lastVpin);
    }

    /** VPIN over the last n complete buckets; NaN until n buckets are complete. */
    public double vpin() {
        return lastVpin;
    }

    /** VPIN over the complete buckets available so far (fewer than n during warm-up); NaN before the first. */
    public double partialVpin() {
        return count == 0 ? Double.NaN : imbalanceSum / (count * bucketVolume);
    }

    public boolean isWarm() {
        return count == imbalances.length;
    }

    public long completedBuckets() {
        return completedBuckets;
    }

    /** Volume in the bucket being filled. */
    public double openBucketVolume() {
        return buy + sell;
    }

    public double bucketVolume() {
        return bucketVolume;
    }

    public int window() {
        return imbalances.length;
    }
}
