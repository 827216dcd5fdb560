package com.alphacast.core.usecase.trading;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * How far exits on one symbol are known to be decided: every position in {@code positions} was checked against the
 * symbol's bars ending at or before {@code horizon} (and closed if one reached its stop or target). A position that was
 * not open when the check read the positions (its order not filled yet) is not in it, however far the horizon: the
 * check never saw it.
 */
public record ExitCheck(Instant horizon, Set<String> positions) {

    public ExitCheck {
        Objects.requireNonNull(horizon, "horizon");
        positions = Set.copyOf(positions);
    }

    /** True when {@code signalId}'s position was checked through {@code marketTime}. */
    public boolean covers(String signalId, Instant marketTime) {
        return !horizon.isBefore(marketTime) && positions.contains(signalId);
    }
}
