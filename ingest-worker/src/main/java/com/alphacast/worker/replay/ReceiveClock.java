package com.alphacast.worker.replay;

/**
 * Wall-clock epoch nanoseconds without allocating: the wall time once, then the monotonic clock's progress.
 * Stamps when an event reached the worker (a replayed one reaches it now, whatever its market time).
 */
public final class ReceiveClock {

    private final long baseEpochNanos = System.currentTimeMillis() * 1_000_000L;
    private final long baseNanoTime = System.nanoTime();

    public long epochNanos() {
        return baseEpochNanos + (System.nanoTime() - baseNanoTime);
    }
}
