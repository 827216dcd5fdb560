package com.alphacast.localcloud.testing;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler whose event and result classes count what the runtime does with them: events read (constructed from JSON),
 * results written (their property read for JSON), and calls of the handler itself. Static, because the local cloud
 * builds its own instances; {@code RuntimeRehearsalTest} resets them before each stack.
 */
public final class RehearsalProbeHandler {

    public static final AtomicInteger EVENTS_READ = new AtomicInteger();
    public static final AtomicInteger RESULTS_WRITTEN = new AtomicInteger();
    public static final AtomicInteger CALLS = new AtomicInteger();

    public RehearsalProbeHandler(Map<String, String> environment) {
    }

    public static void reset() {
        EVENTS_READ.set(0);
        RESULTS_WRITTEN.set(0);
        CALLS.set(0);
    }

    public ProbeResult handle(ProbeEvent event, Context context) {
        CALLS.incrementAndGet();
        return new ProbeResult();
    }

    public static final class ProbeEvent {
        private String id;

        public ProbeEvent() {
            EVENTS_READ.incrementAndGet();
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }
    }

    public static final class ProbeResult {
        public String getOutcome() {
            RESULTS_WRITTEN.incrementAndGet();
            return "handled";
        }
    }
}
