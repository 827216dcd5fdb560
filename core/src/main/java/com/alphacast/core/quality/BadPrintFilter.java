package com.alphacast.core.quality;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rejects bad prints: a print is bad when it lies outside {@code median × (1 ± band)}, where the median is the rolling
 * median of the last {@code window} raw prints. The window holds raw prints (rejected ones included) so that an
 * isolated bad print cannot move the median, while a genuine level shift is followed as soon as it fills half the
 * window.
 *
 * <p>Warm-up: the first {@code window} prints cannot be judged against a history, and real feeds do start with bad
 * prints (the ES sample in testdata/trades/es_ticks_with_bad_prints.csv opens with 1205 and 1005 in a 1304 market).
 * They are held back, then judged together against their own median, and released to the listener in arrival order;
 * after that every print is judged on arrival against the previous {@code window} prints. {@link #flush()} judges
 * whatever is still held at end of data.
 *
 * <p>The median is kept in a sorted copy of the window (insertion in O(window)), so the per-print cost is a few tens of
 * nanoseconds for the default window and nothing is allocated. Not thread-safe.
 */
public final class BadPrintFilter {

    private final int window;
    private final double band;
    private final PrintListener listener;
    private final double[] ring;
    private final double[] sorted;
    private int next;
    private int count;
    private final long[] heldMillis;
    private final double[] heldPrice;
    private final long[] heldSize;
    private int held;
    private boolean warm;
    private long accepted;
    private long rejected;

    /**
     * @param window number of raw prints in the rolling median (≥ 3)
     * @param band   allowed relative distance from the median, e.g. 0.01 for ±1%
     */
    public BadPrintFilter(int window, double band, PrintListener listener) {
        if (window < 3) {
            throw new IllegalArgumentException("window must hold at least 3 prints, was " + window);
        }
        if (!(band > 0) || Double.isInfinite(band)) {
            throw new IllegalArgumentException("band must be a positive fraction, was " + band);
        }
        this.window = window;
        this.band = band;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.ring = new double[window];
        this.sorted = new double[window];
        this.heldMillis = new long[window];
        this.heldPrice = new double[window];
        this.heldSize = new long[window];
    }

    public void onPrint(long epochMillis, double price, long size) {
        if (!(price > 0) || Double.isInfinite(price)) {
            // A non-positive or non-finite price is bad whatever the median says.
            rejected++;
            listener.onRejected(epochMillis, price, size, count == 0 ? Double.NaN : median());
            return;
        }
        if (!warm) {
            heldMillis[held] = epochMillis;
            heldPrice[held] = price;
            heldSize[held] = size;
            held++;
            push(price);
            if (held == window) {
                warm = true;
                releaseHeld();
            }
            return;
        }
        double median = median();
        if (isInsideBand(price, median)) {
            accepted++;
            listener.onAccepted(epochMillis, price, size);
        } else {
            rejected++;
            listener.onRejected(epochMillis, price, size, median);
        }
        push(price);
    }

    /** Judges the prints still held in warm-up (end of data). With fewer than 3 prints there is no median to trust,
     * so they are accepted. */
    public void flush() {
        if (!warm && held > 0) {
            releaseHeld();
        }
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return rejected;
    }

    /** Median of the raw prints currently in the window (NaN if none). */
    public double median() {
        if (count == 0) {
            return Double.NaN;
        }
        int mid = count / 2;
        return (count & 1) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private boolean isInsideBand(double price, double median) {
        return Math.abs(price - median) <= band * median;
    }

    private void releaseHeld() {
        double median = median();
        boolean judge = held >= 3;
        for (int i = 0; i < held; i++) {
            if (!judge || isInsideBand(heldPrice[i], median)) {
                accepted++;
                listener.onAccepted(heldMillis[i], heldPrice[i], heldSize[i]);
            } else {
                rejected++;
                listener.onRejected(heldMillis[i], heldPrice[i], heldSize[i], median);
            }
        }
        held = 0;
    }

    private void push(double price) {
        if (count == window) {
            double evicted = ring[next];
            int at = Arrays.binarySearch(sorted, 0, count, evicted);
            System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
            count--;
        }
        ring[next] = price;
        next = next + 1 == window ? 0 : next + 1;
        int at = Arrays.binarySearch(sorted, 0, count, price);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = price;
        count++;
    }
}
