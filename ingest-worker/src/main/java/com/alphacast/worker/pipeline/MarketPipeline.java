package com.alphacast.worker.pipeline;

import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.state.BarCloseListener;
import com.alphacast.core.state.MarketView;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import com.alphacast.worker.io.OutboundWrites;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the worker does when an instrument's bar closes (on the feed thread that closed it): the snapshot with
 * the instrument's analytics is handed to the I/O executor first, then the instrument's strategy reads the
 * {@link MarketView} and a signal, if any, follows the snapshot. Nothing here waits for AWS.
 */
public final class MarketPipeline implements BarCloseListener {

    private final Map<String, VolumeSpikeStrategy> strategies;
    private final OutboundWrites writes;
    private final AtomicLong barsClosed = new AtomicLong();
    private final AtomicLong signals = new AtomicLong();

    /** @param strategies one strategy per instrument symbol (strategies keep per-instrument state) */
    public MarketPipeline(Map<String, VolumeSpikeStrategy> strategies, OutboundWrites writes) {
        this.strategies = Map.copyOf(strategies);
        this.writes = writes;
    }

    @Override
    public void onBarClosed(MarketView view, long receiveNanos) {
        barsClosed.incrementAndGet();
        Instant observedAt = Instant.ofEpochSecond(0, receiveNanos);
        writes.submit(new MarketSnapshot(view.lastBar(), observedAt, view.analytics()));
        VolumeSpikeStrategy strategy = strategies.get(view.symbol());
        if (strategy != null) {
            strategy.onBar(view, observedAt).ifPresent(signal -> {
                signals.incrementAndGet();
                writes.submit(signal);
            });
        }
    }

    public long barsClosed() {
        return barsClosed.get();
    }

    public long signals() {
        return signals.get();
    }
}
