package com.alphacast.localcloud.function;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One function as Lambda runs it: its handler loaded from its own code ({@link FunctionCode}, one class loader per
 * function) and invoked in execution environments, each with its own handler instance built with the function's
 * environment (its own init, a cold start), one invocation at a time per environment, cut off after the function's
 * Timeout. With SnapStart the environments its event sources can use at once are built when it is loaded
 * ({@link FunctionDefinition#environmentsAheadOfTraffic()}); otherwise, and beyond those, environments are created on
 * demand when every existing one is busy and reused warm afterwards, up to
 * {@code ReservedConcurrentExecutions} at once (callers beyond it wait for a free one); one that timed out is thrown
 * away, as Lambda resets it. Events and results cross into and out of the function as JSON only, the way the Lambda
 * runtime passes them, so the function works with its own copies of the event classes, its own Jackson and its own
 * AWS SDK.
 *
 * <p>Unlike Lambda's separate JVMs, the environments of one function share its class loader, so classes load once and
 * static state is shared between them (the project's functions keep none).
 *
 * <p>The function's class loader is the context class loader of every thread that runs function code (class
 * initialisation, construction, invocations), as in the Java runtime; closing the function closes its code.
 */
public final class LocalFunction implements AutoCloseable {

    /** How many rounds a SnapStart function's priming runs (the functions' SnapStartPriming reads it). */
    public static final String PRIMING_ROUNDS_VARIABLE = "SNAPSTART_PRIMING_ROUNDS";
    /** The functions' own priming refuses more rounds than this. */
    private static final int MAX_REHEARSAL_ROUNDS = 10_000;

    private final FunctionDefinition definition;
    private final Map<String, String> environment;
    /** What every environment after the first is built with; see {@link #environmentOf(int)}. */
    private final Map<String, String> laterEnvironment;
    private final BiConsumer<String, String> log;
    private final FunctionCode code;
    private final RuntimeSerialization serialization;
    private final Class<?> handlerClass;
    private final Semaphore concurrency;
    /** Warm environments waiting for work; the most recently used first, as Lambda prefers a warm one. */
    private final Deque<Environment> idle = new ConcurrentLinkedDeque<>();
    private final Set<Environment> environments = ConcurrentHashMap.newKeySet();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failedRecords = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong coldStarts = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();
    private volatile String lastError;
    private volatile boolean closed;

    /**
     * Loads the handler from {@code code} and builds the first execution environment, then the others ahead of traffic
     * ({@link FunctionDefinition#environmentsAheadOfTraffic()}); a SnapStart function started with a warm-up has each
     * of them rehearse the runtime's side of an invocation ({@link Environment#rehearseRuntime}); on failure {@code code} is
     * closed and the error (a {@link com.alphacast.localcloud.template.TemplateRefusedException} naming the function
     * and Handler) propagates.
     */
    public LocalFunction(FunctionDefinition definition, Map<String, String> environment, FunctionCode code,
                         BiConsumer<String, String> log) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        Map<String, String> later = new java.util.HashMap<>(environment);
        later.remove(PRIMING_ROUNDS_VARIABLE);
        this.laterEnvironment = Map.copyOf(later);
        this.log = log;
        this.code = code;
        this.concurrency = new Semaphore(definition.reservedConcurrency().orElse(Integer.MAX_VALUE), true);
        RuntimeSerialization runtime = null;
        try {
            runtime = new RuntimeSerialization(code.classLoader());
            this.serialization = runtime;
            // The first environment is built at once so a handler that cannot load stops the stack at start-up.
            Environment first = newEnvironment();
            this.handlerClass = first.handler.handlerClass();
            int rounds = rehearsalRounds(definition, environment);
            first.rehearseRuntime(rounds);
            idle.push(first);
            // Then, with SnapStart, the others a burst would use (they load no classes the first did not: quick).
            // Each has its own serializers, built once more; the first's rounds already compiled them.
            for (Environment next : newEnvironments(definition.environmentsAheadOfTraffic() - 1)) {
                next.rehearseRuntime(Math.min(rounds, 1));
                idle.push(next);
            }
        } catch (RuntimeException | Error e) {
            environments.forEach(Environment::close);
            if (runtime != null) {
                runtime.close();
            }
            code.close();
            throw e;
        }
    }

    public FunctionDefinition definition() {
        return definition;
    }

    /** The environment the handler was built with (template variables plus the AWS_* runtime variables). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The handler's class as the function loaded it (from the function's own class loader). */
    public Class<?> handlerClass() {
        return handlerClass;
    }

    /** The class loader the function's code runs in. */
    public ClassLoader classLoader() {
        return code.classLoader();
    }

    /**
     * Outcome of one invocation: what the handler returned, as the JSON Lambda hands back to the event source (a
     * stream handler's output, a result serialized by the runtime, {@code null} for void), or why it failed and
     * whether it failed because the function's Timeout cut it off.
     */
    public record Invocation(byte[] response, Optional<String> failure, boolean timedOut) {
        public boolean failed() {
            return failure.isPresent();
        }
    }

    /**
     * Invokes the handler with the event's Lambda JSON in a free execution environment (a new one when all are busy,
     * waiting while ReservedConcurrentExecutions are all busy). Safe to call from many threads at once. Never throws:
     * exceptions, unreadable events, failed inits and timeouts come back as a failed {@link Invocation} and are
     * logged.
     */
    public Invocation invoke(byte[] eventJson) {
        try {
            concurrency.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("invocation interrupted (local cloud shutting down)", null);
        }
        try {
            invocations.incrementAndGet();
            Environment environment;
            try {
                environment = claimEnvironment();
            } catch (RuntimeException | Error e) {
                return failure("execution environment failed to initialise: " + e, e);
            }
            peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Invocation invocation = environment.invoke(eventJson);
                if (invocation.timedOut() || closed) {
                    // Lambda resets an environment whose invocation timed out; its thread may still be running.
                    environment.close();
                    environments.remove(environment);
                } else {
                    idle.push(environment);
                }
                return invocation;
            } finally {
                running.decrementAndGet();
            }
        } finally {
            concurrency.release();
        }
    }

    /** Records the outcome of one batch for {@link #stats()}. */
    public void countRecords(int delivered, int failed) {
        records.addAndGet(delivered);
        failedRecords.addAndGet(failed);
    }

    public void log(String line) {
        log.accept(definition.logicalId(), line);
    }

    public FunctionStats stats() {
        return new FunctionStats(invocations.get(), records.get(), failedRecords.get(), errors.get(), coldStarts.get(),
                peakRunning.get(), Optional.ofNullable(lastError));
    }

    /** Stops every environment's thread and closes the function's code (its class loader) and runtime serializers. */
    @Override
    public synchronized void close() {
        closed = true;
        environments.forEach(Environment::close);
        environments.clear();
        idle.clear();
        serialization.close();
        code.close();
    }

    private Environment claimEnvironment() {
        Environment warm = idle.poll();
        return warm != null ? warm : newEnvironment();
    }

    private Environment newEnvironment() {
        return newEnvironments(1).get(0);
    }

    /** Builds {@code count} environments, their inits side by side (each on its own thread); all or none. */
    private List<Environment> newEnvironments(int count) {
        if (closed) {
            throw new IllegalStateException("the function is closed");
        }
        List<Environment> created = new ArrayList<>();
        List<Future<JavaHandler>> inits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Environment environment = new Environment((int) coldStarts.incrementAndGet());
            environments.add(environment);
            created.add(environment);
            inits.add(environment.startInit());
        }
        try {
            for (int i = 0; i < count; i++) {
                created.get(i).awaitInit(inits.get(i));
            }
        } catch (RuntimeException | Error e) {
            created.forEach(Environment::close);
            environments.removeAll(created);
            throw e;
        }
        return created;
    }

    /**
     * The first environment primes as many rounds as the function's environment asks; the later ones once. On AWS
     * every environment restores from the one snapshot, primed once; here they share the first one's classes and the
     * code the JIT compiled for them, so repeating the rounds would only delay them.
     */
    private Map<String, String> environmentOf(int number) {
        return number == 1 ? environment : laterEnvironment;
    }

    /**
     * How often the first environment rehearses the runtime: the priming rounds the stack asked of a SnapStart function
     * (none without SnapStart, which Lambda initializes on the first event, or without a warm-up).
     */
    private static int rehearsalRounds(FunctionDefinition definition, Map<String, String> environment) {
        if (!definition.snapStart()) {
            return 0;
        }
        try {
            int rounds = Integer.parseInt(environment.getOrDefault(PRIMING_ROUNDS_VARIABLE, "0").strip());
            return Math.max(0, Math.min(rounds, MAX_REHEARSAL_ROUNDS));
        } catch (NumberFormatException e) {
            return 0; // The function's own priming refuses it, naming the variable.
        }
    }

    private Invocation failure(String reason, Throwable cause) {
        errors.incrementAndGet();
        lastError = reason;
        log(reason);
        if (cause != null) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            log(trace.toString().stripTrailing());
        }
        return new Invocation(null, Optional.of(reason), false);
    }

    /** One execution environment: its own thread and its own handler instance, built there (its init). */
    private final class Environment {

        private final ExecutorService thread;
        private final int number;
        private JavaHandler handler;

        Environment(int number) {
            this.number = number;
            ClassLoader functionLoader = code.classLoader();
            this.thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "lambda-" + definition.logicalId() + "-" + number);
                t.setDaemon(true);
                t.setContextClassLoader(functionLoader);
                return t;
            });
        }

        Future<JavaHandler> startInit() {
            Map<String, String> own = environmentOf(number);
            return thread.submit(() -> JavaHandler.load(definition, own, code, serialization));
        }

        void awaitInit(Future<JavaHandler> init) {
            try {
                handler = init.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                init.cancel(true);
                throw new IllegalStateException("interrupted while initialising " + definition.logicalId());
            }
        }

        Invocation invoke(byte[] eventJson) {
            Future<byte[]> call = thread.submit(() -> handler.invoke(eventJson, this::newContext));
            try {
                return new Invocation(call.get(definition.timeoutSeconds(), TimeUnit.SECONDS), Optional.empty(), false);
            } catch (TimeoutException e) {
                call.cancel(true);
                Invocation timedOut = failure("Task timed out after " + definition.timeoutSeconds() + " seconds", null);
                return new Invocation(null, timedOut.failure(), true);
            } catch (ExecutionException e) {
                return failure("handler threw " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                return failure("invocation interrupted (local cloud shutting down)", null);
            }
        }

        /**
         * The runtime's side of {@code rounds} invocations, on this environment's thread (see
         * {@link JavaHandler#rehearseRuntime}): with SnapStart, Lambda's runtime is in the snapshot with the primed
         * function; here the local cloud's own serializers for the function are built and compiled ahead of traffic.
         * A part that fails is logged once; the first event then builds it as before.
         */
        void rehearseRuntime(int rounds) {
            if (rounds == 0) {
                return;
            }
            Future<List<String>> rehearsal = thread.submit(() -> handler.rehearseRuntime(rounds, this::newContext));
            try {
                rehearsal.get().forEach(part -> log("the runtime's rehearsal skipped " + part));
            } catch (ExecutionException e) {
                log("the runtime's rehearsal failed, the first event builds what it did not: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rehearsal.cancel(true);
                throw new IllegalStateException("interrupted while rehearsing " + definition.logicalId());
            }
        }

        void close() {
            thread.shutdownNow();
        }

        private Object newContext() {
            Class<?> contextType = handler.contextType().orElseThrow(() -> new IllegalStateException(
                    "the handler takes a Context but the function's code has no " + InvocationContext.CONTEXT));
            return InvocationContext.create(definition, contextType, LocalFunction.this::log);
        }
    }
}
