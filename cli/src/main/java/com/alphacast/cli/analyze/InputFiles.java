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
            java.io.InputStream in = new BufferedInputStream(Files.newInputStream(path));
            if (file.endsWith(".gz")) {
                in = new java.util.zip.GZIPInputStream(in, 1 << 16); // the hftbacktest captures are gzip text
            }
            return InputLines.utf8(in);
        } catch (IOException e) {
            throw new InputException(TerminalText.excerpt(file) + ": cannot open (" + e.getMessage() + ")");
        }
    }
}
