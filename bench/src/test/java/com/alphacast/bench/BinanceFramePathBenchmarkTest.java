package com.alphacast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frame-path benchmark measures what it says only while the worker's book is whole: a book gone stale would only
 * buffer the frames (a first version of the {@code nknusdt} stream did that after its first lap, unnoticed).
 */
class BinanceFramePathBenchmarkTest {

    @Test
    void keepsTheWorkersBookLiveAcrossLapsOfNknusdtDiffs() throws Exception {
        BinanceFramePathBenchmark benchmark = new BinanceFramePathBenchmark();
        benchmark.market = "nknusdt";
        benchmark.setUp();
        int lap = BinanceFramePathBenchmark.nknusdtLines(BinanceFramePathBenchmark.NKNUSDT_CYCLES).size();
        int withoutBook = 0;
        for (int frame = 0; frame < 3 * lap; frame++) {
            if (Double.isNaN(benchmark.depthFrame())) {
                withoutBook++;
            }
        }
        benchmark.tearDown(); // throws if a session reported a bad frame (a crossed book, a gap)

        // only the two frames before each lap's snapshot (its restart, as after a reconnect) find no whole book
        assertThat(withoutBook).isBetween(3, 2 * 3);
    }

    @Test
    void playsNknusdtDiffsForwardAndBackWithUpdateIdsRunningOn() throws Exception {
        List<String> lines = BinanceFramePathBenchmark.nknusdtLines(2);

        assertThat(lines.get(0)).contains("\"U\":499869750,\"u\":499869752"); // covered by the snapshot, as recorded
        assertThat(lines.get(1)).contains("\"U\":499869753,\"u\":499869754");
        assertThat(lines.get(2)).contains("\"lastUpdateId\":499869752");
        long previous = 499869754;
        for (String line : lines.subList(3, lines.size())) {
            long first = Long.parseLong(line.replaceAll(".*\"U\":(\\d+),.*", "$1"));
            assertThat(first).as(line).isEqualTo(previous + 1);
            previous = Long.parseLong(line.replaceAll(".*\"u\":(\\d+),.*", "$1"));
        }
        // each cycle ends where the book began: its last frame undoes its first diff
        int cycle = (lines.size() - 2) / 2;
        assertThat(lines.get(1 + cycle)).contains("\"b\":[[\"0.35170000\",\"0.00000000\"]]");
    }
}
