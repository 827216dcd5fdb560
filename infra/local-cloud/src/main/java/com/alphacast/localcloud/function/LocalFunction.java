package com.alphacast.localcloud.function;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One function as Lambda runs it: its handler loaded from its own code ({@link FunctionCode}, one class loader per
 * function), one instance built with its environment, one invocation at a time, cut off after the function's Timeout.
 * Events and results cross into and out of the function as JSON only, the way the Lambda runtime passes them, so the
 * function works with its own copies of the event classes, its own Jackson and its own AWS SDK.
 *
 * <p>The function's class loader is the context class loader of every thread that runs function code (class
 * initialisation, construction, invocations), as in the Java runtime; closing the function closes its code.
 */
public final class LocalFunction implements AutoCloseable {

    private final FunctionDefinition definition;
    private final Map<String, String> environment;
    private final BiConsumer<String, String> log;
    private final FunctionCode code;
    private final RuntimeSerialization serialization;
    private final JavaHandler handler;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failedRecords = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError;
    private ExecutorService invoker;

    /**
     * Loads the handler from {@code code}; on failure {@code code} is closed and the error (a
     * {@link com.alphacast.localcloud.template.TemplateRefusedException} naming the function and Handler) propagates.
     */
    public LocalFunction(FunctionDefinition definition, Map<String, String> environment, FunctionCode code,
                         BiConsumer<String, String> log) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.code = code;
        RuntimeSerialization runtime = null;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            runtime = new RuntimeSerialization(code.classLoader());
            thread.setContextClassLoader(code.classLoader());
            this.handler = JavaHandler.load(definition, this.environment, code, runtime);
        } catch (RuntimeException | Error e) {
            if (runtime != null) {
                runtime.close();
            }
            code.close();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
        this.serialization = runtime;
        this.invoker = newInvoker();
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
        return handler.handlerClass();
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
     * Invokes the handler with the event's Lambda JSON. Never throws: exceptions, unreadable events and timeouts come
     * back as a failed {@link Invocation} and are logged.
     */
    public synchronized Invocation invoke(byte[] eventJson) {
        invocations.incrementAndGet();
        Future<byte[]> call = invoker.submit(() -> handler.invoke(eventJson, this::newContext));
        try {
            return new Invocation(call.get(definition.timeoutSeconds(), TimeUnit.SECONDS), Optional.empty(), false);
        } catch (TimeoutException e) {
            call.cancel(true);
            // The handler thread may ignore the interrupt; later invocations must not queue behind it.
            invoker.shutdownNow();
            invoker = newInvoker();
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

    /** Records the outcome of one batch for {@link #stats()}. */
    public void countRecords(int delivered, int failed) {
        records.addAndGet(delivered);
        failedRecords.addAndGet(failed);
    }

    public void log(String line) {
        log.accept(definition.logicalId(), line);
    }

    public FunctionStats stats() {
        return new FunctionStats(invocations.get(), records.get(), failedRecords.get(), errors.get(),
                Optional.ofNullable(lastError));
    }

    /** Stops the invocation thread and closes the function's code (its class loader) and runtime serializers. */
    @Override
    public synchronized void close() {
        invoker.shutdownNow();
        serialization.close();
        code.close();
    }

    private Object newContext() {
        Class<?> contextType = handler.contextType().orElseThrow(() -> new IllegalStateException(
                "the handler takes a Context but the function's code has no " + InvocationContext.CONTEXT));
        return InvocationContext.create(definition, contextType, this::log);
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

    private ExecutorService newInvoker() {
        ClassLoader functionLoader = code.classLoader();
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lambda-" + definition.logicalId());
            thread.setDaemon(true);
            thread.setContextClassLoader(functionLoader);
            return thread;
        });
    }
}
