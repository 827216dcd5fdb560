package com.alphacast.feeds.replay;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.binance.BinanceCaptureReader;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.feed.binance.CapturedMessage;
import com.alphacast.core.feed.binance.MarketDetection;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.binance.BinanceStreamSession;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replays recorded Binance captures (cryptofeed REST + WebSocket pairs, hftbacktest {@code .gz} files with the
 * snapshot inline, JSONL) through the same {@link BinanceStreamSession} the live source runs, so a replayed book goes
 * through the same validation, sequencing and health as a live one. One file is streamed; several (a snapshot file
 * and a stream file) are merged by receive time, as a live client would have seen them. The market (spot, USD-M,
 * COIN-M) is detected from the depth updates and URLs unless given; the symbols are those the files carry. Receive
 * times are the recorded ones. A line that cannot be decoded is counted and logged with file and line, never fatal.
 * A single file is streamed through core's {@link BinanceCaptureReader#stream} and {@link
 * BinanceStreamSession#onDecoded}: each message is decoded in place, without building objects; merging several files
 * holds their messages as values ({@link CapturedMessage}) to sort them.
 */
public final class BinanceCaptureReplay implements FeedSource {

    private final String name;
    private final List<Path> files;
    private final BinanceMarket market;
    private final Set<String> symbols;
    private final InputQuality quality;
    private final ReplayRun run;
    private BinanceStreamSession session;

    /** @param market null to detect it from the files */
    public BinanceCaptureReplay(String name, List<Path> files, ReplaySpeed speed, BinanceMarket market) {
        this.name = Objects.requireNonNull(name, "name");
        if (files.isEmpty()) {
            throw new IllegalArgumentException(name + ": no capture file to replay");
        }
        this.files = List.copyOf(files);
        this.run = new ReplayRun(name, speed);
        this.quality = new InputQuality(name, 10_000, 1_000);
        Survey survey = survey();
        this.market = market != null ? market : survey.detection.market();
        this.symbols = survey.symbols;
    }

    private record Survey(MarketDetection detection, Set<String> symbols) {
    }

    /** A first pass over the files: which symbols and which market (depth updates are few next to tickers). */
    private Survey survey() {
        List<CapturedMessage> depth = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        BinanceCaptureReader reader = new BinanceCaptureReader(null);
        for (Path file : files) {
            try (Reader in = RecordingFiles.open(file)) {
                reader.read(in, file.toString(), m -> {
                    if (!(m.message() instanceof BinanceMessage.Other)) {
                        seen.add(m.message().symbol());
                    }
                    if (m.message() instanceof BinanceMessage.Depth) {
                        depth.add(m);
                    }
                }, bad -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read", e);
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalArgumentException(name + ": no Binance market data in " + files);
        }
        return new Survey(MarketDetection.of(depth, reader.marketFromUrls()), seen);
    }

    @Override
    public String name() {
        return name;
    }

    public BinanceMarket market() {
        return market;
    }

    public Set<String> symbols() {
        return symbols;
    }

    @Override
    public void start(MarketEventListener listener) {
        BinanceStreamSession session = new BinanceStreamSession(name, market, symbols, true, listener,
                BinanceStreamSession.SnapshotRequests.NONE, quality);
        run.start(() -> play(session), (last, failure) -> session.disconnected(last,
                failure == null ? "end of recording" : "replay failed: " + failure.getMessage()));
        this.session = session;
    }

    private void play(BinanceStreamSession session) throws IOException {
        session.connected(0);
        BinanceCaptureReader reader = new BinanceCaptureReader(null);
        if (files.size() == 1) {
            try (Reader in = RecordingFiles.open(files.get(0))) {
                // streamed: each line is decoded in place and applied before the next is read
                reader.stream(in, files.get(0).toString(), (m, received, line) -> {
                    emitAt(received);
                    session.onDecoded(m, run.lastNanos(), line);
                }, this::badLine);
            }
        } else {
            List<CapturedMessage> all = new ArrayList<>();
            for (Path file : files) {
                try (Reader in = RecordingFiles.open(file)) {
                    reader.read(in, file.toString(), all::add, this::badLine);
                }
            }
            // Stable: timed messages by receive time, untimed after them in file order.
            all.sort(Comparator.comparingDouble((CapturedMessage m) ->
                    Double.isNaN(m.receivedEpochSec()) ? Double.MAX_VALUE : m.receivedEpochSec()));
            for (CapturedMessage m : all) {
                emitAt(m.receivedEpochSec());
                session.onMessage(m.message(), run.lastNanos(), m.line());
            }
        }
    }

    /** Waits until a message received at {@code receivedEpochSec} (NaN: with the previous one) is due. */
    private void emitAt(double receivedEpochSec) {
        run.awaitDue(Double.isNaN(receivedEpochSec) ? run.lastNanos() : (long) (receivedEpochSec * 1e9));
        quality.frame();
    }

    private void badLine(InputFormatException bad) {
        quality.frame();
        quality.report(InputProblem.MALFORMED_FRAME, bad.line(), bad.getMessage());
    }

    /** Waits for the end of the recording; false on timeout. Rethrows what stopped the replay early, if anything. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        boolean done = run.awaitEnd(timeout);
        Throwable failure = run.failure();
        if (done && failure != null && !(failure instanceof ReplayRun.Stopped)) {
            throw new IllegalStateException(name + ": replay stopped: " + failure.getMessage(), failure);
        }
        return done;
    }

    /** The session's view (books, checkpoints, bad-input counts), for status and tests. */
    public BinanceStreamSession session() {
        return session;
    }

    @Override
    public void close() {
        run.close();
    }
}
