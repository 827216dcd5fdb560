package com.alphacast.bench;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.feed.binance.BinanceCaptureReader;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.feed.binance.CapturedMessage;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.feed.trades.TradeRow;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real data for the benchmarks: the repository's {@code testdata/} folder (system property {@value #TESTDATA}) and
 * the demo's ES session in {@code data/demo/} (under {@value #PROJECT_ROOT}). Both default to the working
 * directory, so run the benchmarks from the project root or pass the properties.
 */
final class BenchData {

    static final String TESTDATA = "alphacast.testdata";
    static final String PROJECT_ROOT = "alphacast.project.root";

    private BenchData() {
    }

    /** A file of {@code testdata/}, e.g. {@code orderbook/binance_spot_stream.capture}. */
    static Path file(String relative) {
        Path folder = Path.of(System.getProperty(TESTDATA, "testdata"));
        return existing(folder.resolve(relative), "pass -D" + TESTDATA + "=<project root>/testdata or run from the project root");
    }

    /** The real E-mini S&P 500 session the demo replays. */
    static Path esSession() {
        Path root = Path.of(System.getProperty(PROJECT_ROOT, "."));
        return existing(root.resolve("data/demo/es_trades_2011-07-31.csv"),
                "pass -D" + PROJECT_ROOT + "=<project root> or run from the project root");
    }

    private static Path existing(Path file, String remedy) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark data missing: " + file.toAbsolutePath() + " (" + remedy + ")");
        }
        return file;
    }

    static List<TradeRow> esTrades() {
        Path file = esSession();
        try (Reader r = Files.newBufferedReader(file)) {
            return new TradeCsvReader("ES").read(r, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CapturedMessage> binance(String name) {
        try (Reader r = Files.newBufferedReader(file(name))) {
            return new BinanceCaptureReader(null).readAll(r, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DepthSnapshot snapshot(String symbol) {
        return binance("orderbook/binance_spot_depth_snapshots.capture").stream()
                .map(CapturedMessage::message)
                .filter(m -> m instanceof BinanceMessage.Snapshot && m.symbol().equals(symbol))
                .map(m -> ((BinanceMessage.Snapshot) m).snapshot())
                .findFirst().orElseThrow();
    }

    static List<DepthUpdate> depthUpdates(String symbol) {
        return binance("orderbook/binance_spot_stream.capture").stream()
                .map(CapturedMessage::message)
                .filter(m -> m instanceof BinanceMessage.Depth && m.symbol().equals(symbol))
                .map(m -> ((BinanceMessage.Depth) m).update())
                .toList();
    }
}
