package com.alphacast.localcloud.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary project home for tests whose local cloud is built in a static initializer (before JUnit's
 * {@code @TempDir} exists) and for the benches: created under the system temp directory and deleted, with everything
 * the functions wrote into it, when the JVM exits. Without this every build left {@code alphacast-*} directories behind.
 */
public final class TemporaryHome {

    private TemporaryHome() {
    }

    public static Path create(String prefix) {
        try {
            Path home = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(home), "delete " + home));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary home", e);
        }
    }

    /** Deletes {@code home} and everything below it; only ever called on a directory {@link #create} made. */
    static void delete(Path home) {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete the temporary home " + home + ": " + e.getMessage());
        }
    }
}
