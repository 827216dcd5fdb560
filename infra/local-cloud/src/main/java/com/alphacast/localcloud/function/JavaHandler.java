package com.alphacast.localcloud.function;

import com.alphacast.localcloud.template.TemplateRefusedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A function's handler resolved the way the Java Lambda runtime (aws-lambda-java-runtime-interface-client) resolves
 * {@code Handler}, inside the function's own class loader, and driven through JSON only:
 *
 * <ul>
 *   <li>{@code package.Class} must implement {@code RequestStreamHandler} or {@code RequestHandler<I, O>} (whose type
 *       arguments give the event and result types);</li>
 *   <li>{@code package.Class::method} picks among the public overloads of that name: non-bridge methods first, then
 *       longer signatures (a trailing Context counting one extra), and takes the first whose parameters are one of
 *       {@code (InputStream[, OutputStream][, Context])}, {@code (OutputStream[, Context])}, {@code (Event[, Context])},
 *       {@code (Context)} or {@code ()}.</li>
 * </ul>
 *
 * An event parameter receives the event JSON through the runtime's serializer for its type, a result goes back the same
 * way ({@code null} for void); stream handlers read and write the JSON themselves. One instance per execution environment, built
 * with a public {@code Map<String,String>} constructor (the function's environment; the local cloud cannot give each
 * function its own process environment) or else a public no-argument constructor; static methods need none.
 */
final class JavaHandler {

    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    /** What each parameter of the handler method receives. */
    private enum Argument { INPUT_STREAM, OUTPUT_STREAM, CONTEXT, EVENT }

    private final Class<?> handlerClass;
    private final Object instance;
    private final Method method;
    private final List<Argument> arguments;
    private final RuntimeSerialization.Codec event;
    private final Class<?> eventClass;
    private final RuntimeSerialization.Codec result;
    /** The result's class when it can be built empty (a public no-argument constructor), for {@link #rehearseRuntime}. */
    private final Constructor<?> emptyResult;
    private final Class<?> contextType;

    private JavaHandler(Class<?> handlerClass, Object instance, Method method, List<Argument> arguments,
                        RuntimeSerialization.Codec event, Class<?> eventClass, RuntimeSerialization.Codec result,
                        Constructor<?> emptyResult, Class<?> contextType) {
        this.handlerClass = handlerClass;
        this.instance = instance;
        this.method = method;
        this.arguments = arguments;
        this.event = event;
        this.eventClass = eventClass;
        this.result = result;
        this.emptyResult = emptyResult;
        this.contextType = contextType;
    }

    /**
     * Loads, resolves and instantiates the handler of {@code definition} from {@code code}.
     *
     * @throws TemplateRefusedException naming the function and {@code Handler} when the class is missing, has no usable
     *                                  method or constructor, or its constructor fails
     */
    static JavaHandler load(FunctionDefinition definition, Map<String, String> environment, FunctionCode code,
                            RuntimeSerialization serialization) {
        ClassLoader loader = code.classLoader();
        Class<?> type;
        try {
            type = Class.forName(definition.handlerClass(), true, loader);
        } catch (ClassNotFoundException e) {
            throw refuse(definition, "class " + definition.handlerClass() + " is not in the function's code ("
                    + code.location() + ")", e);
        } catch (LinkageError e) {
            throw refuse(definition, "class " + definition.handlerClass() + " cannot be loaded from " + code.location()
                    + " (" + e + ")", e);
        }
        Class<?> contextType = optionalClass(InvocationContext.CONTEXT, loader);
        Resolved resolved = definition.handlerMethod().isPresent()
                ? overload(definition, type, definition.handlerMethod().get(), contextType)
                : interfaceMethod(definition, type, loader, contextType);
        Object instance = Modifier.isStatic(resolved.method().getModifiers()) ? null : instantiate(definition, type, environment);
        RuntimeSerialization.Codec eventCodec = resolved.eventType() == null ? null
                : serialization.codecFor(resolved.eventType());
        RuntimeSerialization.Codec resultCodec = resolved.streaming() || isVoid(resolved.resultType()) ? null
                : serialization.codecFor(resolved.resultType());
        resolved.method().setAccessible(true);
        return new JavaHandler(type, instance, resolved.method(), resolved.arguments(), eventCodec,
                rawClass(resolved.eventType()), resultCodec, resultCodec == null ? null : emptyResult(resolved.resultType()),
                contextType);
    }

