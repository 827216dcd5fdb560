package com.alphacast.localcloud.function.schedule;

import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceRunner;
import com.alphacast.localcloud.function.LocalFunction;
import com.alphacast.localcloud.function.RunnerServices;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A validated ScheduleV2 event: when the function runs, with which input, how often a failed invocation is retried
 * and where it goes after the last retry.
 *
 * @param input the payload every invocation receives (the template's Input, or {@code {}})
 */
public record ScheduleV2Source(String functionLogicalId, String eventName, String scheduleName, String expression,
                               ZoneId zone, boolean enabled, String input, int maximumRetryAttempts,
                               int maximumEventAgeSeconds, Optional<String> deadLetterQueueLogicalId,
                               Optional<Instant> startDate, Optional<Instant> endDate) implements EventSourceDefinition {

    @Override
    public String type() {
        return "ScheduleV2";
    }

    @Override
    public EventSourceRunner newRunner(LocalFunction function, RunnerServices services) {
        return new ScheduleRunner(this, function, services);
    }
}
