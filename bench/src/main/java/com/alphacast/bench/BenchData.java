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
 * Real data for the benchmarks, from ../shared/data (system property {@code alphacast.shared.data}, else
 * {@code ../shared/data} relative to the working directory, i.e. run from the project root).
 */
final class BenchData {

    private BenchData() {
    }

    static Path file(String relative) {
        String configured = System.getProperty("alphacast.shared.data");
        Path root = configured != null ? Path.of(configured) : Path.of("../shared/data");
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark data missing: " + file.toAbsolutePath()
                    + " (run from the project root or pass -Dalphacast.shared.data=/path/to/shared/data)");
        }
        return file;
    }

    static List<TradeRow> esTrades() {
        String name = "trades/es_trades_2011-07-31.csv";
        try (Reader r = Files.newBufferedReader(file(name))) {
            return new TradeCsvReader("ES").read(r, name);
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
