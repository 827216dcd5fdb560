package com.alphacast.fakes.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared data directory holding the platforms' official specs. */
public final class SharedData {

    public static final String PROPERTY = "alphacast.shared.data";

    private SharedData() {
    }

    /** From system property {@value #PROPERTY}, else {@code ../shared/data}; fails naming both when absent. */
    public static Path directory() {
        String property = System.getProperty(PROPERTY);
        Path path = property != null && !property.isBlank() ? Path.of(property) : Path.of("../shared/data");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("shared data directory " + path.toAbsolutePath()
                    + " does not exist; set -D" + PROPERTY + "=<dir> (it holds telegram/, discord/ and x/ specs)");
        }
        return path;
    }

    public static Path require(Path directory, String relative) {
        Path file = directory.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("spec file " + file.toAbsolutePath() + " is missing");
        }
        return file;
    }
}
