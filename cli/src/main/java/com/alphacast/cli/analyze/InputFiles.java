package com.alphacast.cli.analyze;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens input files, turning "not there" into an input error that names the file. */
final class InputFiles {

    private InputFiles() {
    }

    static Reader open(String file) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new InputException(file + ": no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InputException(file + ": not a readable file");
        }
        try {
            return Files.newBufferedReader(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot open (" + e.getMessage() + ")");
        }
    }
}
