package com.alphacast.feeds.replay;

/**
 * Holds a replay thread back to the recorded pace times the speed factor: the wall time elapsed since the first event
 * must reach (recorded time elapsed) / factor before the event is emitted. At max speed it never waits.
 */
final class ReplayPacer {

    private final ReplaySpeed speed;
    private long firstRecordedNanos = Long.MIN_VALUE;
    private long wallStartNanos;

    ReplayPacer(ReplaySpeed speed) {
        this.speed = speed;
    }

    /** Waits until the event recorded at {@code recordedNanos} is due; false if interrupted (the source closes). */
    boolean awaitDue(long recordedNanos) {
        if (speed.isMax()) {
            return !Thread.currentThread().isInterrupted();
        }
        if (firstRecordedNanos == Long.MIN_VALUE) {
            firstRecordedNanos = recordedNanos;
            wallStartNanos = System.nanoTime();
            return true;
        }
        long due = wallStartNanos + (long) ((recordedNanos - firstRecordedNanos) / speed.factor());
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
