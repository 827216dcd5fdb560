package com.alphacast.core.backtest;

import com.alphacast.core.broker.MarketPrices;
import com.alphacast.core.market.MarketSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The snapshots a backtest has seen, by symbol and bar end: what the paper broker fills against, as the
 * snapshots table is in the deployed pipeline. Single-threaded (the replay's thread).
 */
final class RecordedMarket implements MarketPrices {

    private final Map<String, TreeMap<Instant, MarketSnapshot>> bySymbol = new HashMap<>();

    void record(MarketSnapshot snapshot) {
        bySymbol.computeIfAbsent(snapshot.symbol(), s -> new TreeMap<>()).put(snapshot.bar().end(), snapshot);
    }

    @Override
    public Optional<MarketSnapshot> atOrBefore(String symbol, Instant time) {
        TreeMap<Instant, MarketSnapshot> snapshots = bySymbol.get(symbol);
        return snapshots == null ? Optional.empty()
                : Optional.ofNullable(snapshots.floorEntry(time)).map(Map.Entry::getValue);
    }

    @Override
    public Optional<MarketSnapshot> latest(String symbol) {
        TreeMap<Instant, MarketSnapshot> snapshots = bySymbol.get(symbol);
        return snapshots == null || snapshots.isEmpty() ? Optional.empty()
                : Optional.of(snapshots.lastEntry().getValue());
    }
}
