package com.alphacast.core.usecase.trading;

import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.BarHistory;
import com.alphacast.core.market.MarketSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Snapshots in memory, read as the DynamoDB snapshots table reads them. */
final class RecordedMarket implements MarketPrices, BarHistory {

    private final List<MarketSnapshot> snapshots = new ArrayList<>();
    private int historyFailures;
    private final List<Instant> historyReadsFrom = new ArrayList<>();

    /** Where each bar-history read started, in call order. */
    List<Instant> historyReadsFrom() {
        return List.copyOf(historyReadsFrom);
    }

    /** The next {@code times} bar-history reads fail, as a throttled table would. */
    void failHistoryReads(int times) {
        historyFailures = times;
    }

    void add(Bar bar) {
        snapshots.add(new MarketSnapshot(bar, bar.end()));
        snapshots.sort(Comparator.comparingLong(s -> s.bar().startMillis()));
    }

    @Override
    public Optional<MarketSnapshot> atOrBefore(String symbol, Instant time) {
        return snapshots.stream().filter(s -> s.symbol().equals(symbol) && !s.bar().end().isAfter(time))
                .reduce((first, second) -> second);
    }

    @Override
    public Optional<MarketSnapshot> latest(String symbol) {
        return snapshots.stream().filter(s -> s.symbol().equals(symbol)).reduce((first, second) -> second);
    }

    @Override
    public List<Bar> barsBetween(String symbol, Instant from, Instant to) {
        historyReadsFrom.add(from);
        if (historyFailures > 0) {
            historyFailures--;
            throw new IllegalStateException("bar history unavailable for " + symbol);
        }
        return snapshots.stream().map(MarketSnapshot::bar)
                .filter(b -> b.symbol().equals(symbol) && !b.start().isBefore(from) && !b.end().isAfter(to))
                .toList();
    }
}
