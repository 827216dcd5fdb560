package com.alphacast.worker.pipeline;

import com.alphacast.core.market.MarketSnapshot;

/** Where the worker's market snapshots go (the snapshots table in production). */
@FunctionalInterface
public interface SnapshotSink {

    void write(MarketSnapshot snapshot);
}
