package com.alphacast.core.vpin;

import com.alphacast.core.classification.BulkVolumeClassifier;

import java.time.Duration;
import java.util.Objects;

/**
 * The conventions' default VPIN pipeline, fed trade by trade: trades are aggregated into time bars (default 1 minute),
 * each finished bar is classified with {@link BulkVolumeClassifier} and its buy/sell volume poured into
 * {@link VolumeBucketVpin}. Bars are accumulated in primitives here, not as {@code Bar} objects, so the per-trade path
 * allocates nothing. Bars that BVC cannot classify yet (warm-up) are counted in {@link #unclassifiedVolume()} and left
 * out of the buckets. Not thread-safe.
 */
public final class BvcVpinStream {

    private final long barMillis;
    private final BulkVolumeClassifier classifier;
    private final VolumeBucketVpin vpin;
    private boolean open;
    private long barStart;
    private double close;
    private double volume;
    private double unclassifiedVolume;
    private long bars;

    public BvcVpinStream(Duration bar, BulkVolumeClassifier classifier, VolumeBucketVpin vpin) {
        if (bar.toMillis() <= 0) {
            throw new IllegalArgumentException("bar must be at least 1 ms, was " + bar);
        }
        this.barMillis = bar.toMillis();
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.vpin = Objects.requireNonNull(vpin, "vpin");
    }

    /** Adds a trade; amortised O(1) (closing a bar updates BVC and the buckets), allocation-free. */
    public void onTrade(long epochMillis, double price, double size) {
        long periodStart = Math.floorDiv(epochMillis, barMillis) * barMillis;
        if (open && periodStart > barStart) {
            closeBar();
        }
        if (!open) {
            open = true;
            barStart = periodStart;
            volume = 0;
        }
        close = price;
        volume += size;
    }

    /** Closes the open bar (end of data) so its volume reaches the buckets. */
    public void flush() {
        if (open) {
            closeBar();
        }
    }

    private void closeBar() {
        open = false;
        bars++;
        double buyFraction = classifier.buyFraction(close);
        if (Double.isNaN(buyFraction)) {
            unclassifiedVolume += volume;
            return;
        }
        vpin.add(barStart + barMillis, volume * buyFraction, volume * (1 - buyFraction));
    }

    public double vpin() {
        return vpin.vpin();
    }

    public VolumeBucketVpin buckets() {
        return vpin;
    }

    public long bars() {
        return bars;
    }

    public double unclassifiedVolume() {
        return unclassifiedVolume;
    }
}
