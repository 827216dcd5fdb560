package com.alphacast.worker.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The order in which one I/O batch reaches the snapshot store and the signals queue. */
class OutboundWritesOrderTest {

    private static final long START = Instant.parse("2011-07-31T22:00:00Z").toEpochMilli();

    private static MarketSnapshot bar(int second) {
        long start = START + second * 1_000L;
        return new MarketSnapshot(new Bar("ES", start, start + 1_000, 1306, 1306.25, 1305.75, 1306, 40, 12),
                Instant.ofEpochMilli(start + 1_000));
    }

    private static Signal signalAt(int second) {
        Instant at = Instant.ofEpochMilli(START + (second + 1) * 1_000L);
        return new Signal("volume-spike:ESU1:" + at.toEpochMilli(), "volume-spike", "ES", "ESU1", Direction.LONG,
                1306, 1305, 1308, 1, 0.6, "volume spike", at, at);
    }

    @Test
    void signalIsSentAfterItsOwnBarButBeforeTheBarsQueuedAfterIt() throws InterruptedException {
        List<String> calls = new CopyOnWriteArrayList<>();
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        SnapshotStore snapshots = batch -> {
            calls.add("snapshots " + batch.stream().map(s -> Long.toString((s.bar().startMillis() - START) / 1_000)).toList());
            if (firstWriteStarted.getCount() > 0) {
                firstWriteStarted.countDown();
                try {
                    releaseFirstWrite.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        SignalOutlet signals = batch -> calls.add("signals " + batch.size());
        try (OutboundWrites writes = new OutboundWrites(64, 100, 1, snapshots, signals, rejections -> { },
                chains -> calls.add("chains " + chains.size()))) {
            writes.submit(bar(0));
            assertThat(firstWriteStarted.await(30, TimeUnit.SECONDS)).isTrue();
            // While the I/O thread is busy, one batch builds up: bar 1, its signal, then bars 2 and 3.
            writes.submit(bar(1));
            writes.submit(signalAt(1));
            writes.submit(bar(2));
            writes.submit(bar(3));
            releaseFirstWrite.countDown();
            assertThat(writes.awaitDrained(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(calls).containsExactly("snapshots [0]", "snapshots [1]", "signals 1", "snapshots [2, 3]");
    }

    @Test
    void batchWithoutSignalsWritesItsSnapshotsOnce() throws InterruptedException {
        List<String> calls = new CopyOnWriteArrayList<>();
        SnapshotStore snapshots = batch -> calls.add("snapshots " + batch.size());
        try (OutboundWrites writes = new OutboundWrites(64, 100, 1, snapshots, batch -> calls.add("signals"),
                rejections -> { }, chains -> calls.add("chains " + chains.size()))) {
            writes.submit(bar(0));
            assertThat(writes.awaitDrained(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(calls).containsExactly("snapshots 1");
    }
}
