package com.alphacast.cli.analyze;

import com.alphacast.core.feed.InputLines;
import com.alphacast.core.text.TerminalText;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens input files, turning "not there" into an input error that names the file. */
final class InputFiles {

    private InputFiles() {
    }

    static Reader open(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(TerminalText.excerpt(file) + ": not a valid file name");
        }
        if (!Files.exists(path)) {
            throw new InputException(TerminalText.excerpt(file) + ": no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InputException(TerminalText.excerpt(file) + ": not a readable file");
        }
        try {
            // strict UTF-8 that reports the line and column of a bad byte (see InputLines)
            return InputLines.utf8(new BufferedInputStream(Files.newInputStream(path)));
        } catch (IOException e) {
            throw new InputException(TerminalText.excerpt(file) + ": cannot open (" + e.getMessage() + ")");
        }
    }
}
