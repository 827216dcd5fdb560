package com.alphacast.localcloud.function;

/**
 * One validated event of an {@code AWS::Serverless::Function} ({@code Events.<name>}), ready to become a runner.
 * Each SAM event type the local cloud honours has its own implementation (SQS, HttpApi, ScheduleV2): an
 * {@link EventSourceType} that validates, a definition, and a runner.
 */
public interface EventSourceDefinition {

    String functionLogicalId();

    String eventName();

    /** The SAM event {@code Type}, e.g. {@code SQS}. */
    String type();

    /** False when the template disables the event (e.g. SQS {@code Enabled: false}): no runner is started. */
    default boolean enabled() {
        return true;
    }

    /**
     * How many invocations this source starts at once by itself: an SQS mapping's pollers. Sources driven from
     * outside (HTTP routes, schedules) count none; their first invocation uses the function's first environment.
     */
    default int concurrentInvocations() {
        return 0;
    }

    /** Creates the runner; called once per stack after tables and queues exist and the handler is loaded. */
    EventSourceRunner newRunner(LocalFunction function, RunnerServices services);
}
