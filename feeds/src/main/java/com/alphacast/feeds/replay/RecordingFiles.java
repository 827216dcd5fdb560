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

/** Opens recordings as strict UTF-8 text, or as their bytes, gunzipping {@code .gz} files (the hftbacktest captures). */
final class RecordingFiles {

    private RecordingFiles() {
    }

    static Reader open(Path file) {
        return InputLines.utf8(new BufferedInputStream(openBytes(file), 1 << 16));
    }

    /** The file's bytes, gunzipped if it ends in {@code .gz}; for decoders that read bytes into their own buffer. */
    static InputStream openBytes(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": no such readable recording");
        }
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return in;
        } catch (IOException e) {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new UncheckedIOException(file + ": cannot open", e);
        }
    }
}
