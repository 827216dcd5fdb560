package com.alphacast.core.settings;

import java.util.List;

/**
 * How the ingest worker runs: which instruments it follows and how its I/O is bounded.
 *
 * @param instruments       instruments in configuration order
 * @param ioQueueCapacity   outbound writes (snapshots, signals) the I/O executor may hold before snapshots are dropped
 * @param correlationBars   aligned bar returns in the cross-instrument correlation window
 */
public record WorkerSettings(List<InstrumentSettings> instruments, int ioQueueCapacity, int correlationBars) {

    public WorkerSettings {
        instruments = List.copyOf(instruments);
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("the worker needs at least one instrument");
        }
    }

    public List<String> symbols() {
        return instruments.stream().map(InstrumentSettings::symbol).toList();
    }
}
