package com.alphacast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The frame-path benchmark measures what it says only while the worker's book is whole: a book gone stale would only
 * buffer the frames (a first version of the {@code nknusdt} stream did that after its first lap, unnoticed).
 */
class BinanceFramePathBenchmarkTest {

    private static final int CYCLES = 3;
    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"");

    @Test
    void keepsTheWorkersBookLiveAcrossLapsOfNknusdtDiffs() throws Exception {
        BinanceFramePathBenchmark benchmark = new BinanceFramePathBenchmark();
        benchmark.market = "nknusdt";
        benchmark.nknusdtCycles = CYCLES;
        benchmark.setUp();
        int lap = BinanceFramePathBenchmark.nknusdtLines(CYCLES).size();
        int withoutBook = 0;
        for (int frame = 0; frame < 3 * lap; frame++) {
            if (Double.isNaN(benchmark.depthFrame())) {
                withoutBook++;
            }
        }
        benchmark.tearDown(); // throws if a session reported a bad frame (a crossed book, a gap)

        // the first lap's covered diff and first diff come before its snapshot; a later lap's covered diff still
        // finds the previous lap's book, and only its first diff (the gap a restart is) finds none
        assertThat(withoutBook).isEqualTo(2 + 1 + 1);
    }

    @Test
    void playsNknusdtDiffsForwardAndBackWithUpdateIdsRunningOn() throws Exception {
        List<String> lines = BinanceFramePathBenchmark.nknusdtLines(2);

        assertThat(lines.get(0)).contains("\"U\":499869750,\"u\":499869752"); // covered by the snapshot, as recorded
        assertThat(lines.get(1)).contains("\"U\":499869753,\"u\":499869754");
        assertThat(lines.get(2)).startsWith(lines.get(2).substring(0, lines.get(2).indexOf('{')) + "{\"lastUpdateId\":499869752,");
        long previous = 499869754;
        for (String line : lines.subList(3, lines.size())) {
            long first = Long.parseLong(line.replaceAll(".*\"U\":(\\d+),.*", "$1"));
            assertThat(first).as(line).isEqualTo(previous + 1);
            previous = Long.parseLong(line.replaceAll(".*\"u\":(\\d+),.*", "$1"));
        }
    }

    @Test
    void bringsTheBookBackToTheSnapshotAtTheEndOfEveryCycle() throws Exception {
        List<String> lines = BinanceFramePathBenchmark.nknusdtLines(CYCLES);
        String snapshot = lines.get(2);
        Map<String, Double> bids = new TreeMap<>();
        Map<String, Double> asks = new TreeMap<>();
        apply(snapshot, bids, asks);
        Map<String, Double> snapshotBids = new TreeMap<>(bids);
        Map<String, Double> snapshotAsks = new TreeMap<>(asks);
        // in the order the book applies them: the snapshot, then the diff that arrived before it, then the rest
        List<String> diffs = new ArrayList<>(lines.subList(3, lines.size()));
        diffs.add(0, lines.get(1));
        int cycle = diffs.size() / CYCLES;
        for (int k = 0; k < diffs.size(); k++) {
            apply(diffs.get(k), bids, asks);
            if ((k + 1) % cycle == 0) {
                assertThat(bids).as("bids after cycle %d", (k + 1) / cycle).isEqualTo(snapshotBids);
                assertThat(asks).as("asks after cycle %d", (k + 1) / cycle).isEqualTo(snapshotAsks);
            } else if (k == cycle / 2 - 1) {
                assertThat(bids).as("half way: the capture's diffs moved the book").isNotEqualTo(snapshotBids);
            }
        }
    }

    private static void apply(String line, Map<String, Double> bids, Map<String, Double> asks) {
        applySide(line, line.contains("\"bids\":") ? "\"bids\":" : "\"b\":", bids);
        applySide(line, line.contains("\"asks\":") ? "\"asks\":" : "\"a\":", asks);
    }

    /** The {@code [[price, size], ...]} array after {@code key}: empty ({@code []}) or up to its {@code ]]}. */
    private static void applySide(String line, String key, Map<String, Double> book) {
        int start = line.indexOf(key) + key.length();
        String array = line.startsWith("[]", start) ? "[]" : line.substring(start, line.indexOf("]]", start) + 2);
        Matcher level = LEVEL.matcher(array);
        while (level.find()) {
            double size = Double.parseDouble(level.group(2));
            if (size == 0) {
                book.remove(level.group(1));
            } else {
                book.put(level.group(1), size);
            }
        }
    }
}
