package com.alphacast.bench;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.state.MarketState;
import com.alphacast.worker.io.OutboundWrites;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
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
 * The demo's 11,101 ES trades decoded from their CSV text (the trade replay's reader) and run through the worker's
 * path ({@link WorkerPathBenchmark}), fresh state per pass so the times start over; reported per trade.
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
    private OutboundWrites writes;
    private String demoText;
    private MarketState state;

    @Setup
    public void setUp() throws IOException {
        demoText = Files.readString(BenchData.esSession());
        writes = new OutboundWrites(65_536, 100, 1, batch -> written.addAndGet(batch.size()),
                batch -> written.addAndGet(batch.size()), batch -> written.addAndGet(batch.size()),
                batch -> written.addAndGet(batch.size()));
    }

    @Setup(Level.Invocation)
    public void freshState() {
        state = WorkerPathBenchmark.newState(writes);
    }

    @TearDown
    public void tearDown() {
        writes.close();
    }

    @Benchmark
    @OperationsPerInvocation(DEMO_TRADES)
    public long decodeAndTrade() {
        long[] n = {0};
        new TradeCsvReader("ES").forEachRow(new StringReader(demoText), "demo", row -> {
            state.onTrade("ES", row.trade().epochMillis() * 1_000_000L, 0, row.line(), row.trade().price(),
                    row.trade().size(), Aggressor.UNKNOWN);
            n[0]++;
        }, bad -> {
            throw bad;
        });
        return n[0];
    }
}
