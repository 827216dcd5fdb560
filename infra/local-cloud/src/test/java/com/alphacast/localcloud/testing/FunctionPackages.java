package com.alphacast.localcloud.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds deployment packages the way a function's build would, from compiled test classes: the handler's classes at
 * the root and, under {@code lib/}, the jars a Java function ships (aws-lambda-java-core, aws-lambda-java-events and its
 * joda-time), taken from the test classpath.
 */
public final class FunctionPackages {

    private FunctionPackages() {
    }

    /** An exploded package: {@code directory/<classes>} and {@code directory/lib/*.jar}. */
    public static Path exploded(Path directory, Class<?> handler) throws IOException {
        for (Path file : classFiles(handler)) {
            Path target = directory.resolve(classesRoot(handler).relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        Files.createDirectories(directory.resolve("lib"));
        for (Path jar : libraries()) {
            Files.copy(jar, directory.resolve("lib").resolve(jar.getFileName()));
        }
        return directory;
    }

    /** A single jar: the classes at its root and the libraries as nested {@code lib/*.jar} entries. */
    public static Path jar(Path file, Class<?> handler) throws IOException {
        Files.createDirectories(file.getParent());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            for (Path classFile : classFiles(handler)) {
                add(jar, classesRoot(handler).relativize(classFile).toString().replace('\\', '/'), classFile);
            }
            for (Path library : libraries()) {
                add(jar, "lib/" + library.getFileName(), library);
            }
        }
        return file;
    }

    private static void add(JarOutputStream jar, String name, Path file) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        Files.copy(file, jar);
        jar.closeEntry();
    }

    private static List<Path> classFiles(Class<?> handler) throws IOException {
        Path packageDirectory = classesRoot(handler).resolve(handler.getPackageName().replace('.', '/'));
        String prefix = handler.getSimpleName();
        try (Stream<Path> files = Files.list(packageDirectory)) {
            return files.filter(f -> f.getFileName().toString().equals(prefix + ".class")
                    || f.getFileName().toString().startsWith(prefix + "$")).toList();
        }
    }

    private static List<Path> libraries() {
        List<Path> jars = new ArrayList<>();
        for (Class<?> type : List.of(Context.class, SQSEvent.class, org.joda.time.DateTime.class)) {
            jars.add(location(type));
        }
        return jars;
    }

    private static Path classesRoot(Class<?> type) {
        return location(type);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
