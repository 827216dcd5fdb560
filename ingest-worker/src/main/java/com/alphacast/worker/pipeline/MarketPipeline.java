package com.alphacast.worker.pipeline;

import com.alphacast.core.bars.TimeBarBuilder;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's per-instrument path: trades → 1-minute bars → on each closed bar, a market snapshot and the
 * strategy's verdict. The snapshot is written before the signal is sent, so the paper broker always finds
 * the market the signal fired in. Per-trade work is allocation-free; I/O happens once per bar.
 * Not thread-safe: one feed thread per instrument.
 */
public final class MarketPipeline {

    private final TimeBarBuilder bars;
    private final VolumeSpikeStrategy strategy;
    private final SnapshotSink snapshots;
    private final SignalSink signals;
    private long barsClosed;
    private long signalsSent;

    public MarketPipeline(TimeBarBuilder bars, VolumeSpikeStrategy strategy, SnapshotSink snapshots, SignalSink signals) {
        this.bars = bars;
        this.strategy = strategy;
        this.snapshots = snapshots;
        this.signals = signals;
    }

    /**
     * @param observedAt wall-clock time the trade reached the worker; starts the signal's latency clock
     */
    public void onTrade(long epochMillis, double price, long size, Instant observedAt) {
        Bar closed = bars.onTrade(epochMillis, price, size);
        if (closed != null) {
            close(closed, observedAt);
        }
    }

    /** Closes the open bar at the end of the feed (the session ended, or the replay did). */
    public void finish(Instant observedAt) {
        Bar last = bars.flush();
        if (last != null) {
            close(last, observedAt);
        }
    }

    public long barsClosed() {
        return barsClosed;
    }

    public long signalsSent() {
        return signalsSent;
    }

    private void close(Bar bar, Instant observedAt) {
        barsClosed++;
        snapshots.write(new MarketSnapshot(bar, observedAt));
        Optional<Signal> signal = strategy.onBar(bar, observedAt);
        if (signal.isPresent()) {
            signals.send(signal.get());
            signalsSent++;
        }
    }
}
