package com.alphacast.worker.replay;

import com.alphacast.feeds.replay.LeanZipReplay;
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
 * hftbacktest files, cryptofeed captures that open with the stream URL, JSON lines), a CBOE option chain (the
 * {@code quotedata.csv} export, whose first line carries {@code Last:}, or the delayed-quotes JSON with its
 * {@code "options"} array), Lean equity zips (a {@code .zip} holding a CSV named in Lean's layout,
 * {@code 20131007_spy_Trade_Tick.csv}), Databento DBN files ({@code .dbn}, {@code .dbn.zst}) or a trades CSV.
 */
public enum RecordingFormat {
    BINANCE_CAPTURE,
    CBOE_CHAIN,
    LEAN_ZIP,
    TRADES_CSV,
    /** Databento DBN, plain or zstd ({@code .dbn}, {@code .dbn.zst}). */
    DATABENTO_DBN;

    /** How far into a JSON document the {@code "options"} key of a CBOE chain is looked for. */
    private static final int JSON_PEEK = 4096;

    public static RecordingFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".dbn") || name.endsWith(".dbn.zst")) {
            return DATABENTO_DBN;
        }
        if (name.endsWith(".zip")) {
            if (!LeanZipReplay.isLeanZip(file)) {
                throw new IllegalArgumentException(file + ": a zip without a Lean equity CSV (expected entries such as "
                        + "20131007_spy_Trade_Tick.csv or 20131007_spy_second_quote.csv)");
            }
            return LEAN_ZIP;
        }
        if (name.endsWith(".gz") || name.endsWith(".capture") || name.endsWith(".jsonl")) {
            return BINANCE_CAPTURE;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String first = in.readLine();
            // CBOE's CSV exports open with a blank line
            while (first != null && first.isBlank()) {
                first = in.readLine();
            }
            if (first == null) {
                throw new IllegalArgumentException(file + ": empty recording, nothing to replay");
            }
            String line = first.strip();
            String head = line.substring(0, Math.min(line.length(), JSON_PEEK));
            if (head.startsWith("{") && (head.contains("\"options\"")
                    || head.matches("\\{\\s*\"timestamp\"[\\s\\S]*"))) {
                return CBOE_CHAIN;
            }
            if (line.contains(",Last:")) {
                return CBOE_CHAIN;
            }
            return line.startsWith("{") || line.startsWith("wss://") || line.startsWith("https://")
                    || line.contains("\"stream\"") ? BINANCE_CAPTURE : TRADES_CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }
}
