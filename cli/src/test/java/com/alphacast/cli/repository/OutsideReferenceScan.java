package com.alphacast.cli.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds every line of a source tree that points at the folder developers once kept beside the repository (its data
 * and notes) or at the property and variable that located it. A user's clone has no such folder, so any such line is a
 * build, test or run that works only on our machines. Build output, VCS metadata, IDE folders and the demo's output
 * are skipped; binary files (a NUL byte in the first 8 KiB) are skipped too.
 */
final class OutsideReferenceScan {

    /** Where a line reaches outside the repository. {@code line} counts from 1. */
    record OutsideReference(Path file, int line, String needle, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": '" + needle + "' in: " + text.strip();
        }
    }

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".alphacast", ".idea", "node_modules");

    private final List<String> needles;

    OutsideReferenceScan(List<String> needles) {
        if (needles.isEmpty()) {
            throw new IllegalArgumentException("at least one needle is needed");
        }
        this.needles = List.copyOf(needles);
    }

    /** The folder's old paths, property and environment variable, assembled so this file does not contain them. */
    static OutsideReferenceScan sharedFolder() {
        String folder = "sha" + "red";
        return new OutsideReferenceScan(List.of("../" + folder, folder + "/data", folder + "/notes",
                "alphacast." + folder + ".data", "ALPHACAST_" + folder.toUpperCase() + "_DATA"));
    }

    /** Every offending line under {@code root}, files in path order. */
    List<OutsideReference> scan(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    boolean skipped = !dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // A worktree's .git is a file, not a folder.
                    if (attributes.isRegularFile() && !file.getFileName().toString().equals(".git")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
        files.sort(null);
        List<OutsideReference> found = new ArrayList<>();
        for (Path file : files) {
            scanFile(root, file, found);
        }
        return found;
    }

    private void scanFile(Path root, Path file, List<OutsideReference> found) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return;
            }
        }
        // ISO-8859-1 maps every byte to one char, so any encoding decodes and the ASCII needles still match.
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String needle : needles) {
                if (lines[i].contains(needle)) {
                    found.add(new OutsideReference(root.relativize(file), i + 1, needle, lines[i]));
                }
            }
        }
    }
}
