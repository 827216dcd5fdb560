package com.alphacast.core.feed.binance;

import com.alphacast.core.book.Sweep;
import com.alphacast.core.book.TopOfBook;

import java.util.List;
import java.util.Map;

/**
 * What {@link BinanceBookReplay} found.
 *
 * @param updates           top of book after every applied depth event, in the order applied
 * @param gaps              every sequence gap (the book went stale there)
 * @param checkpointsPassed bookTicker messages whose update id matched an applied depth event and whose best
 *                          bid/ask price and quantity equal the rebuilt book's
 * @param mismatches        bookTicker checkpoints that did not match
 * @param tickersWithoutCheckpoint bookTicker messages whose id no depth event ended on (intermediate ids inside a
 *                          depth event, or before the snapshot): nothing to compare with
 * @param droppedEvents     depth events already covered by a snapshot
 * @param classifiers       accuracy of each trade classifier against the aggTrade aggressor flag, by name
 * @param otherMessages     messages of other types (kline, ...), counted by type
 * @param sweeps            sweeps found in the aggTrade stream (aggressor from {@code m}), see
 *                          {@link com.alphacast.core.book.SweepDetector}
 */
public record BookReplayReport(List<TopOfBook> updates, List<Gap> gaps, int checkpointsPassed,
                               List<Mismatch> mismatches, int tickersWithoutCheckpoint, int droppedEvents,
                               Map<String, ClassifierScore> classifiers, Map<String, Integer> otherMessages,
                               List<Sweep> sweeps) {

    /** A sequence gap: the event on {@code line} did not continue the book. */
    public record Gap(String symbol, long line, long expectedId, long receivedId) {
    }

    /** A bookTicker checkpoint that disagrees with the rebuilt book. */
    public record Mismatch(String symbol, long line, TopOfBook ticker, TopOfBook book) {
    }

    /**
     * @param trades     aggTrades scored
     * @param correct    classified as the ground truth says
     * @param unknown    left unclassified
     */
    public record ClassifierScore(int trades, int correct, int unknown) {
        /** Correct / trades (unclassified trades count as wrong); NaN without trades. */
        public double accuracy() {
            return trades == 0 ? Double.NaN : (double) correct / trades;
        }
    }
}
