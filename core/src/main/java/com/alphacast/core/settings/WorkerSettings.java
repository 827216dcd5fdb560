package com.alphacast.core.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the ingest worker runs: which instruments it follows, how its I/O is bounded and how live feeds fail over.
 *
 * @param instruments       instruments in configuration order
 * @param ioQueueCapacity   outbound writes (snapshots, signals) the I/O executor may hold before snapshots are dropped
 * @param correlationBars   aligned bar returns in the cross-instrument correlation window
 * @param stalenessWindow   no event for an instrument from its active source within this: the source is stale and
 *                          the next one takes over
 * @param failbackHoldDown  how long a recovered higher-priority source must stay live before it is taken back
 * @param strategies        the strategy profile run beside each instrument's volume spike
 */
public record WorkerSettings(List<InstrumentSettings> instruments, int ioQueueCapacity, int correlationBars,
                             Duration stalenessWindow, Duration failbackHoldDown, WorkerStrategies strategies) {

    public static final Duration DEFAULT_STALENESS = Duration.ofSeconds(5);
    public static final Duration DEFAULT_FAILBACK_HOLD_DOWN = Duration.ofSeconds(30);

    public WorkerSettings {
        instruments = List.copyOf(instruments);
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("the worker needs at least one instrument");
        }
        if (stalenessWindow == null || stalenessWindow.isNegative() || stalenessWindow.isZero()) {
            throw new IllegalArgumentException("worker staleness window must be positive, was " + stalenessWindow);
        }
        if (failbackHoldDown == null || failbackHoldDown.isNegative()) {
            throw new IllegalArgumentException("worker failback hold-down must not be negative, was "
                    + failbackHoldDown);
        }
        Objects.requireNonNull(strategies, "strategies");
    }

    /** Without a strategy profile: the volume spike alone. */
    public WorkerSettings(List<InstrumentSettings> instruments, int ioQueueCapacity, int correlationBars,
                          Duration stalenessWindow, Duration failbackHoldDown) {
        this(instruments, ioQueueCapacity, correlationBars, stalenessWindow, failbackHoldDown,
                WorkerStrategies.VOLUME_SPIKE_ONLY);
    }

    /** Replays and tests: the default failover timings. */
    public WorkerSettings(List<InstrumentSettings> instruments, int ioQueueCapacity, int correlationBars) {
        this(instruments, ioQueueCapacity, correlationBars, DEFAULT_STALENESS, DEFAULT_FAILBACK_HOLD_DOWN);
    }

    public List<String> symbols() {
        return instruments.stream().map(InstrumentSettings::symbol).toList();
    }
}
