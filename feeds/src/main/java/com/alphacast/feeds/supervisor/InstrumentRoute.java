package com.alphacast.feeds.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One instrument's sources in priority order (first = primary) and how long a recovered higher-priority source must
 * stay live before it is taken back.
 */
public record InstrumentRoute(String instrument, List<String> sources, Duration holdDown) {

    public InstrumentRoute {
        Objects.requireNonNull(instrument, "instrument");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(instrument + ": sources must list at least one source");
        }
        if (sources.stream().distinct().count() != sources.size()) {
            throw new IllegalArgumentException(instrument + ": sources lists a source twice: " + sources);
        }
        if (holdDown == null || holdDown.isNegative()) {
            throw new IllegalArgumentException(instrument + ": holdDown must be a duration >= 0, was " + holdDown);
        }
    }
}
