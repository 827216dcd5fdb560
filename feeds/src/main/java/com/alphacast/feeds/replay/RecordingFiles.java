package com.alphacast.feeds.replay;

import com.alphacast.core.feed.InputLines;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens recordings as strict UTF-8 text, gunzipping {@code .gz} files (the hftbacktest captures). */
final class RecordingFiles {

    private RecordingFiles() {
    }

    static Reader open(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": no such readable recording");
        }
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return InputLines.utf8(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot open", e);
        }
    }
}
