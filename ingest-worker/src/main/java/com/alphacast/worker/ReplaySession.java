package com.alphacast.worker;

import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.pipeline.MarketPipeline;
import com.alphacast.worker.replay.BinanceCaptureFeed;
import com.alphacast.worker.replay.FeedReplayResult;
import com.alphacast.worker.replay.ReceiveClock;
import com.alphacast.worker.replay.RecordedFeed;
import com.alphacast.worker.replay.ReplayReport;
import com.alphacast.worker.replay.TradeFileFeed;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a recorded session through fresh market state (every analytic) and the pipeline: a trades CSV for the
 * first configured instrument, or Binance captures ({@code .capture}, {@code .jsonl}) for whatever symbols they
 * hold. Returns once every snapshot and signal is written.
 */
@Singleton
public class ReplaySession {

    private static final long DRAIN_TIMEOUT_SECONDS = 120;

    private final AlphacastSettings settings;
    private final WorkerEnvironment environment;
    private final OutboundWrites writes;
    private final ChainAnalytics chains;

    public ReplaySession(AlphacastSettings settings, WorkerEnvironment environment, OutboundWrites writes,
                         ChainAnalytics chains) {
        this.settings = settings;
        this.environment = environment;
        this.writes = writes;
        this.chains = chains;
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

    public ReplayReport run(Path file, double speedMultiplier) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("replay file " + file + " does not exist");
        }
        ReceiveClock clock = new ReceiveClock();
        Map<String, VolumeSpikeStrategy> strategies = new HashMap<>();
        settings.worker().instruments().forEach(i -> strategies.put(i.symbol(),
                new VolumeSpikeStrategy(i.market(settings.market(), settings.market().contractMultiplier()),
                        settings.volumeSpike())));
        MarketPipeline pipeline = new MarketPipeline(strategies, writes);
        MarketState state = new MarketState(settings.worker(), settings.volumeSpike(), chains, pipeline);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        RecordedFeed feed = name.endsWith(".capture") || name.endsWith(".jsonl")
                ? new BinanceCaptureFeed(List.of(file), clock)
                : new TradeFileFeed(settings.worker().instruments().get(0).symbol(), file,
                        new TradeCsvReader(settings.market().symbol(), ZoneOffset.UTC), speedMultiplier, clock);
        long start = System.nanoTime();
        FeedReplayResult result;
        try (feed) {
            feed.start(state);
            result = feed.completion().get();
            state.finish(clock.epochNanos());
            long fed = System.nanoTime();
            if (!writes.awaitDrained(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("snapshots and signals still unwritten after "
                        + DRAIN_TIMEOUT_SECONDS + " s: " + writes.status());
            }
            return new ReplayReport(result.source(), result.events(), result.malformedLines(), result.malformed(),
                    pipeline.barsClosed(), pipeline.signals(), Duration.ofNanos(fed - start),
                    Duration.ofNanos(System.nanoTime() - start), writes.status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay of " + file + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
