package com.alphacast.worker.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which recorded format a file holds, so {@code --replay PATH} needs no format flag: Binance captures (gzipped
 * hftbacktest files, cryptofeed captures that open with the stream URL, JSON lines) or a trades CSV.
 */
public enum RecordingFormat {
    BINANCE_CAPTURE,
    TRADES_CSV;

    public static RecordingFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz") || name.endsWith(".capture") || name.endsWith(".jsonl")) {
            return BINANCE_CAPTURE;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String first = in.readLine();
            if (first == null) {
                throw new IllegalArgumentException(file + ": empty recording, nothing to replay");
            }
            String line = first.strip();
            return line.startsWith("{") || line.startsWith("wss://") || line.startsWith("https://")
                    || line.contains("\"stream\"") ? BINANCE_CAPTURE : TRADES_CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }
}
