package com.alphacast.localcloud.function.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** One running schedule, for people: function, expression, zone and when it fires next (empty: never again). */
public record ScheduleListing(String functionLogicalId, String eventName, String expression, ZoneId zone,
                              Optional<Instant> nextFire) {
}
