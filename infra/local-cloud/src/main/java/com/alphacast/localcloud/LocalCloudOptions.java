package com.alphacast.localcloud;

import com.alphacast.localcloud.function.EventSourceType;
import com.alphacast.localcloud.function.http.HttpApiEventSourceType;
import com.alphacast.localcloud.function.schedule.ScheduleV2EventSourceType;
import com.alphacast.localcloud.function.sqs.SqsEventSourceType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * How to run a template locally.
 *
 * @param template             the SAM template (usually the project's {@code template.yaml})
 * @param stackName            prefix of every local table, queue and function name
 * @param region               region the local servers and clients pretend to be in
 * @param parameterOverrides   values for the template's Parameters (others keep their Default)
 * @param functionEnvironment  extra environment for every handler (wins over template and AWS_* variables)
 * @param runFunctions         false for storage-only use: tables and queues are created, no handler is loaded
 * @param functions            logical ids of the functions to run; empty means all
 * @param eventSourceTypes     SAM event types by {@code Type} (default: SQS, HttpApi and ScheduleV2)
 * @param functionLog          receives (function logical id, line) for handler logs and invocation failures
 * @param handlerClassLoader   empty (the default): each function runs from its deployment package ({@code CodeUri},
 *                             relative to the template's directory) in a class loader of its own; present: handlers
 *                             are looked up in this class loader instead and CodeUri is not read (for tests whose
 *                             handlers live on the test classpath)
 * @param allowVisibilityTimeoutBelowFunctionTimeout skip Lambda's rule that an SQS event's queue must have a
 *                             visibility timeout of at least the function's Timeout (for tests that lower the
 *                             visibility timeout to see retries quickly)
 * @param backends             ports and data directory of the servers {@link LocalCloud#start(LocalCloudOptions)}
 *                             starts (ignored when the stack runs on servers someone else started). With a data
 *                             directory, the embedded DynamoDB keeps its tables and items there, and a restarted
 *                             cloud keeps those of the last run and creates only missing tables; a kept table whose
 *                             keys or global secondary indexes differ from the template's stops the start.
 * @param schedulesFollowWallClock the stack's schedule clock keeps up with the wall clock and fires what falls due
 *                             (what {@code cloud up} wants); false (the default): it moves only when the caller
 *                             advances it ({@link LocalCloud#scheduleClock()}), so nothing fires behind a test's back
 * @param warmUpRounds         0 (the default): no warm-up. Above 0: before {@link LocalCloud#start} returns, every
 *                             SnapStart function primes that many rounds ({@code SNAPSTART_PRIMING_ROUNDS}: its reads
 *                             of keys on no record, against the real tables) and the servers run the pipeline's
 *                             requests that many times on scratch queues (standard, delayed, FIFO) and a scratch
 *                             table (writes that succeed, reads), all deleted again; the one JVM
 *                             every function shares then runs compiled code, as each function's own primed snapshot
 *                             would on AWS ({@link LocalCloud#warmUp()} says how long it took)
 */
public record LocalCloudOptions(Path template, String stackName, String region, Map<String, String> parameterOverrides,
                                Map<String, String> functionEnvironment, boolean runFunctions, Set<String> functions,
                                Map<String, EventSourceType> eventSourceTypes, BiConsumer<String, String> functionLog,
                                Optional<ClassLoader> handlerClassLoader,
                                boolean allowVisibilityTimeoutBelowFunctionTimeout,
                                BackendSettings backends, boolean schedulesFollowWallClock, int warmUpRounds) {

    public static final String DEFAULT_STACK_NAME = "alphacast";
    public static final String DEFAULT_REGION = "us-east-1";
    /** SnapStartPriming's own bound on its rounds. */
    public static final int MAX_WARM_UP_ROUNDS = 10_000;

    public LocalCloudOptions {
        parameterOverrides = Map.copyOf(parameterOverrides);
        functionEnvironment = Map.copyOf(functionEnvironment);
        functions = Set.copyOf(functions);
        eventSourceTypes = Map.copyOf(eventSourceTypes);
        backends = backends == null ? BackendSettings.ephemeral() : backends;
        if (warmUpRounds < 0 || warmUpRounds > MAX_WARM_UP_ROUNDS) {
            throw new IllegalArgumentException("warmUpRounds must be within 0.." + MAX_WARM_UP_ROUNDS + ", was "
                    + warmUpRounds);
        }
    }

    public static Builder forTemplate(Path template) {
        return new Builder(template);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(template).stackName(stackName).region(region).parameters(parameterOverrides)
                .functionEnvironment(functionEnvironment).runFunctions(runFunctions).functionLog(functionLog)
                .backends(backends);
        builder.schedulesFollowWallClock = schedulesFollowWallClock;
        builder.warmUpRounds = warmUpRounds;
        builder.handlerClassLoader = handlerClassLoader.orElse(null);
        builder.allowShortVisibilityTimeout = allowVisibilityTimeoutBelowFunctionTimeout;
        builder.functions.addAll(functions);
        builder.eventSourceTypes.clear();
        builder.eventSourceTypes.putAll(eventSourceTypes);
        return builder;
    }

    /**
     * The event types every local cloud runs: SQS, HttpApi and ScheduleV2. Any other type in a template is refused, naming the
     * function, the event and the type (a template must never load with events that silently do nothing).
     */
    public static Map<String, EventSourceType> defaultEventSourceTypes() {
        Map<String, EventSourceType> types = new LinkedHashMap<>();
        types.put("SQS", new SqsEventSourceType());
        types.put("HttpApi", new HttpApiEventSourceType());
        types.put("ScheduleV2", new ScheduleV2EventSourceType());
        return types;
    }

    public static final class Builder {
        private final Path template;
        private String stackName = DEFAULT_STACK_NAME;
        private String region = DEFAULT_REGION;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean runFunctions = true;
        private final Set<String> functions = new LinkedHashSet<>();
        private final Map<String, EventSourceType> eventSourceTypes = new LinkedHashMap<>(defaultEventSourceTypes());
        private BiConsumer<String, String> functionLog = (function, line) -> System.err.println("[" + function + "] " + line);
        private ClassLoader handlerClassLoader;
        private boolean allowShortVisibilityTimeout;
        private BackendSettings backends = BackendSettings.ephemeral();
        private boolean schedulesFollowWallClock;
        private int warmUpRounds;

        private Builder(Path template) {
            this.template = template;
        }

        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Builder parameters(Map<String, String> values) {
            parameters.putAll(values);
            return this;
        }

        public Builder functionEnvironment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder functionEnvironment(Map<String, String> values) {
            environment.putAll(values);
            return this;
        }

        public Builder runFunctions(boolean run) {
            this.runFunctions = run;
            return this;
        }

        /** Storage only: tables and queues, no handlers. */
        public Builder withoutFunctions() {
            return runFunctions(false);
        }

        /** Runs only these functions (logical ids); may be called repeatedly. */
        public Builder onlyFunctions(String... logicalIds) {
            functions.addAll(Set.of(logicalIds));
            return this;
        }

        /** Adds or replaces how one SAM event type is run (the extension point for ScheduleV2, HttpApi, ...). */
        public Builder eventSourceType(EventSourceType type) {
            eventSourceTypes.put(type.type(), type);
            return this;
        }

        public Builder functionLog(BiConsumer<String, String> log) {
            this.functionLog = log;
            return this;
        }

        /**
         * Test-only: look handler classes up in {@code loader} (e.g. the test's own class loader, for test handlers
         * under src/test) instead of loading each function from its CodeUri package. Events and results still cross
         * as JSON and the Context is still the handler's own interface, but the function is not isolated from the
         * caller. Everything that runs the project's functions (the demo, the pipeline tests) leaves this unset.
         */
        public Builder loadHandlersFrom(ClassLoader loader) {
            this.handlerClassLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** See {@link LocalCloudOptions#allowVisibilityTimeoutBelowFunctionTimeout()}. */
        public Builder allowVisibilityTimeoutBelowFunctionTimeout() {
            this.allowShortVisibilityTimeout = true;
            return this;
        }

        /**
         * Ports and data directory of the servers this cloud starts (default: free ports, in memory). See
         * {@link LocalCloudOptions#backends()}.
         */
        public Builder backends(BackendSettings settings) {
            this.backends = Objects.requireNonNull(settings, "backends");
            return this;
        }

        /** See {@link LocalCloudOptions#schedulesFollowWallClock()}. */
        public Builder schedulesFollowWallClock() {
            this.schedulesFollowWallClock = true;
            return this;
        }

        /** See {@link LocalCloudOptions#warmUpRounds()}. */
        public Builder warmUpRounds(int rounds) {
            this.warmUpRounds = rounds;
            return this;
        }

        public LocalCloudOptions build() {
            return new LocalCloudOptions(template, stackName, region, parameters, environment, runFunctions, functions,
                    eventSourceTypes, functionLog, Optional.ofNullable(handlerClassLoader), allowShortVisibilityTimeout,
                    backends, schedulesFollowWallClock, warmUpRounds);
        }
    }
}
