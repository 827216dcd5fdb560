package com.alphacast.worker.replay;

/**
 * Paces a replay: as fast as possible, in real time, or N times real time. Waits until the wall clock has
 * advanced as far (scaled) as market time has since the first event.
 */
final class ReplayPacer {

    private final double multiplier;
    private long firstMarketMillis = Long.MIN_VALUE;
    private long startNanos;

    ReplayPacer(double multiplier) {
        this.multiplier = multiplier;
    }

    void awaitMarketTime(long marketMillis) throws InterruptedException {
        if (Double.isInfinite(multiplier)) {
            return;
        }
        if (firstMarketMillis == Long.MIN_VALUE) {
            firstMarketMillis = marketMillis;
            startNanos = System.nanoTime();
            return;
        }
        long dueNanos = startNanos + (long) ((marketMillis - firstMarketMillis) * 1_000_000L / multiplier);
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
        }
    }
}
