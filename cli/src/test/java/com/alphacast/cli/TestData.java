package com.alphacast.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real third-party data the cli tests read: the repository's {@code testdata/} folder (system property
 * {@value #TESTDATA}) and the demo's ES session in {@code data/demo/} (under {@value #PROJECT_ROOT}). The root
 * pom's surefire configuration sets both; without them the tests fail here, naming what is missing.
 */
public final class TestData {

    public static final String TESTDATA = "alphacast.testdata";
    public static final String PROJECT_ROOT = "alphacast.project.root";

    private TestData() {
    }

    /** The {@code testdata/} folder itself. */
    public static Path folder() {
        return folder(TESTDATA, "the repository's testdata/ folder");
    }

    /** A file of {@code testdata/}, e.g. {@code options/spy_quotedata_2025-09-25.csv}. */
    public static Path file(String relative) {
        return existing(folder().resolve(relative));
    }

    /** The real E-mini S&P 500 session the demo replays (tests share the demo's copy rather than keep a second). */
    public static Path esSession() {
        return existing(projectRoot().resolve("data/demo/es_trades_2011-07-31.csv"));
    }

    /** The project root (the folder holding the root pom). */
    public static Path projectRoot() {
        return folder(PROJECT_ROOT, "the project root");
    }

    private static Path folder(String property, String expected) {
        String configured = System.getProperty(property);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; it must point at "
                    + expected + " (the root pom sets it: run Maven from the project root)");
        }
        Path folder = Path.of(configured);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("system property " + property + " = " + folder.toAbsolutePath()
                    + " is not a directory; it must point at " + expected);
        }
        return folder;
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test data file missing: " + file.toAbsolutePath());
        }
        return file;
    }
}
