package com.alphacast.localcloud.function.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * One occurrence of a schedule that fired: when it was due, how many invocations it took (1 + retries), the last
 * error when every attempt failed, and the dead-letter queue that then received the event.
 */
public record ScheduleFiring(String functionLogicalId, String eventName, Instant scheduledAt, int attempts,
                             Optional<String> error, Optional<String> deadLetterQueueLogicalId) {

    public boolean succeeded() {
        return error.isEmpty();
    }
}
