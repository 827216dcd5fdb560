package com.alphacast.localcloud.function;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * JSON ⇄ a function's own types, done the way the Java Lambda runtime does it: with aws-lambda-java-serialization (its
 * shaded Jackson, the mixins that map {@code Records}, {@code eventSourceARN}, …, the Joda/Date modules built against
 * the function's class loader). A type the library knows as a Lambda event gets its event serializer, anything else
 * the runtime's POJO serializer.
 *
 * <p>Each function gets its own copy of the library, in a class loader holding only that library: the library keeps
 * static caches keyed by the types it has seen, and those must die with the function's class loader instead of
 * pinning every stack's classes for the life of the JVM.
 */
final class RuntimeSerialization implements AutoCloseable {

    private static final String EVENT_SERIALIZERS = LambdaEventSerializers.class.getName();
    private static final String JACKSON_FACTORY =
            "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory";
    private static final String POJO_SERIALIZER = "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer";

    private final URLClassLoader function;
    private final URLClassLoader library;
    private final Method isLambdaEvent;
    private final Method eventSerializer;
    private final Object pojoFactory;
    private final Method pojoSerializer;
    private final Method fromJson;
    private final Method toJson;

    RuntimeSerialization(ClassLoader function) {
        this.function = withRuntimeJodaTime(function);
        URL location = LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation();
        this.library = new URLClassLoader("lambda-runtime-serialization", new URL[] {location},
                ClassLoader.getPlatformClassLoader());
        try {
            Class<?> events = library.loadClass(EVENT_SERIALIZERS);
            Class<?> jackson = library.loadClass(JACKSON_FACTORY);
            Class<?> serializer = library.loadClass(POJO_SERIALIZER);
            this.isLambdaEvent = events.getMethod("isLambdaSupportedEvent", String.class);
            this.eventSerializer = events.getMethod("serializerFor", Class.class, ClassLoader.class);
            this.pojoFactory = jackson.getMethod("getInstance").invoke(null);
            this.pojoSerializer = jackson.getMethod("getSerializer", Type.class);
            this.fromJson = serializer.getMethod("fromJson", InputStream.class);
            this.toJson = serializer.getMethod("toJson", Object.class, OutputStream.class);
        } catch (ReflectiveOperationException e) {
            close();
            throw new IllegalStateException("aws-lambda-java-serialization at " + location + " is not usable: " + e, e);
        }
    }

    /** The serializer the Java runtime would pick for a handler's parameter or return type. */
    Codec codecFor(Type type) {
        try {
            Object serializer = type instanceof Class<?> c && (boolean) isLambdaEvent.invoke(null, c.getName())
                    ? eventSerializer.invoke(null, c, function)
                    : pojoSerializer.invoke(pojoFactory, type);
            return new Codec(serializer, type);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("no JSON serializer for " + type.getTypeName() + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            library.close();
            function.close();
        } catch (IOException e) {
            // Read-only jars; nothing to recover.
        }
    }

    /**
     * The library binds its date module to {@code org.joda.time.DateTime} as the function's class loader resolves it,
     * and fails without one; Lambda runs functions whose package leaves joda-time out (the project's jars do: SQS events
     * carry no dates), so the runtime's joda-time is the fallback. The function's own joda-time, if it has one, wins
     * (parent first), and its event classes always come from its own loader.
     */
    private static URLClassLoader withRuntimeJodaTime(ClassLoader function) {
        URL jodaTime = org.joda.time.DateTime.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader("lambda-runtime-joda-time", new URL[] {jodaTime}, function);
    }

    /** JSON ⇄ one type of the function. */
    final class Codec {
        private final Object serializer;
        private final Type type;

        private Codec(Object serializer, Type type) {
            this.serializer = serializer;
            this.type = type;
        }

        Object read(byte[] json) {
            try {
                return fromJson.invoke(serializer, new ByteArrayInputStream(json));
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("the event JSON does not map to " + type.getTypeName() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] write(Object value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                toJson.invoke(serializer, value, out);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the handler's result (" + type.getTypeName()
                        + ") cannot be written as JSON: " + e.getCause().getMessage(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }
    }
}
