package com.alphacast.bench;

import com.alphacast.core.bars.TimeBarBuilder;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.classification.BulkVolumeClassifier;
import com.alphacast.core.classification.TickRule;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.market.Bar;
import com.alphacast.core.vpin.BvcVpinStream;
import com.alphacast.core.vpin.VolumeBucketVpin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The per-trade hot path on the real ES trades (11,101 prints replayed in a loop, timestamps shifted forward each lap
 * so time keeps increasing): 1-minute bars + classification + VPIN bucket update, one trade per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TradePathBenchmark {

    private long[] time;
    private double[] price;
    private long[] size;
    private long lap;
    private long lapOffset;
    private int i;
    private TimeBarBuilder bars;
    private TickRule tickRule;
    private VolumeBucketVpin tickVpin;
    private BvcVpinStream bvc;

    @Setup
    public void setUp() {
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
        bars = new TimeBarBuilder("ES", Duration.ofMinutes(1));
        tickRule = new TickRule();
        tickVpin = new VolumeBucketVpin(200, 50);
        bvc = new BvcVpinStream(Duration.ofMinutes(1), new BulkVolumeClassifier(20), new VolumeBucketVpin(200, 50));
    }

    private int next() {
        int k = i++;
        if (i == time.length) {
            i = 0;
            lapOffset += lap;
        }
        return k;
    }

    /** 1-minute bar builder + tick rule + VPIN bucket update (a Bar is allocated once per minute of data). */
    @Benchmark
    public double barsTickRuleVpin(Blackhole bh) {
        int k = next();
        long t = time[k] + lapOffset;
        Bar bar = bars.onTrade(t, price[k], size[k]);
        if (bar != null) {
            bh.consume(bar);
        }
        Aggressor side = tickRule.classify(price[k]);
        tickVpin.addTrade(t, size[k], side);
        return tickVpin.vpin();
    }

    /** The conventions' default pipeline: 1-minute bars kept in primitives, BVC per bar, VPIN buckets. */
    @Benchmark
    public double bvcVpin() {
        int k = next();
        bvc.onTrade(time[k] + lapOffset, price[k], size[k]);
        return bvc.vpin();
    }

    /** Both: public 1-minute Bar stream plus the BVC VPIN pipeline. */
    @Benchmark
    public double barsAndBvcVpin(Blackhole bh) {
        int k = next();
        long t = time[k] + lapOffset;
        Bar bar = bars.onTrade(t, price[k], size[k]);
        if (bar != null) {
            bh.consume(bar);
        }
        bvc.onTrade(t, price[k], size[k]);
        return bvc.vpin();
    }
}
