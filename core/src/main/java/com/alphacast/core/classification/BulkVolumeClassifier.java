package com.alphacast.core.classification;

import com.alphacast.core.stats.Normal;

/**
 * Bulk volume classification (BVC) per bar, as in docs/analytics-conventions.md ("Flow toxicity: VPIN and BVC"),
 * after Easley, López de Prado and O'Hara (2012): a bar's buy volume is {@code V_bar × Φ(ΔP / σ_ΔP)}, where ΔP is the
 * bar's close-to-close price change and σ_ΔP the sample standard deviation of the last {@code sigmaWindow} bar price
 * changes (default 20), this bar's change included. Sell volume is the rest.
 *
 * <p>Warm-up: the first bar has no ΔP, and σ is only trusted once {@code minChanges} changes are in the window
 * (default: the full sigma window, so σ is exactly the convention's "sample standard deviation of the last 20 bar
 * changes"). A σ from two or three changes is so noisy that a couple of equal ticks give σ ≈ 0 and whole buckets come
 * out 100% buy or sell. Until then {@link #buyFraction} returns NaN and callers leave the bar out of VPIN (counted as
 * unclassified) rather than guess. When σ = 0 after warm-up (all recent changes equal) the fraction is 1, 0 or ½ by
 * the sign of ΔP. Amortised O(1) per bar via a ring buffer with running sums (re-summed once per window to shed
 * rounding error), no allocation.
 */
public final class BulkVolumeClassifier {

    private final double[] changes;
    private final int minChanges;
    private int next;
    private int count;
    private int sinceRecompute;
    private double sum;
    private double sumSquares;
    private double lastClose = Double.NaN;

    /**
     * @param sigmaWindow bar price changes σ is computed over (convention: 20)
     * @param minChanges  changes needed in the window before a bar is classified, 2..sigmaWindow
     */
    public BulkVolumeClassifier(int sigmaWindow, int minChanges) {
        if (sigmaWindow < 2) {
            throw new IllegalArgumentException("sigma window must be at least 2 bars, was " + sigmaWindow);
        }
        if (minChanges < 2 || minChanges > sigmaWindow) {
            throw new IllegalArgumentException("minimum bar changes for sigma must be between 2 and the sigma window ("
                    + sigmaWindow + "), was " + minChanges);
        }
        this.changes = new double[sigmaWindow];
        this.minChanges = minChanges;
    }

    /** Classifies once the window is full: σ always from {@code sigmaWindow} changes. */
    public BulkVolumeClassifier(int sigmaWindow) {
        this(sigmaWindow, sigmaWindow);
    }

    /** The convention's default window of 20 bar price changes, all of them needed. */
    public BulkVolumeClassifier() {
        this(20);
    }

    /**
     * Admits a bar's close and returns its buy-volume fraction {@code Φ(ΔP/σ)} (NaN while fewer than
     * {@code minChanges} changes are in the window).
     */
    public double buyFraction(double close) {
        if (Double.isNaN(lastClose)) {
            lastClose = close;
            return Double.NaN;
        }
        double change = close - lastClose;
        lastClose = close;
        push(change);
        if (count < minChanges) {
            return Double.NaN;
        }
        double mean = sum / count;
        double variance = (sumSquares - count * mean * mean) / (count - 1);
        if (!(variance > 1e-300)) {
            return change > 0 ? 1 : change < 0 ? 0 : 0.5;
        }
        return Normal.cdf(change / Math.sqrt(variance));
    }

    /** Sample standard deviation of the bar price changes in the window (NaN with fewer than two). */
    public double sigma() {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum / count;
        double variance = (sumSquares - count * mean * mean) / (count - 1);
        return variance <= 0 ? 0 : Math.sqrt(variance);
    }

    public int sigmaWindow() {
        return changes.length;
    }

    /** Bar changes needed before the first classification. */
    public int minChanges() {
        return minChanges;
    }

    private void push(double change) {
        if (count == changes.length) {
            double old = changes[next];
            sum -= old;
            sumSquares -= old * old;
        } else {
            count++;
        }
        changes[next] = change;
        sum += change;
        sumSquares += change * change;
        next = next + 1 == changes.length ? 0 : next + 1;
        if (++sinceRecompute >= changes.length) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < count; i++) {
                s += changes[i];
                s2 += changes[i] * changes[i];
            }
            sum = s;
            sumSquares = s2;
            sinceRecompute = 0;
        }
    }
}
