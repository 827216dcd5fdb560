package com.alphacast.worker;

import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.feeds.quality.InputQuality;
import com.alphacast.feeds.replay.BinanceCaptureReplay;
import com.alphacast.feeds.replay.CboeChainReplay;
import com.alphacast.feeds.replay.DbnReplay;
import com.alphacast.feeds.replay.LeanZipReplay;
import com.alphacast.feeds.replay.ReceiveClock;
import com.alphacast.feeds.replay.ReplaySpeed;
import com.alphacast.feeds.replay.TradeCsvReplay;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.pipeline.InstrumentDesks;
import com.alphacast.worker.pipeline.MarketPipeline;
import com.alphacast.worker.replay.DbnInstrumentNames;
import com.alphacast.worker.replay.RecordingFormat;
import com.alphacast.worker.replay.ReplayReport;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a recorded session through fresh market state (every analytic) and the pipeline, through the feeds module's
 * replay sources, which are the live code path: a Binance capture goes through the same stream session (book
 * synchronisation, validation, health) as the live WebSocket, a trades CSV, a Lean equity zip or a Databento DBN
 * file (symbols named by {@link DbnInstrumentNames}) through the same listener calls. The
 * format is detected from the file ({@link RecordingFormat}). Recorded option chains (CBOE CSV export or JSON) go
 * first, through the listener call the live CBOE poller makes, to every instrument that follows their underlying, so
 * the snapshots carry the chain's analytics. Returns once every snapshot and signal is written.
 */
@Singleton
public class ReplaySession {

    private static final long DRAIN_TIMEOUT_SECONDS = 120;
    private static final Duration REPLAY_TIMEOUT = Duration.ofHours(24);

    private final AlphacastSettings settings;
    private final WorkerEnvironment environment;
    private final OutboundWrites writes;
    private final ChainAnalytics chains;
    private final InstrumentDesks desks;

    public ReplaySession(AlphacastSettings settings, WorkerEnvironment environment, OutboundWrites writes,
                         ChainAnalytics chains, InstrumentDesks desks) {
        this.settings = settings;
        this.environment = environment;
        this.writes = writes;
        this.chains = chains;
        this.desks = desks;
    }

    /** The profile's replay file at the profile's speed. */
    public ReplayReport run() {
        return run(settings.replay().multiplier());
    }

    public ReplayReport run(double speedMultiplier) {
        if (!settings.replay().hasFile()) {
            throw new IllegalStateException(settings.source() + ": replay.file is not set; this profile runs live "
                    + "(give the worker a file to replay: ./alphacast worker --replay PATH)");
        }
        return run(environment.home().resolve(settings.replay().file()), speedMultiplier);
    }

    /** @param speedMultiplier ×N of real time; infinite = as fast as the analytics go */
    public ReplayReport run(Path file, double speedMultiplier) {
        return run(file, List.of(), speedMultiplier);
    }

