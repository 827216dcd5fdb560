package com.alphacast.feeds.replay;

import java.time.Instant;

/**
 * What a replay stamps as an event's receive time. A replay feeding the running worker stamps the wall clock, as a
 * live feed does (the risk check's staleness and the latency figures count from it); a backtest stamps the recorded
 * time, so every age and window is measured in the data's own time and two runs are identical.
 */
public enum ReceiveClock {
    /** The wall clock when the replay hands the event over. */
    WALL {
        @Override
        long receivedNanos(long recordedNanos) {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
    },
    /** The event's recorded time: simulated time, never the wall clock. */
    RECORDED {
        @Override
        long receivedNanos(long recordedNanos) {
            return recordedNanos;
        }
    };

    abstract long receivedNanos(long recordedNanos);
}
