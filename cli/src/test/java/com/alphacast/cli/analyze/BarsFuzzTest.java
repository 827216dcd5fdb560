package com.alphacast.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.cli.Alphacast;
import com.alphacast.cli.ExitCode;
import com.alphacast.core.fuzz.FuzzTries;
import com.alphacast.core.fuzz.InputMutator;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Mutated bar files through {@code ./alphacast analyze vpin --bars}, end to end: each try exits 0 with VPIN values in
 * [0, 1], or exits 65 with one short terminal-safe line naming the file. The bars are the real ES session's one-minute
 * bars (the demo data), written the way a charting export would, with 1 to 5 mutations ({@code core}'s
 * {@link InputMutator}) from fixed seeds ({@link FuzzTries}).
 */
class BarsFuzzTest {

    private static final String BARS = minuteBars(LocalCloudExtension.projectRoot()
            .resolve("data/demo/es_trades_2011-07-31.csv"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String minuteBars(Path trades) {
        StringBuilder out = new StringBuilder("time,open,high,low,close,volume\n");
        try {
            List<String> lines = Files.readAllLines(trades);
            String minute = null;
            double open = 0;
            double high = 0;
            double low = 0;
            double close = 0;
            long volume = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (f.length < 3) {
                    continue;
                }
                String m = f[0].substring(0, 16);
                double price = Double.parseDouble(f[1]);
                if (!m.equals(minute)) {
                    if (minute != null) {
                        out.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%d%n", minute, open, high, low,
                                close, volume));
                    }
                    minute = m;
                    open = price;
                    high = price;
                    low = price;
                    volume = 0;
                }
                high = Math.max(high, price);
                low = Math.min(low, price);
                close = price;
                volume += Long.parseLong(f[2]);
            }
            return out.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void mutatedBarFilesGiveVpinOrOneClearError() {
        new FuzzTries("mutated bar file", 50_000, 200)
                .check(random -> InputMutator.mutate(BARS, random, random.nextInt(1, 6)), this::vpinOrOneClearError);
    }

    private void vpinOrOneClearError(String input) throws IOException {
        Path file = Files.createTempFile("bars-fuzz", ".csv");
        try {
            Files.writeString(file, input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long started = System.nanoTime();
            int code = new Alphacast().run(List.of("analyze", "vpin", "--bars", file.toString(), "--close", "close",
                            "--volume", "volume", "--time", "time", "--window", "5", "--sigma-window", "5"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat((System.nanoTime() - started) / 1e9).isLessThan(2.0);
            String error = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(error).isIn(ExitCode.OK, ExitCode.INPUT);
            if (code == ExitCode.OK) {
                JsonNode series = JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("series");
                for (JsonNode bar : series) {
                    JsonNode vpin = bar.get("vpin");
                    assertThat(vpin.isNull() || (vpin.asDouble() >= 0 && vpin.asDouble() <= 1)).as(bar.toString())
                            .isTrue();
                }
            } else {
                assertThat(error).startsWith("analyze vpin: " + file).hasSizeLessThan(1_000)
                        .doesNotContain("\u001b").doesNotContain("internal error");
                assertThat(error.strip().lines().count()).isEqualTo(1);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
