package com.alphacast.core.backtest;

import java.util.List;
import java.util.Map;

/**
 * What a backtest found: per strategy and overall figures, every closed trade, why signals were set aside, and the
 * overall equity curve. A value: the same data and settings give an equal report.
 *
 * @param strategies  per-strategy results, in the order the strategies were asked for
 * @param overall     every strategy together
 * @param trades      every closed trade, in closing order
 * @param setAside    reason → how many signals it set aside (conflict rule and risk check), sorted by reason
 * @param curve       cumulative P&amp;L of all trades
 * @param barsObserved distinct bar intervals in the data
 */
public record BacktestReport(List<StrategyResult> strategies, PerformanceMetrics overall, List<ClosedTrade> trades,
                             Map<String, Long> setAside, EquityCurve curve, long barsObserved) {

    public BacktestReport {
        strategies = List.copyOf(strategies);
        trades = List.copyOf(trades);
        setAside = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(setAside));
    }
}
