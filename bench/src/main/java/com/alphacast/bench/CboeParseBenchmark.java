package com.alphacast.bench;

import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
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

/** Parsing a ~1.6 MB CBOE quotedata export (the SPX-size chain) from memory. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CboeParseBenchmark {

    private String csv;

    @Setup
    public void setUp() {
        csv = SyntheticSpxChain.csv();
        System.out.printf("%nCBOE export: %,d bytes%n", csv.length());
    }

    @Benchmark
    public CboeQuoteData parse() {
        return new CboeQuoteDataParser().parse(new StringReader(csv), "spx.csv");
    }
}
