package com.alphacast.localcloud.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The classes one function runs with. From a deployment package (the template's {@code CodeUri}) they are loaded the
 * way the Java Lambda runtime loads them: the package's root, then its {@code lib/*.jar} in name order, in a class
 * loader of their own whose parent is the platform class loader, so the function sees the JDK and its package and
 * nothing of the local cloud. Tests whose handlers live on their own classpath may share a class loader instead
 * ({@link #sharedClassLoader}).
 */
public final class FunctionCode implements AutoCloseable {

    private final ClassLoader classLoader;
    private final String location;
    private final boolean owned;
    private final Path unpackedLibraries;

    private FunctionCode(ClassLoader classLoader, String location, boolean owned, Path unpackedLibraries) {
        this.classLoader = classLoader;
        this.location = location;
        this.owned = owned;
        this.unpackedLibraries = unpackedLibraries;
    }

    /**
     * Opens a deployment package: a {@code .jar}/{@code .zip} file or an exploded directory.
     *
     * @throws FunctionPackageMissingException when nothing exists at {@code packagePath}
     */
    public static FunctionCode openPackage(String functionLogicalId, String codeUri, Path packagePath) {
        Path path = packagePath.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new FunctionPackageMissingException(functionLogicalId, codeUri, path);
        }
        List<URL> classpath = new ArrayList<>();
        Path unpacked = null;
        try {
            classpath.add(path.toUri().toURL());
            if (Files.isDirectory(path)) {
                classpath.addAll(jarsIn(path.resolve("lib")));
            } else {
                unpacked = unpackLibraries(path);
                if (unpacked != null) {
                    classpath.addAll(jarsIn(unpacked));
                }
            }
        } catch (IOException e) {
            deleteQuietly(unpacked);
            throw new UncheckedIOException("cannot open the package of function " + functionLogicalId + " at " + path
                    + ": " + e.getMessage(), e);
        }
        URLClassLoader loader = new URLClassLoader("function-" + functionLogicalId, classpath.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        return new FunctionCode(loader, path.toString(), true, unpacked);
    }

    /**
     * Handler classes from a class loader the caller owns (a test's own classpath): not isolated from the caller, and
     * not closed with the function. Production paths open the function's package instead.
     */
    public static FunctionCode sharedClassLoader(ClassLoader classLoader) {
        return new FunctionCode(classLoader, "class loader " + classLoader.getName(), false, null);
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Where the classes come from, for messages. */
    public String location() {
        return location;
    }

    /** Closes the function's own class loader (never a shared one) and deletes what was unpacked for it. */
    @Override
    public void close() {
        if (owned && classLoader instanceof URLClassLoader own) {
            try {
                own.close();
            } catch (IOException e) {
                // The package was only read; nothing is lost if a file handle outlives the stack.
            }
        }
        deleteQuietly(unpackedLibraries);
    }

    @Override
    public String toString() {
        return location;
    }

    private static List<URL> jarsIn(Path directory) throws MalformedURLException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jars;
    }

    /**
     * Lambda unpacks a package and puts its {@code lib/*.jar} on the classpath; a class loader cannot read a jar inside a
     * jar, so those (and only those) are copied out. Returns null when the package has none.
     */
    private static Path unpackLibraries(Path archive) throws IOException {
        Path directory = null;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith("lib/") || !name.endsWith(".jar")
                        || name.indexOf('/', 4) >= 0) {
                    continue;
                }
                if (directory == null) {
                    directory = Files.createTempDirectory("alphacast-function-lib");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, directory.resolve(name.substring(4)), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            deleteQuietly(directory);
            throw e;
        }
        return directory;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
