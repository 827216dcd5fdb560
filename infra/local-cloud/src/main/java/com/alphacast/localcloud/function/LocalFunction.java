package com.alphacast.localcloud.function;

import com.alphacast.localcloud.template.TemplateRefusedException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
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
 * One function's handler, loaded from the classpath by the name in {@code Handler} and called the way the Java Lambda
 * runtime calls it: one instance per function (built with its environment), one invocation at a time, cut off after
 * the function's Timeout.
 *
 * <p>Instantiation contract: a public constructor taking {@code Map<String,String>} (the function's environment) is
 * preferred, otherwise a public no-arg constructor. Handler methods may take {@code (Event, Context)}, {@code (Event)}
 * or {@code (InputStream, OutputStream[, Context])}; an event parameter of another type receives the Lambda JSON
 * converted to that type.
 */
public final class LocalFunction implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final FunctionDefinition definition;
    private final Map<String, String> environment;
    private final BiConsumer<String, String> log;
    private final Object handler;
    private final Method method;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failedRecords = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError;
    private ExecutorService invoker;

    public LocalFunction(FunctionDefinition definition, Map<String, String> environment, ClassLoader classLoader,
                         BiConsumer<String, String> log) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.log = log;
        Class<?> type;
        try {
            type = Class.forName(definition.handlerClass(), true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new TemplateRefusedException(definition.logicalId(), "Handler", "class " + definition.handlerClass()
                    + " is not on the classpath (" + e + ")", e);
        }
        this.method = handlerMethod(type);
        this.handler = instantiate(type);
        this.invoker = newInvoker();
    }

    public FunctionDefinition definition() {
        return definition;
    }

    /** The environment the handler was built with (template variables plus the AWS_* runtime variables). */
    public Map<String, String> environment() {
        return environment;
    }

    /** Outcome of one invocation: the handler's return value, or why it failed. */
    public record Invocation(Object result, Optional<String> failure) {
        public boolean failed() {
            return failure.isPresent();
        }
    }

    /**
     * Invokes the handler with {@code event} (passed as-is when the parameter accepts it) or its Lambda JSON form.
     * Never throws: exceptions and timeouts come back as a failed {@link Invocation} and are logged.
     */
    public synchronized Invocation invoke(Object event, Map<String, Object> eventJson) {
        invocations.incrementAndGet();
        LambdaLogger logger = new FunctionLogger();
        Context context = new LocalLambdaContext(definition, logger);
        Future<Object> call = invoker.submit(() -> call(event, eventJson, context));
        try {
            return new Invocation(call.get(definition.timeoutSeconds(), TimeUnit.SECONDS), Optional.empty());
        } catch (TimeoutException e) {
            call.cancel(true);
            // The handler thread may ignore the interrupt; later invocations must not queue behind it.
            invoker.shutdownNow();
            invoker = newInvoker();
            return failure("Task timed out after " + definition.timeoutSeconds() + " seconds", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
            return failure("handler threw " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return failure("invocation interrupted (local cloud shutting down)", null);
        }
    }

    /** Converts a handler result to the response type the event source expects (e.g. SQSBatchResponse). */
    public <T> T convertResult(Object result, Class<T> type) {
        if (result == null || type.isInstance(result)) {
            return type.cast(result);
        }
        if (result instanceof byte[] bytes) {
            try {
                return bytes.length == 0 ? null : JSON.readValue(bytes, type);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("handler output is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        return JSON.convertValue(result, type);
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

    @Override
    public synchronized void close() {
        invoker.shutdownNow();
    }

    private Invocation failure(String reason, Throwable cause) {
        errors.incrementAndGet();
        lastError = reason;
        log(reason);
        if (cause != null) {
            java.io.StringWriter trace = new java.io.StringWriter();
            cause.printStackTrace(new java.io.PrintWriter(trace));
            log(trace.toString().stripTrailing());
        }
        return new Invocation(null, Optional.of(reason));
    }

    private Object call(Object event, Map<String, Object> eventJson, Context context) throws Exception {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length >= 2 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            InputStream input = new ByteArrayInputStream(JSON.writeValueAsBytes(eventJson));
            if (parameters.length == 3) {
                method.invoke(handler, input, output, context);
            } else {
                method.invoke(handler, input, output);
            }
            return output.toByteArray();
        }
        Object argument = parameters[0].isInstance(event) ? event : JSON.convertValue(eventJson, parameters[0]);
        return parameters.length == 2 ? method.invoke(handler, argument, context) : method.invoke(handler, argument);
    }

    private Method handlerMethod(Class<?> type) {
        String name = definition.handlerMethod().orElse("handleRequest");
        if (definition.handlerMethod().isEmpty() && !RequestHandler.class.isAssignableFrom(type)
                && !RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new TemplateRefusedException(definition.logicalId(), "Handler", definition.handler()
                    + " names only a class, so it must implement RequestHandler or RequestStreamHandler"
                    + " (or name a method: Class::method)");
        }
        Optional<Method> best = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .filter(m -> rank(m) > 0)
                .max(Comparator.comparingInt(LocalFunction::rank));
        Method found = best.orElseThrow(() -> new TemplateRefusedException(definition.logicalId(), "Handler",
                type.getName() + " has no public method " + name + "(Event[, Context]) or "
                        + name + "(InputStream, OutputStream[, Context])"));
        found.setAccessible(true);
        return found;
    }

    /** Higher is preferred; 0 means "not a handler signature". Bridge methods lose to the typed method. */
    private static int rank(Method method) {
        Class<?>[] p = method.getParameterTypes();
        int bridgePenalty = method.isBridge() ? 1 : 0;
        if (p.length == 3 && p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class) {
            return 6 - bridgePenalty;
        }
        if (p.length == 2 && p[0] == InputStream.class && p[1] == OutputStream.class) {
            return 4 - bridgePenalty;
        }
        if (p.length == 2 && p[1] == Context.class) {
            return 10 - bridgePenalty;
        }
        if (p.length == 1) {
            return 8 - bridgePenalty;
        }
        return 0;
    }

    private Object instantiate(Class<?> type) {
        try {
            Constructor<?> withEnvironment = findConstructor(type, Map.class);
            if (withEnvironment != null) {
                return withEnvironment.newInstance(environment);
            }
            Constructor<?> noArgs = findConstructor(type);
            if (noArgs != null) {
                return noArgs.newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new TemplateRefusedException(definition.logicalId(), "Handler", "constructing " + type.getName()
                    + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new TemplateRefusedException(definition.logicalId(), "Handler", "cannot construct "
                    + type.getName() + ": " + e, e);
        }
        throw new TemplateRefusedException(definition.logicalId(), "Handler", type.getName()
                + " needs a public constructor taking Map<String,String> (the function environment) or a public"
                + " no-argument constructor");
    }

    private static Constructor<?> findConstructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private ExecutorService newInvoker() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lambda-" + definition.logicalId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lambda's logger: every line goes to the local cloud's function log, tagged with the function. */
    private final class FunctionLogger implements LambdaLogger {
        @Override
        public void log(String message) {
            LocalFunction.this.log(message.stripTrailing());
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
