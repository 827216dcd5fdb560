package com.alphacast.bench;

import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GammaProfile;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.options.gex.GexReport;
import com.alphacast.core.options.gex.GexTotals;
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

import java.io.StringReader;
import java.util.concurrent.TimeUnit;

/** GEX on an SPX-size chain (20,852 contracts, {@link SyntheticSpxChain}), single-threaded. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GexBenchmark {

    private OptionChain chain;
    private GammaExposure gex;

    @Setup
    public void setUp() {
        chain = new CboeQuoteDataParser().parse(new StringReader(SyntheticSpxChain.csv()), "spx.csv").chain();
        gex = new GammaExposure(GexConvention.DEFAULT);
    }

    @Benchmark
    public GexTotals totals() {
        return gex.totals(chain);
    }

    @Benchmark
    public GammaProfile zeroGammaProfile() {
        return gex.profile(chain);
    }

    @Benchmark
    public GexReport fullReport() {
        return gex.report(chain, 10);
    }
}
