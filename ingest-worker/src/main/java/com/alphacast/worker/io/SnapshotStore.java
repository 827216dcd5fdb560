package com.alphacast.worker.io;

import com.alphacast.core.market.MarketSnapshot;
import java.util.List;

/** Where snapshots go, a batch at a time (the snapshots table plus the bars queue in production). */
@FunctionalInterface
public interface SnapshotStore {

    void writeAll(List<MarketSnapshot> snapshots);
}