    /**
     * @param chainFiles      recorded option chains replayed before {@code file}, each to the instruments that follow
     *                        its underlying
     * @param speedMultiplier ×N of real time; infinite = as fast as the analytics go
     */
    public ReplayReport run(Path file, List<Path> chainFiles, double speedMultiplier) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("replay file " + file + " does not exist");
        }
        if (RecordingFormat.of(file) == RecordingFormat.CBOE_CHAIN) {
            throw new IllegalArgumentException(file + ": an option chain, not a market recording; replay trades or a "
                    + "capture and give the chain beside it (--chain " + file.getFileName() + ")");
        }
        List<CboeChainReplay> chainReplays = new ArrayList<>();
        for (Path chain : chainFiles) {
            chainReplays.add(chainReplay(chain));
        }
        ReplaySpeed speed = Double.isInfinite(speedMultiplier) ? ReplaySpeed.MAX : new ReplaySpeed(speedMultiplier);
        MarketPipeline pipeline = MarketPipeline.recorded(desks.open(), writes);
        MarketState state = new MarketState(settings.worker(), settings.volumeSpike(), chains, pipeline);
        String name = "replay-" + file.getFileName();
        long start = System.nanoTime();
        try {
            for (CboeChainReplay chain : chainReplays) {
                chain.start(state);
                awaitEnd(chain.awaitEnd(REPLAY_TIMEOUT), file);
            }
            InputQuality quality;
            long lastNanos;
            RecordingFormat format = RecordingFormat.of(file);
            if (format == RecordingFormat.DATABENTO_DBN) {
                try (DbnReplay feed = new DbnReplay(name, file, speed,
                        new DbnInstrumentNames(settings.worker().instruments()))) {
                    feed.start(state);
                    awaitEnd(feed.awaitEnd(REPLAY_TIMEOUT), file);
                    if (feed.failure() != null) {
                        // a corrupt recording is not replayed as a shorter good one
                        throw new IllegalArgumentException("replay of " + file + " stopped: "
                                + feed.failure().getMessage(), feed.failure());
                    }
                    quality = feed.quality();
                }
            } else if (format == RecordingFormat.LEAN_ZIP) {
                try (LeanZipReplay feed = new LeanZipReplay(name, List.of(file), speed, ReceiveClock.WALL)) {
                    feed.start(state);
                    awaitEnd(feed.awaitEnd(REPLAY_TIMEOUT), file);
                    quality = feed.quality();
                }
            } else if (format == RecordingFormat.BINANCE_CAPTURE) {
                try (BinanceCaptureReplay feed = new BinanceCaptureReplay(name, List.of(file), speed, null)) {
                    feed.start(state);
                    awaitEnd(feed.awaitEnd(REPLAY_TIMEOUT), file);
                    quality = feed.session().quality();
                }
            } else {
                try (TradeCsvReplay feed = new TradeCsvReplay(name, file,
                        settings.worker().instruments().get(0).symbol(), speed)) {
                    feed.start(state);
                    awaitEnd(feed.awaitEnd(REPLAY_TIMEOUT), file);
                    quality = feed.quality();
                }
            }
            // the feed said DISCONNECTED at its end: the open bars close silenced, as after a live disconnect
            lastNanos = System.currentTimeMillis() * 1_000_000L;
            state.finish(lastNanos);
            long fed = System.nanoTime();
            if (!writes.awaitDrained(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("snapshots and signals still unwritten after "
                        + DRAIN_TIMEOUT_SECONDS + " s: " + writes.status());
            }
            return new ReplayReport(file.toString(), state.events(), quality.problems(), quality.firstProblems(),
                    pipeline.barsClosed(), pipeline.signals(), pipeline.rejected(), Duration.ofNanos(fed - start),
                    Duration.ofNanos(System.nanoTime() - start), writes.status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay of " + file + " interrupted", e);
        }
    }

    /** The chain in {@code file} and the instruments that take it: those whose chain source names its underlying. */
    private CboeChainReplay chainReplay(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("chain file " + file + " does not exist");
        }
        if (RecordingFormat.of(file) != RecordingFormat.CBOE_CHAIN) {
            throw new IllegalArgumentException(file + ": not a CBOE option chain (expected the quotedata.csv export, "
                    + "whose first line holds 'Last:', or the delayed-quotes JSON with its 'options')");
        }
        CboeQuoteData data = CboeChainReplay.read(file);
        String underlying = data.chain().underlying();
        List<String> instruments = new ArrayList<>();
        for (InstrumentSettings i : settings.worker().instruments()) {
            boolean follows = i.chain().map(c -> c.underlyingName().equalsIgnoreCase(underlying))
                    .orElse(i.hasOptionChain() && i.symbol().equalsIgnoreCase(underlying));
            if (follows) {
                instruments.add(i.symbol());
            }
        }
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException(file + ": a chain of " + underlying + " that no instrument follows; set "
                    + "worker.instruments.<SYMBOL>.chain.underlying: " + underlying.toUpperCase(Locale.ROOT) + " in "
                    + settings.source() + " (instruments: " + settings.worker().symbols() + ")");
        }
        return new CboeChainReplay("chain-" + file.getFileName(), data, instruments);
    }

    private static void awaitEnd(boolean ended, Path file) {
        if (!ended) {
            throw new IllegalStateException("replay of " + file + " did not end within " + REPLAY_TIMEOUT);
        }
    }
}
