package com.alphacast.core.settings;

import com.alphacast.core.calendar.Exchange;
import java.util.Objects;
import java.util.Optional;

/**
 * Which strategy profile the worker runs beside each instrument's volume spike ({@code worker.strategies}).
 *
 * @param profile  a profile of {@code config/strategy-profiles.yaml}; empty runs the volume spike alone
 * @param exchange the calendar the profile's session windows are read in (e.g. {@code XCME} for ES futures,
 *                 {@code XNYS} for SPY)
 */
public record WorkerStrategies(Optional<String> profile, Exchange exchange) {

    /** No profile: only the per-instrument volume spike runs (the behaviour before profiles were wired). */
    public static final WorkerStrategies VOLUME_SPIKE_ONLY = new WorkerStrategies(Optional.empty(), Exchange.XNYS);

    public WorkerStrategies {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(exchange, "exchange");
        profile.filter(String::isBlank).ifPresent(blank -> {
            throw new IllegalArgumentException("worker.strategies.profile must name a profile, was blank");
        });
    }
}
