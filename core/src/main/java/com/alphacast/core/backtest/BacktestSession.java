package com.alphacast.core.backtest;

import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.state.BarCloseListener;
import com.alphacast.core.state.MarketView;
import com.alphacast.core.strategy.Candidate;
import com.alphacast.core.strategy.RejectedSignal;
import com.alphacast.core.strategy.Resolution;
import com.alphacast.core.strategy.StrategyContext;
import com.alphacast.core.strategy.StrategyDesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A backtest's bar-close pipeline, the worker's in simulated time: at each bar close the snapshot reaches the
 * {@link PaperDesk} first (exits on that bar, then fillable), then the instrument's {@link StrategyDesk} (the same
 * class the worker runs: every strategy on the {@link MarketView}, conflicts resolved) with the time the closing event
 * was recorded, and each accepted signal goes to the paper desk's risk check and fill. The staleness gate measures
 * that recorded time, as a live worker would have seen it. Single-threaded: one replay thread.
 */
public final class BacktestSession implements BarCloseListener {

    private final Map<String, StrategyDesk> desks;
    private final List<String> names;
    private final PaperDesk desk;
    private final Map<String, Long> proposed = new HashMap<>();
    private final Map<String, Long> setAside = new TreeMap<>();
    private final TreeMap<Long, Long> observedBars = new TreeMap<>();

    /**
     * @param desks per instrument symbol, its strategy desk (fresh: desks keep per-instrument state)
     * @param names the strategy names reported, in report order
     */
    public BacktestSession(Map<String, StrategyDesk> desks, List<String> names, PaperDesk desk) {
        this.desks = Map.copyOf(desks);
        this.names = List.copyOf(names);
        this.desk = desk;
    }

    @Override
    public void onBarClosed(MarketView view, long receiveNanos) {
        Instant observedAt = Instant.ofEpochSecond(0, receiveNanos);
        Bar bar = view.lastBar();
        observedBars.merge(bar.startMillis(), bar.endMillis(), Math::max);
        desk.onBar(new MarketSnapshot(bar, observedAt, view.analytics()));
        StrategyDesk strategies = desks.get(view.symbol());
        if (strategies == null) {
            return;
        }
        Resolution resolution = strategies.onBarClosed(new StrategyContext(view, view.optionChain(), observedAt));
        for (RejectedSignal rejected : resolution.rejected()) {
            proposed.merge(rejected.signal().strategy(), 1L, Long::sum);
            setAside.merge("conflict: " + kind(rejected.reason()), 1L, Long::sum);
        }
        for (Candidate accepted : resolution.accepted()) {
            proposed.merge(accepted.signal().strategy(), 1L, Long::sum);
            RiskDecision decision = desk.submit(accepted.signal().strategy(), accepted.signal());
            for (String reason : decision.reasons()) {
                setAside.merge("risk: " + kind(reason), 1L, Long::sum);
            }
        }
    }

    /** Closes what is still open at the last prices and reports. Call once, after the data ended. */
    public BacktestReport finish() {
        desk.finish();
        List<ClosedTrade> trades = new ArrayList<>(desk.closedTrades());
        trades.sort(Comparator.comparing(ClosedTrade::closedAt).thenComparing(ClosedTrade::signalId));
        long bars = observedBars.size();
        List<StrategyResult> results = new ArrayList<>();
        long allProposed = 0;
        long allApproved = 0;
        Map<String, List<ClosedTrade>> byStrategy = new LinkedHashMap<>();
        names.forEach(name -> byStrategy.put(name, new ArrayList<>()));
        trades.forEach(t -> byStrategy.computeIfAbsent(t.strategy(), s -> new ArrayList<>()).add(t));
        for (Map.Entry<String, List<ClosedTrade>> entry : byStrategy.entrySet()) {
            long signals = proposed.getOrDefault(entry.getKey(), 0L);
            long approved = desk.approved(entry.getKey());
            allProposed += signals;
            allApproved += approved;
            results.add(new StrategyResult(entry.getKey(), PerformanceMetrics.of(signals, approved, entry.getValue(),
                    barsInMarket(entry.getValue()), bars)));
        }
        PerformanceMetrics overall = PerformanceMetrics.of(allProposed, allApproved, trades, barsInMarket(trades), bars);
        return new BacktestReport(results, overall, trades, setAside, EquityCurve.of(trades), bars);
    }

    /** A reason without its figures ("max open positions reached (1 of 1)" → "max open positions reached"), to count. */
    static String kind(String reason) {
        int cut = reason.length();
        for (char c : new char[] {'(', ':'}) {
            int at = reason.indexOf(c);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        return reason.substring(0, cut).trim();
    }

    /** Observed bars lying inside some trade's [opened, closed] span. */
    private long barsInMarket(List<ClosedTrade> trades) {
        long count = 0;
        for (Map.Entry<Long, Long> bar : observedBars.entrySet()) {
            for (ClosedTrade trade : trades) {
                if (trade.openedAt().toEpochMilli() <= bar.getKey() && trade.closedAt().toEpochMilli() >= bar.getValue()) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
