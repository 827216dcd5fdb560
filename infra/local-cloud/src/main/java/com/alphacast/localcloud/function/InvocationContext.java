package com.alphacast.localcloud.function;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The {@code Context} of one invocation, as an instance of the function's own
 * {@code com.amazonaws.services.lambda.runtime.Context} (the local cloud's classes are invisible to the function, so it
 * is a {@link Proxy} defined in the function's class loader): a fresh request id, the remaining time until the
 * function's Timeout, and a {@code LambdaLogger} feeding the function log. Methods the interface implements itself
 * (later additions such as tenant or trace ids) keep their default behaviour.
 */
final class InvocationContext {

    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private InvocationContext() {
    }

    /** A new context for one invocation of {@code function}, whose Context interface is {@code contextType}. */
    static Object create(FunctionDefinition function, Class<?> contextType, Consumer<String> log) {
        ClassLoader loader = contextType.getClassLoader();
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loadLogger(loader)}, loggerHandler(log));
        String requestId = UUID.randomUUID().toString();
        long deadlineMillis = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
        String logStream = LocalDate.now().toString().replace('-', '/') + "/[$LATEST]local";
        InvocationHandler handler = (self, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> requestId;
            case "getLogGroupName" -> "/aws/lambda/" + function.functionName();
            case "getLogStreamName" -> logStream;
            case "getFunctionName" -> function.functionName();
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> function.functionArn();
            case "getIdentity", "getClientContext" -> null;
            case "getRemainingTimeInMillis" -> (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
            case "getMemoryLimitInMB" -> function.memorySizeMb();
            case "getLogger" -> logger;
            default -> common(self, method, args, "Context of " + function.functionName() + " (" + requestId + ")");
        };
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, handler);
    }

    private static Class<?> loadLogger(ClassLoader loader) {
        try {
            return Class.forName(LOGGER, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the function's package has " + CONTEXT + " but not " + LOGGER, e);
        }
    }

    /** LambdaLogger: {@code log(String)} and {@code log(byte[])}; the level-taking defaults delegate to them. */
    private static InvocationHandler loggerHandler(Consumer<String> log) {
        return (self, method, args) -> {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getName().equals("log") && parameters.length == 1 && !method.isDefault()) {
                Object message = args[0];
                String text = message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : String.valueOf(message);
                log.accept(text.stripTrailing());
                return null;
            }
            return common(self, method, args, "LambdaLogger");
        };
    }

    private static Object common(Object self, Method method, Object[] args, String description) throws Throwable {
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(self, method, args);
        }
        return switch (method.getName()) {
            case "toString" -> description;
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException(method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " is not provided by the local cloud");
        };
    }
}
