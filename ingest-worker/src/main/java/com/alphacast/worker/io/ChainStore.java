package com.alphacast.worker.io;

import java.util.List;

/** Where the chains the worker is handed are stored, a batch at a time (MarketSnapshotsTable in production). */
@FunctionalInterface
public interface ChainStore {

    void writeAll(List<HeldChain> chains);
}
