package com.alphacast.core.feed.binance;

import com.alphacast.core.book.AppliedUpdateListener;
import com.alphacast.core.book.BookSynchronizer;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.Sweep;
import com.alphacast.core.book.SweepDetector;
import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.OrderBook;
import com.alphacast.core.book.TopOfBook;
import com.alphacast.core.book.UpdateOutcome;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.classification.LeeReadyClassifier;
import com.alphacast.core.classification.QuoteRule;
import com.alphacast.core.classification.TickRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays captured Binance snapshots and stream messages through {@link BookSynchronizer} and checks the result the
 * way docs/analytics-conventions.md ("Order book: Binance depth sync") prescribes: a correct book matches every
 * {@code bookTicker} carrying the same update id as the last applied depth event (best bid/ask price and quantity).
 * A bookTicker may arrive before or after its depth event, so tops of applied events and not-yet-matched tickers are
 * both remembered per symbol.
 *
 * <p>Messages are merged by capture receive time (snapshots taken after the stream started are applied when they
 * arrived, with the events buffered meanwhile, exactly as a live client would); messages without a receive time keep
 * their file order after the timed ones. Trade classifiers (tick rule, quote rule against the rebuilt book, Lee–Ready)
 * are scored against the {@code aggTrade} aggressor flag {@code m}.
 */
public final class BinanceBookReplay {

    private static final int REMEMBERED_TOPS = 100_000;

    private final DepthProtocol protocol;
    private final String symbolFilter;

    /** @param symbolFilter only this symbol (case-insensitive), or null for all */
    public BinanceBookReplay(DepthProtocol protocol, String symbolFilter) {
        this.protocol = protocol;
        this.symbolFilter = symbolFilter == null ? null : symbolFilter.toUpperCase(Locale.ROOT);
    }

    public BookReplayReport replay(List<CapturedMessage> snapshots, List<CapturedMessage> stream) {
        List<CapturedMessage> all = new ArrayList<>(snapshots.size() + stream.size());
        all.addAll(snapshots);
        all.addAll(stream);
        // Stable sort: timed messages by receive time; untimed ones (NaN) after, in file order. Snapshots first on ties.
        List<CapturedMessage> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparingDouble((CapturedMessage m) ->
                Double.isNaN(m.receivedEpochSec()) ? Double.MAX_VALUE : m.receivedEpochSec()));

        List<TopOfBook> updates = new ArrayList<>();
        List<BookReplayReport.Gap> gaps = new ArrayList<>();
        List<BookReplayReport.Mismatch> mismatches = new ArrayList<>();
        int[] passed = {0};
        Map<String, SymbolState> states = new HashMap<>();
        int dropped = 0;
        int withoutCheckpoint = 0;
        int[][] scores = new int[3][3];
        Map<String, Integer> other = new TreeMap<>();
        List<Sweep> sweeps = new ArrayList<>();

