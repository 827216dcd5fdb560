package com.alphacast.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.binance.BinanceCaptureReader;
import com.alphacast.core.feed.binance.CapturedMessage;
import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.options.OptionContract;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated real inputs (the fixtures the other tests read) through every core reader: each try either reads a result
 * that satisfies the reader's invariants or fails with an {@link InputFormatException} naming file, line and column
 * in one short, terminal-safe line. Any other exception, or a try slower than two seconds, fails the property.
 * Each input gets 1 to 6 mutations ({@link InputMutator}); the seeds are fixed ({@link FuzzTries}).
 */
class ReaderFuzzTest {

    /** The head of the real SPY chain (header and 300 rows): every structure of the file, fast enough to fuzz. */
    private static final String CHAIN = firstLines(read(TestData.file("options/spy_quotedata_2025-09-25.csv")), 304);
    /** The first 400 trades of the real ES session. */
    private static final String TRADES = firstLines(read(TestData.esSession()), 400);
    private static final String SNAPSHOTS = read(TestData.file("orderbook/binance_spot_depth_snapshots.capture"));
    private static final String STREAM = firstLines(read(TestData.file("orderbook/binance_spot_stream.capture")), 400);

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLines(String text, int lines) {
        int at = 0;
        for (int i = 0; i < lines && at >= 0; i++) {
            at = text.indexOf('\n', at + 1);
        }
        return at < 0 ? text : text.substring(0, at + 1);
    }

    private static void withinTwoSeconds(long started) {
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(2.0);
    }

    private static String mutated(String input, SplittableRandom random) {
        return InputMutator.mutate(input, random, random.nextInt(1, 7));
    }

    @Test
    void mutatedCboeChainsParseCorrectlyOrFailClearly() {
        new FuzzTries("mutated CBOE chain", 10_000, 200).check(random -> mutated(CHAIN, random), this::chain);
    }

    private void chain(String input) {
        long started = System.nanoTime();
        try {
            CboeQuoteData data = new CboeQuoteDataParser().parse(new StringReader(input), "chain.csv");
            assertThat(data.chain().spot()).isPositive().isFinite();
            for (OptionContract c : data.chain().contracts()) {
                assertThat(c.openInterest()).isNotNegative();
                assertThat(c.symbol().strikeValue()).isPositive();
                assertThat(Double.isInfinite(c.gamma()) || Double.isInfinite(c.impliedVol()) || Double.isInfinite(c.delta()))
                        .isFalse();
            }
            assertThat(data.chain().contracts().stream().map(c -> c.symbol().toString()).distinct().count())
                    .isEqualTo(data.chain().contracts().size());
        } catch (InputFormatException e) {
            ErrorMessages.assertClear(e, "chain.csv", input);
        }
        withinTwoSeconds(started);
    }

    @Test
    void mutatedTradeFilesReadInOrderOrFailClearly() {
        new FuzzTries("mutated trade file", 20_000, 200).check(random -> mutated(TRADES, random), this::trades);
    }

    private void trades(String input) {
        long started = System.nanoTime();
        try {
            List<TradeRow> rows = new TradeCsvReader("ES").read(new StringReader(input), "trades.csv");
            long last = Long.MIN_VALUE;
            for (TradeRow r : rows) {
                assertThat(r.trade().price()).isPositive().isFinite();
                assertThat(r.trade().size()).isPositive();
                assertThat(r.trade().epochMillis()).isGreaterThanOrEqualTo(last);
                last = r.trade().epochMillis();
            }
        } catch (InputFormatException e) {
            ErrorMessages.assertClear(e, "trades.csv", input);
        }
        withinTwoSeconds(started);
    }

    @Test
    void mutatedBinanceCapturesReadOrFailClearly() {
        new FuzzTries("mutated Binance capture", 30_000, 200)
                .check(random -> mutated(random.nextBoolean() ? SNAPSHOTS : STREAM, random), this::capture);
    }

    private void capture(String input) {
        long started = System.nanoTime();
        try {
            List<CapturedMessage> messages = new BinanceCaptureReader("BTCUSDT").readAll(new StringReader(input),
                    "capture");
            assertThat(messages).allSatisfy(m -> assertThat(m.line()).isPositive());
        } catch (InputFormatException e) {
            ErrorMessages.assertClear(e, "capture", input);
        }
        withinTwoSeconds(started);
    }
}
