package com.alphacast.bench;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.config.StrategyProfilesLoader;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.trades.TradeCsvDecoder;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.core.strategy.StrategyCatalog;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.pipeline.InstrumentDesks;
import com.alphacast.worker.pipeline.MarketPipeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The product's replay path per trade: the demo file's bytes (held in memory, so the disk is not measured) through
 * {@link TradeCsvDecoder}, the decoder {@code TradeCsvReplay} runs, into the listener chain the worker's
 * {@code ReplaySession} wires from the demo profile ({@code config/demo.yaml}): {@code MarketState} with the profile's
 * worker settings and bars, {@code MarketPipeline.recorded} over {@code InstrumentDesks} (volume spike plus the
 * {@code technical} strategy profile, XCME calendar), snapshots, signals and rejections handed to the real
 * {@code OutboundWrites}, whose I/O thread only counts them. The file holds 11,101 trades (49 minutes), too few for a
 * 1 s iteration, so it is looped, per trade figures: {@link #decodeAndTrade(Session)} runs each pass with fresh state
 * and desks, as every replay session starts (their construction is outside the time but inside JMH's allocation
 * figure, amortised over the pass); {@link #decodeAndTradeWeekly(Weekly)} keeps one state for 52 passes, each a week
 * later than the one before (the same Sunday-evening session in the calendar), the steady state of a long recording.
 * {@link #decode()} is the decoder alone, into a sink that only sums.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorkerReplayBenchmark {

    private static final int DEMO_TRADES = 11_101;

    private final AtomicLong written = new AtomicLong();
    private final TradeCsvDecoder decoder = new TradeCsvDecoder("ES");
    private AlphacastSettings settings;
    private InstrumentDesks desks;
    private ChainAnalytics chains;
    private OutboundWrites writes;
    private byte[] demo;
    private final Sum sum = new Sum();

    @Setup
    public void setUp() throws IOException {
        Path root = Path.of(System.getProperty(BenchData.PROJECT_ROOT, "."));
        Path config = root.resolve("config");
        settings = new SettingsLoader(Optional.of(config)).load("demo");
        Map<String, String> environment = Map.of(SettingsLoader.CONFIG_DIR_VARIABLE, config.toString());
        desks = new InstrumentDesks(settings, settings.worker().strategies().profile()
                .map(name -> new StrategyProfilesLoader().load(environment, name)),
                new StrategyCatalog(new ShippedCalendars().calendar(settings.worker().strategies().exchange()),
                        new GammaExposure(GexConvention.DEFAULT)));
        chains = new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT);
        writes = new OutboundWrites(settings.worker().ioQueueCapacity(), 100, 1,
                batch -> written.addAndGet(batch.size()), batch -> written.addAndGet(batch.size()),
                batch -> written.addAndGet(batch.size()), batch -> written.addAndGet(batch.size()));
        demo = Files.readAllBytes(BenchData.esSession());
    }

    private MarketState newState() {
        return new MarketState(settings.worker(), settings.volumeSpike(), chains,
                MarketPipeline.recorded(desks.open(), writes));
    }

    @TearDown
    public void tearDown() {
        writes.close();
    }

    /** A new session per pass, as {@code ReplaySession.run} opens one per replay. */
    @State(Scope.Thread)
    public static class Session {

        private MarketState state;
        private ToState toState;

        @Setup(Level.Invocation)
        public void fresh(WorkerReplayBenchmark benchmark) {
            state = benchmark.newState();
            toState = new ToState(state);
        }
    }

    /**
     * One state for a year of passes, each a week after the previous one; then a new one from the recorded date again,
     * so the strategies' calendar (which covers whole years around the data) always knows the session.
     */
    @State(Scope.Thread)
    public static class Weekly {

        private static final long WEEK_NANOS = 7 * 86_400_000_000_000L;
        private static final int WEEKS = 52;

        private ToState toState;
        private int weeks;

        @Setup(Level.Trial)
        public void open(WorkerReplayBenchmark benchmark) {
            toState = new ToState(benchmark.newState());
        }
    }

    /** One demo trade decoded and run through the worker's whole listener chain, a fresh session per pass. */
    @Benchmark
    @OperationsPerInvocation(DEMO_TRADES)
    public long decodeAndTrade(Session session) {
        ToState to = session.toState;
        decoder.decode(new ByteArrayInputStream(demo), "demo", to, bad -> {
            throw bad;
        });
        session.state.onFeedHealth("replay", "ES", FeedHealth.DISCONNECTED, to.lastNanos, "end of recording");
        session.state.finish(to.lastNanos);
        return session.state.events() + written.get();
    }

    /** The same, one state throughout, each pass a week later: per trade in steady state. */
    @Benchmark
    @OperationsPerInvocation(DEMO_TRADES)
    public long decodeAndTradeWeekly(Weekly weekly) {
        ToState to = weekly.toState;
        decoder.decode(new ByteArrayInputStream(demo), "demo", to, bad -> {
            throw bad;
        });
        to.offsetNanos += Weekly.WEEK_NANOS;
        if (++weekly.weeks == Weekly.WEEKS) {
            weekly.weeks = 0;
            weekly.toState = new ToState(newState());
        }
        return to.lastNanos + written.get();
    }

    /** One demo trade decoded, nothing else. */
    @Benchmark
    @OperationsPerInvocation(DEMO_TRADES)
    public long decode() {
        decoder.decode(new ByteArrayInputStream(demo), "demo", sum, bad -> {
            throw bad;
        });
        return sum.total;
    }

    /** Hands rows over as {@code TradeCsvReplay} does: LIVE at the first row, received at the wall clock's time. */
    private static final class ToState implements TradeCsvDecoder.TradeSink {

        private final MarketState state;
        private long lastNanos;
        /** Added to the recorded times (the weekly laps). */
        private long offsetNanos;
        private boolean live;

        ToState(MarketState state) {
            this.state = state;
        }

        @Override
        public void onQuote(String symbol, long epochMillis, double bidPrice, double bidSize, double askPrice,
                            double askSize) {
            long nanos = epochMillis * 1_000_000L + offsetNanos;
            state.onTopOfBook(symbol, nanos, wallNanos(), bidPrice, bidSize, askPrice, askSize);
        }

        @Override
        public void onTrade(String symbol, long epochMillis, double price, long size, Aggressor aggressor,
                            long line) {
            long nanos = epochMillis * 1_000_000L + offsetNanos;
            if (!live) {
                live = true;
                state.onFeedHealth("replay", symbol, FeedHealth.LIVE, nanos, "replaying the demo");
            }
            lastNanos = nanos;
            state.onTrade(symbol, nanos, wallNanos(), line, price, size, aggressor);
        }

        /** The receive time the worker's replay stamps (feeds' {@code ReceiveClock.WALL}). */
        private static long wallNanos() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
    }

    private static final class Sum implements TradeCsvDecoder.TradeSink {

        private long total;

        @Override
        public void onQuote(String symbol, long epochMillis, double bidPrice, double bidSize, double askPrice,
                            double askSize) {
            total += epochMillis;
        }

        @Override
        public void onTrade(String symbol, long epochMillis, double price, long size, Aggressor aggressor,
                            long line) {
            total += epochMillis + size + (long) price + symbol.length();
        }
    }
}