    /** The result class's public no-argument constructor, when it is a concrete class other than Object. */
    private static Constructor<?> emptyResult(Type resultType) {
        Class<?> type = rawClass(resultType);
        if (type == Object.class || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        Constructor<?> empty = constructor(type);
        if (empty != null) {
            empty.setAccessible(true);
        }
        return empty;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
    }

    Class<?> handlerClass() {
        return handlerClass;
    }

    /** The function's own Context interface, when its code has one. */
    Optional<Class<?>> contextType() {
        return Optional.ofNullable(contextType);
    }

    /**
     * Calls the handler with the event JSON and returns what Lambda would return to the caller: the bytes a stream
     * handler wrote, or the result serialized as JSON.
     *
     * @throws Exception whatever the handler threw, unwrapped (errors as they are)
     */
    byte[] invoke(byte[] eventJson, Supplier<Object> context) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (arguments.get(i)) {
                case INPUT_STREAM -> new ByteArrayInputStream(eventJson);
                case OUTPUT_STREAM -> output;
                case CONTEXT -> context.get();
                case EVENT -> event.read(eventJson);
            };
        }
        Object returned;
        try {
            returned = method.invoke(instance, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
        if (arguments.contains(Argument.INPUT_STREAM) || arguments.contains(Argument.OUTPUT_STREAM)) {
            return output.toByteArray();
        }
        return result == null ? JSON_NULL : result.write(returned);
    }

    /**
     * What the runtime does around an invocation, {@code rounds} times, without calling the handler: reads an empty
     * event ({@code {}}) with the event's serializer, writes an empty result with the result's, and builds a Context.
     * The first real event would otherwise build those serializers (Jackson's introspection of the event and result
     * classes, whose constructors and accessors it runs) and the Context's proxy classes while it waits. Each part runs
     * on its own, so one the types do not allow leaves the others rehearsed.
     *
     * @return the parts that failed, each with its reason (empty when all ran)
     */
    List<String> rehearseRuntime(int rounds, Supplier<Object> context) {
        List<String> failed = new ArrayList<>();
        if (event != null && readsFromAnObject(eventClass)) {
            repeat(rounds, () -> event.read(EMPTY_EVENT), "reading an empty event", failed);
        }
        if (emptyResult != null) {
            repeat(rounds, () -> result.write(emptyResult.newInstance()), "writing an empty result", failed);
        }
        if (arguments.contains(Argument.CONTEXT)) {
            repeat(rounds, context::get, "building a Context", failed);
        }
        return failed;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void repeat(int rounds, Step step, String part, List<String> failed) {
        try {
            for (int round = 0; round < rounds; round++) {
                step.run();
            }
        } catch (Exception | LinkageError e) {
            failed.add(part + ": " + e);
        }
    }

    /** Event types read from a JSON object; for text, numbers, arrays and collections there is nothing to introspect. */
    private static boolean readsFromAnObject(Class<?> type) {
        return !(type.isPrimitive() || type.isArray() || type == String.class || type == Object.class
                || Number.class.isAssignableFrom(type) || type == Boolean.class || type == Character.class
                || Collection.class.isAssignableFrom(type));
    }

    private record Resolved(Method method, List<Argument> arguments, Type eventType, Type resultType,
                            boolean streaming) {
    }

    private static Resolved interfaceMethod(FunctionDefinition definition, Class<?> type, ClassLoader loader,
                                            Class<?> contextType) {
        Class<?> stream = optionalClass(STREAM_HANDLER, loader);
        Class<?> request = optionalClass(REQUEST_HANDLER, loader);
        try {
            if (stream != null && stream.isAssignableFrom(type)) {
                return new Resolved(stream.getMethod("handleRequest", InputStream.class, OutputStream.class, contextType),
                        List.of(Argument.INPUT_STREAM, Argument.OUTPUT_STREAM, Argument.CONTEXT), null, null, true);
            }
            if (request != null && request.isAssignableFrom(type)) {
                Type[] types = typeArguments(type, request, Map.of());
                if (types == null || Arrays.stream(types).anyMatch(JavaHandler::isUnboundVariable)) {
                    throw refuse(definition, type.getName() + " does not implement RequestHandler with concrete type"
                            + " parameters", null);
                }
                return new Resolved(request.getMethod("handleRequest", Object.class, contextType),
                        List.of(Argument.EVENT, Argument.CONTEXT), types[0], types[1], false);
            }
        } catch (NoSuchMethodException e) {
            throw refuse(definition, "the function's aws-lambda-java-core has no handleRequest method: " + e, e);
        }
        throw refuse(definition, definition.handler() + " names only a class, so it must implement RequestHandler or"
                + " RequestStreamHandler (or name a method: Class::method)", null);
    }

    private static Resolved overload(FunctionDefinition definition, Class<?> type, String name, Class<?> contextType) {
        Method[] methods;
        try {
            methods = type.getMethods();
        } catch (LinkageError e) {
            throw refuse(definition, "cannot read the methods of " + type.getName() + " (" + e + ")", e);
        }
        Comparator<Method> priority = Comparator.<Method>comparingInt(m -> m.isBridge() ? 1 : 0)
                .thenComparingInt(m -> -(m.getParameterCount() + (lastIsContext(m, contextType) ? 1 : 0)));
        return Arrays.stream(methods)
                .filter(m -> m.getName().equals(name))
                .sorted(priority)
                .map(m -> shape(m, contextType))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> refuse(definition, type.getName() + " has no public method " + name
                        + " with a handler signature: (Event[, Context]), (InputStream, OutputStream[, Context]),"
                        + " (InputStream[, Context]), (OutputStream[, Context]), (Context) or ()", null));
    }

    /** The Java runtime's accepted parameter lists; anything else is not a handler overload. */
    private static Optional<Resolved> shape(Method m, Class<?> contextType) {
        Class<?>[] p = m.getParameterTypes();
        Type[] generic = m.getGenericParameterTypes();
        Type result = m.getGenericReturnType();
        boolean[] context = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            context[i] = contextType != null && p[i] == contextType;
        }
        return switch (p.length) {
            case 0 -> Optional.of(new Resolved(m, List.of(), null, result, false));
            case 1 -> {
                if (p[0] == InputStream.class) {
                    yield Optional.of(new Resolved(m, List.of(Argument.INPUT_STREAM), null, null, true));
                } else if (p[0] == OutputStream.class) {
                    yield Optional.of(new Resolved(m, List.of(Argument.OUTPUT_STREAM), null, null, true));
                } else if (context[0]) {
                    yield Optional.of(new Resolved(m, List.of(Argument.CONTEXT), null, result, false));
                }
                yield Optional.of(new Resolved(m, List.of(Argument.EVENT), generic[0], result, false));
            }
            case 2 -> {
                if (p[0] == OutputStream.class && context[1]) {
                    yield Optional.of(new Resolved(m, List.of(Argument.OUTPUT_STREAM, Argument.CONTEXT), null, null, true));
                } else if (p[0] == InputStream.class && p[1] == OutputStream.class) {
                    yield Optional.of(new Resolved(m, List.of(Argument.INPUT_STREAM, Argument.OUTPUT_STREAM), null, null,
                            true));
                } else if (p[0] == InputStream.class && context[1]) {
                    yield Optional.of(new Resolved(m, List.of(Argument.INPUT_STREAM, Argument.CONTEXT), null, null, true));
                } else if (!context[0] && p[0] != InputStream.class && p[0] != OutputStream.class && context[1]) {
                    yield Optional.of(new Resolved(m, List.of(Argument.EVENT, Argument.CONTEXT), generic[0], result,
                            false));
                }
                yield Optional.empty();
            }
            case 3 -> p[0] == InputStream.class && p[1] == OutputStream.class && context[2]
                    ? Optional.of(new Resolved(m, List.of(Argument.INPUT_STREAM, Argument.OUTPUT_STREAM,
                            Argument.CONTEXT), null, null, true))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean lastIsContext(Method m, Class<?> contextType) {
        Class<?>[] p = m.getParameterTypes();
        return contextType != null && p.length > 0 && p[p.length - 1] == contextType;
    }

    /** The type arguments {@code type} gives {@code target} (e.g. RequestHandler's I and O), following superclasses. */
    private static Type[] typeArguments(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = rawClass(type);
        Map<TypeVariable<?>, Type> own = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] actual = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                own.put(variables[i], actual[i] instanceof TypeVariable<?> v ? bindings.getOrDefault(v, v) : actual[i]);
            }
        }
        if (raw == target) {
            return Arrays.stream(raw.getTypeParameters()).map(v -> own.getOrDefault(v, v)).toArray(Type[]::new);
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = typeArguments(parent, target, own);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : typeArguments(superclass, target, own);
    }

    private static boolean isUnboundVariable(Type type) {
        return type instanceof TypeVariable<?> v && Arrays.stream(v.getBounds()).allMatch(b -> b == Object.class);
    }

    private static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }

    private static Object instantiate(FunctionDefinition definition, Class<?> type, Map<String, String> environment) {
        try {
            Constructor<?> withEnvironment = constructor(type, Map.class);
            if (withEnvironment != null) {
                return withEnvironment.newInstance(environment);
            }
            Constructor<?> noArguments = constructor(type);
            if (noArguments != null) {
                return noArguments.newInstance();
            }
        } catch (InvocationTargetException e) {
            throw refuse(definition, "constructing " + type.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw refuse(definition, "cannot construct " + type.getName() + ": " + e, e);
        }
        throw refuse(definition, type.getName() + " needs a public constructor taking Map<String,String> (the function"
                + " environment) or a public no-argument constructor", null);
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Class<?> optionalClass(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static TemplateRefusedException refuse(FunctionDefinition definition, String reason, Throwable cause) {
        return new TemplateRefusedException(definition.logicalId(), "Handler", reason, cause);
    }
}