        for (CapturedMessage captured : ordered) {
            BinanceMessage message = captured.message();
            if (symbolFilter != null && !symbolFilter.equals(message.symbol())) {
                continue;
            }
            SymbolState s = states.computeIfAbsent(message.symbol(),
                    k -> new SymbolState(k, protocol, updates, mismatches, passed, sweeps));
            if (message instanceof BinanceMessage.Snapshot snap) {
                s.sync.onSnapshot(snap.snapshot());
            } else if (message instanceof BinanceMessage.Depth depth) {
                UpdateOutcome outcome = s.sync.onUpdate(depth.update());
                if (outcome == UpdateOutcome.GAP) {
                    gaps.add(new BookReplayReport.Gap(s.symbol, captured.line(), s.sync.lastGapExpected(),
                            s.sync.lastGapReceived()));
                }
            } else if (message instanceof BinanceMessage.BookTicker ticker) {
                TopOfBook top = ticker.top();
                TopOfBook bookTop = s.appliedTops.get(top.updateId());
                if (bookTop != null) {
                    s.check(captured.line(), top, bookTop);
                } else if (top.updateId() > s.sync.lastUpdateId()) {
                    // Several tickers can carry the same update id (e.g. a resent message); each is a checkpoint.
                    s.pendingTickers.computeIfAbsent(top.updateId(), k -> new ArrayList<>(1))
                            .add(new PendingTicker(top, captured.line()));
                } else {
                    withoutCheckpoint++;
                }
            } else if (message instanceof BinanceMessage.AggTrade trade) {
                Aggressor truth = trade.aggressor();
                OrderBook book = s.sync.book();
                boolean usableBook = s.sync.isLive();
                double bid = usableBook ? book.bestBidPrice() : Double.NaN;
                double ask = usableBook ? book.bestAskPrice() : Double.NaN;
                score(scores[0], s.tick.classify(trade.price()), truth);
                score(scores[1], QuoteRule.classify(trade.price(), bid, ask), truth);
                score(scores[2], s.leeReady.classify(trade.price(), bid, ask), truth);
                s.sweeps.onTrade(trade.tradeTimeMillis(), trade.price(), trade.quantity(), truth);
            } else if (message instanceof BinanceMessage.Other o) {
                other.merge(o.eventType(), 1, Integer::sum);
            }
        }
        for (SymbolState s : states.values()) {
            for (List<PendingTicker> pending : s.pendingTickers.values()) {
                withoutCheckpoint += pending.size();
            }
            dropped += (int) s.sync.droppedEvents();
            s.sweeps.flush();
        }
        Map<String, BookReplayReport.ClassifierScore> classifiers = new LinkedHashMap<>();
        String[] names = {"tick", "quote", "lee-ready"};
        for (int i = 0; i < 3; i++) {
            classifiers.put(names[i], new BookReplayReport.ClassifierScore(scores[i][0], scores[i][1], scores[i][2]));
        }
        return new BookReplayReport(updates, gaps, passed[0], mismatches, withoutCheckpoint, dropped, classifiers,
                other, sweeps);
    }

    private static void score(int[] score, Aggressor guess, Aggressor truth) {
        score[0]++;
        if (guess == truth) {
            score[1]++;
        } else if (guess == Aggressor.UNKNOWN) {
            score[2]++;
        }
    }

    private record PendingTicker(TopOfBook top, long line) {
    }

    private static final class SymbolState implements AppliedUpdateListener {
        final String symbol;
        final BookSynchronizer sync;
        final TickRule tick = new TickRule();
        final LeeReadyClassifier leeReady = new LeeReadyClassifier();
        final SweepDetector sweeps;
        final TreeMap<Long, List<PendingTicker>> pendingTickers = new TreeMap<>();
        final Map<Long, TopOfBook> appliedTops = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, TopOfBook> eldest) {
                return size() > REMEMBERED_TOPS;
            }
        };
        private final List<TopOfBook> updates;
        private final List<BookReplayReport.Mismatch> mismatches;
        private final int[] passed;

        SymbolState(String symbol, DepthProtocol protocol, List<TopOfBook> updates,
                    List<BookReplayReport.Mismatch> mismatches, int[] passed, List<Sweep> sweepSink) {
            this.symbol = symbol;
            this.sweeps = new SweepDetector(symbol, sweepSink::add);
            this.updates = updates;
            this.mismatches = mismatches;
            this.passed = passed;
            this.sync = new BookSynchronizer(new OrderBook(symbol), protocol, 10_000, this);
        }

        @Override
        public void onApplied(DepthUpdate update, OrderBook book) {
            TopOfBook top = book.top(update.finalUpdateId());
            updates.add(top);
            appliedTops.put(top.updateId(), top);
            List<PendingTicker> pending = pendingTickers.remove(top.updateId());
            if (pending != null) {
                for (PendingTicker p : pending) {
                    check(p.line, p.top, top);
                }
            }
            // Tickers older than the applied id can no longer meet their depth event: they stay counted as
            // tickers without a checkpoint at the end.
        }

        void check(long line, TopOfBook ticker, TopOfBook bookTop) {
            if (ticker.sameLevelsAs(bookTop)) {
                passed[0]++;
            } else {
                mismatches.add(new BookReplayReport.Mismatch(symbol, line, ticker, bookTop));
            }
        }
    }
}
