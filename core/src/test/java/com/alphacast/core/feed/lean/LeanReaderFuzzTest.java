package com.alphacast.core.feed.lean;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.fuzz.FuzzTries;
import com.alphacast.core.fuzz.InputMutator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Mutated real Lean lines through the readers as a replay uses them (bad lines collected, reading goes on): every row
 * read keeps the readers' invariants and every bad line is an {@link InputFormatException} naming the source and a
 * real line, in one short line; nothing else is thrown.
 */
class LeanReaderFuzzTest {

    private static final LocalDate OCT_7 = LocalDate.of(2013, 10, 7);
    private static final String TICKS = head("lean/equity/usa/tick/spy/20131007_trade.zip", 300);
    private static final String SECONDS = head("lean/equity/usa/second/spy/20131007_trade.zip", 300);
    private static final String QUOTES = head("lean/equity/usa/second/spy/20131007_quote.zip", 300);

    private final LeanEquityReader reader = LeanEquityReader.newYork();

    private static String head(String zip, int lines) {
        try (ZipFile file = new ZipFile(TestData.file(zip).toFile());
             InputStream in = file.getInputStream(file.entries().nextElement())) {
            String text = new String(in.readNBytes(200_000), StandardCharsets.UTF_8);
            int at = 0;
            for (int i = 0; i < lines; i++) {
                at = text.indexOf('\n', at) + 1;
            }
            return text.substring(0, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mutated(String input, java.util.SplittableRandom random) {
        return InputMutator.mutate(input, random, random.nextInt(1, 7));
    }

    @Test
    void mutatedTickFilesReadCorrectlyOrNameTheBadLine() {
        new FuzzTries("mutated Lean ticks", 30_000, 150).check(random -> mutated(TICKS, random), input -> {
            List<LeanTick> ticks = new ArrayList<>();
            List<InputFormatException> bad = new ArrayList<>();
            reader.forEachTick(new StringReader(input), "ticks.csv", OCT_7, ticks::add, bad::add);
            long last = Long.MIN_VALUE;
            for (LeanTick tick : ticks) {
                assertThat(tick.price()).isPositive().isFinite();
                assertThat(tick.size()).isPositive();
                assertThat(tick.epochMillis()).isGreaterThanOrEqualTo(last);
                last = tick.epochMillis();
            }
            badLinesAreNamed(bad, input);
        });
    }

    @Test
    void mutatedBarFilesReadCorrectlyOrNameTheBadLine() {
        new FuzzTries("mutated Lean second bars", 31_000, 100).check(random -> mutated(SECONDS, random), input -> {
            List<LeanTradeBar> bars = new ArrayList<>();
            List<InputFormatException> bad = new ArrayList<>();
            reader.forEachTradeBar(new StringReader(input), "bars.csv", OCT_7, bars::add, bad::add);
            for (LeanTradeBar bar : bars) {
                assertThat(bar.low()).isPositive().isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
                assertThat(bar.high()).isFinite().isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
                assertThat(bar.volume()).isNotNegative();
            }
            badLinesAreNamed(bad, input);
        });
        new FuzzTries("mutated Lean quote bars", 32_000, 100).check(random -> mutated(QUOTES, random), input -> {
            List<LeanQuoteBar> quotes = new ArrayList<>();
            List<InputFormatException> bad = new ArrayList<>();
            reader.forEachQuoteBar(new StringReader(input), "quotes.csv", OCT_7, quotes::add, bad::add);
            for (LeanQuoteBar quote : quotes) {
                assertThat(Double.isNaN(quote.bidClose()) || quote.bidClose() > 0).isTrue();
                assertThat(Double.isInfinite(quote.askClose())).isFalse();
            }
            badLinesAreNamed(bad, input);
        });
    }

    private static void badLinesAreNamed(List<InputFormatException> bad, String input) {
        long lines = input.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        for (InputFormatException e : bad) {
            assertThat(e.getMessage()).startsWith(e.source() + ":" + e.line() + ":").doesNotContain("\n")
                    .hasSizeLessThan(1_000);
            assertThat(e.line()).isBetween(1L, lines);
        }
    }
}
