package com.alphacast.cli.backtest;

import com.alphacast.cli.ExitCode;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;
import com.alphacast.feeds.replay.BinanceCaptureReplay;
import com.alphacast.feeds.replay.CboeChainReplay;
import com.alphacast.feeds.replay.LeanZipReplay;
import com.alphacast.feeds.replay.ReceiveClock;
import com.alphacast.feeds.replay.ReplaySpeed;
import com.alphacast.feeds.replay.TradeCsvReplay;
import com.alphacast.worker.replay.RecordingFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The recordings a backtest replays: {@code --data} is one file, or a directory whose recordings (files ending
 * {@code .zip}, {@code .csv}, {@code .capture}, {@code .jsonl}, {@code .gz}, at any depth; others are ignored) are
 * taken in path order. Recorded CBOE option chains go first, to the instruments that follow their underlying (as the
 * worker's replay delivers them). Every recording goes through the feeds module's replay source for its format (the live
 * listener path) at full speed, stamped with its recorded time ({@link ReceiveClock#RECORDED}); all Lean zips form
 * one replay, so their days and symbols merge in time order. A recording with any malformed line stops the
 * backtest naming the file and line: results on partly unreadable data would look valid and be wrong.
 */
final class RecordedSessions {

    private static final Duration REPLAY_TIMEOUT = Duration.ofHours(6);
    private static final List<String> RECORDING_SUFFIXES = List.of(".zip", ".csv", ".capture", ".jsonl", ".gz");

    /** What the replays left out on purpose (the Lean sale-condition filter), for the report. */
    record Dropped(long prints, long volume, Map<String, Long> byReason) {
    }

    private final List<Path> files;
    private final Map<RecordingFormat, List<Path>> byFormat = new TreeMap<>();
    private Dropped dropped = new Dropped(0, 0, Map.of());

    private RecordedSessions(List<Path> files) {
        this.files = List.copyOf(files);
        for (Path file : files) {
            RecordingFormat format;
            try {
                format = RecordingFormat.of(file);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new BacktestRefusal(ExitCode.INPUT, e.getMessage());
            }
            byFormat.computeIfAbsent(format, f -> new ArrayList<>()).add(file);
        }
    }

    static RecordedSessions at(Path data) {
        if (Files.isRegularFile(data)) {
            return new RecordedSessions(List.of(data));
        }
        if (!Files.isDirectory(data)) {
            throw new BacktestRefusal(ExitCode.INPUT, "--data " + data + ": no such file or directory");
        }
        List<Path> found;
        try (Stream<Path> walk = Files.walk(data)) {
            found = walk.filter(Files::isRegularFile).filter(RecordedSessions::isRecording).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BacktestRefusal(ExitCode.INPUT, "--data " + data + ": cannot list: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new BacktestRefusal(ExitCode.INPUT, "--data " + data + " holds no recording (files ending "
                    + String.join(", ", RECORDING_SUFFIXES) + ")");
        }
        return new RecordedSessions(found);
    }

    private static boolean isRecording(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && RECORDING_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    List<Path> files() {
        return files;
    }

    Dropped dropped() {
        return dropped;
    }

    /** Replays every recording into {@code listener}, one source after another. */
    void replay(MarketEventListener listener, List<InstrumentSettings> instruments) {
        String defaultSymbol = instruments.get(0).symbol();
        try {
            for (Path file : byFormat.getOrDefault(RecordingFormat.CBOE_CHAIN, List.of())) {
                try (CboeChainReplay chain = chainReplay(file, instruments)) {
                    chain.start(listener);
                    awaitEnd(chain.awaitEnd(REPLAY_TIMEOUT), file);
                }
            }
            List<Path> lean = byFormat.getOrDefault(RecordingFormat.LEAN_ZIP, List.of());
            if (!lean.isEmpty()) {
                try (LeanZipReplay feed = new LeanZipReplay("backtest-lean", lean, ReplaySpeed.MAX,
                        ReceiveClock.RECORDED)) {
                    feed.start(listener);
                    awaitEnd(feed.awaitEnd(REPLAY_TIMEOUT), lean.get(0));
                    requireClean(feed.quality(), lean.get(0));
                    if (feed.failure() != null) {
                        throw new BacktestRefusal(ExitCode.INPUT, "Lean replay stopped: " + feed.failure().getMessage());
                    }
                    LeanZipReplay.DroppedPrints d = feed.dropped();
                    dropped = new Dropped(d.prints(), d.volume(), new TreeMap<>(d.byReason()));
                }
            }
            for (Path file : byFormat.getOrDefault(RecordingFormat.BINANCE_CAPTURE, List.of())) {
                try (BinanceCaptureReplay feed = new BinanceCaptureReplay("backtest-" + file.getFileName(),
                        List.of(file), ReplaySpeed.MAX, null)) {
                    feed.start(listener);
                    awaitEnd(feed.awaitEnd(REPLAY_TIMEOUT), file);
                    requireClean(feed.session().quality(), file);
                }
            }
            for (Path file : byFormat.getOrDefault(RecordingFormat.TRADES_CSV, List.of())) {
                try (TradeCsvReplay feed = new TradeCsvReplay("backtest-" + file.getFileName(), file, defaultSymbol,
                        ReplaySpeed.MAX, ReceiveClock.RECORDED)) {
                    feed.start(listener);
                    awaitEnd(feed.awaitEnd(REPLAY_TIMEOUT), file);
                    requireClean(feed.quality(), file);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BacktestRefusal(ExitCode.INTERNAL, "backtest interrupted");
        }
    }

    /** A recorded CBOE chain, delivered first (as the worker's replay does) to the instruments following it. */
    private static CboeChainReplay chainReplay(Path file, List<InstrumentSettings> instruments) {
        CboeQuoteData data;
        try {
            data = CboeChainReplay.read(file);
        } catch (InputFormatException | IllegalArgumentException | UncheckedIOException e) {
            throw new BacktestRefusal(ExitCode.INPUT, e.getMessage());
        }
        String underlying = data.chain().underlying();
        List<String> following = new ArrayList<>();
        for (InstrumentSettings i : instruments) {
            boolean follows = i.chain().map(c -> c.underlyingName().equalsIgnoreCase(underlying))
                    .orElse(i.hasOptionChain() && i.symbol().equalsIgnoreCase(underlying));
            if (follows) {
                following.add(i.symbol());
            }
        }
        if (following.isEmpty()) {
            throw new BacktestRefusal(ExitCode.INPUT, file + ": a chain of " + underlying + " that no instrument of the "
                    + "settings profile follows (worker.instruments.<SYMBOL>.chain.underlying)");
        }
        return new CboeChainReplay("backtest-chain-" + file.getFileName(), data, following);
    }

    private static void awaitEnd(boolean ended, Path file) {
        if (!ended) {
            throw new BacktestRefusal(ExitCode.INTERNAL, "replay of " + file + " did not end within " + REPLAY_TIMEOUT);
        }
    }

    /** A malformed line ends the backtest, naming the file and the first such line (problems of a valid stream do not). */
    private static void requireClean(InputQuality quality, Path file) {
        long malformed = quality.count(InputProblem.MALFORMED_FRAME);
        if (malformed > 0) {
            String prefix = InputProblem.MALFORMED_FRAME + " at ";
            String problem = quality.firstProblems().stream().filter(p -> p.startsWith(prefix)).findFirst()
                    .map(p -> p.substring(p.indexOf(": ") + 2)).orElse("(not kept)");
            throw new BacktestRefusal(ExitCode.INPUT, file + ": " + malformed + " malformed line(s); first: " + problem);
        }
    }
}
