package com.alphacast.bench;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.ImmutableDepthUpdate;
import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.core.strategy.ConflictResolver;
import com.alphacast.core.strategy.StrategyDesk;
import com.alphacast.core.strategy.volumespike.VolumeSpikeStrategy;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.pipeline.MarketPipeline;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The worker's own path per market event, as it runs in production: {@code MarketState} (bad-print filter, bars,
 * tick rule, BVC VPIN, sweeps, unusual volume, volatility regime, correlation; the synchronised book) with the
 * worker's {@code MarketPipeline} on bar close (snapshot with analytics, volume-spike strategy, hand-off to the
 * bounded I/O executor, whose thread "writes" to a store that only counts, so AWS latency is out of the figure
 * exactly as it is out of the feed thread). One trade or one depth update per operation; {@link WorkerReplayBenchmark}
 * adds the CSV decoding the trade replay does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorkerPathBenchmark {

    private static final int DEPTH_SEQUENCE = 200_000;
    static final VolumeSpikeSettings BARS = new VolumeSpikeSettings(60, 10, 2.0, 1.5, 2, 6, 2.0, 1, 1);
    private static final MarketSettings ES = new MarketSettings("ES", "ESU1", 0.25, 50, TradingSession.cmeGlobex());

    private final AtomicLong written = new AtomicLong();
    private OutboundWrites writes;
    private MarketState state;
    private long[] time;
    private double[] price;
    private long[] size;
    private long lap;
    private long lapOffset;
    private int i;
    private DepthSnapshot snapshot;
    private DepthUpdate[] depth;
    private MarketState depthState;
    private int d;

    @Setup
    public void setUp() throws IOException {
        List<TradeRow> rows = BenchData.esTrades();
        time = new long[rows.size()];
        price = new double[rows.size()];
        size = new long[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            time[k] = rows.get(k).trade().epochMillis();
            price[k] = rows.get(k).trade().price();
            size[k] = rows.get(k).trade().size();
        }
        lap = time[time.length - 1] - time[0] + 60_000;
        writes = new OutboundWrites(65_536, 100, 1, batch -> written.addAndGet(batch.size()),
                batch -> written.addAndGet(batch.size()), batch -> written.addAndGet(batch.size()),
                batch -> written.addAndGet(batch.size()));
        state = newState(writes);
        // the real NKNUSDT snapshot and depth stream, its level changes replayed with continuing update ids
        snapshot = BenchData.snapshot("NKNUSDT");
        List<DepthUpdate> real = BenchData.depthUpdates("NKNUSDT");
        depth = new DepthUpdate[DEPTH_SEQUENCE];
        for (int k = 0; k < DEPTH_SEQUENCE; k++) {
            ImmutableDepthUpdate u = real.get(k % real.size()).copy();
            depth[k] = DepthUpdate.of("NKNUSDT", u.eventTimeMillis(), k + 1, k + 1, -1, u.bidPrices(),
                    u.bidQuantities(), u.askPrices(), u.askQuantities());
        }
        depthState = synchronisedDepthState();
    }

    @TearDown
    public void tearDown() {
        writes.close();
    }

    static MarketState newState(OutboundWrites writes) {
        InstrumentSettings es = new InstrumentSettings("ES", "ESU1", 0.25, 1, List.of("replay"), DepthProtocol.SPOT,
                21, 0.01, 200, 50, 10, 347_760, 0.08, 0.20, false);
        InstrumentSettings nkn = new InstrumentSettings("NKNUSDT", "NKNUSDT", 1e-4, 1, List.of("replay"),
                DepthProtocol.SPOT, 21, 0.01, 1000, 50, 30, 525_600, 0.3, 0.8, false);
        MarketPipeline pipeline = new MarketPipeline(Map.of("ES", new StrategyDesk(
                List.of(new VolumeSpikeStrategy(ES, BARS)), new ConflictResolver(Duration.ZERO, List.of()))), writes);
        MarketState s = new MarketState(new WorkerSettings(List.of(es, nkn), 65_536, 30), BARS,
                new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT), pipeline);
        s.onFeedHealth("bench", "ES", FeedHealth.LIVE, 0, "bench");
        s.onFeedHealth("bench", "NKNUSDT", FeedHealth.LIVE, 0, "bench");
        return s;
    }

    /** A new depth state synchronised from the real snapshot; the sequence's ids start right after it. */
    private MarketState synchronisedDepthState() {
        MarketState s = newState(writes);
        s.onDepthSnapshot("NKNUSDT", 0, new DepthSnapshot("NKNUSDT", 0, snapshot.bidPrices(),
                snapshot.bidQuantities(), snapshot.askPrices(), snapshot.askQuantities()));
        return s;
    }

    /** One real ES trade through every per-instrument analytic, the bar-close pipeline and the I/O hand-off. */
    @Benchmark
    public long trade() {
        int k = i++;
        if (i == time.length) {
            i = 0;
            lapOffset += lap;
        }
        state.onTrade("ES", (time[k] + lapOffset) * 1_000_000L, 0, k, price[k], size[k], Aggressor.UNKNOWN);
        return written.get();
    }

    /**
     * One real depth diff applied to the synchronised book under Binance's sequencing rules, plus the microprice a
     * strategy would read. After 200,000 updates the ids would repeat, so a new state is synchronised from the
     * snapshot (amortised: well under 1 ns per update).
     */
    @Benchmark
    public double depthUpdate() {
        if (d == DEPTH_SEQUENCE) {
            d = 0;
            depthState = synchronisedDepthState();
        }
        depthState.onDepthUpdate("NKNUSDT", 0, 0, depth[d++]);
        return depthState.view("NKNUSDT").microprice();
    }
}
