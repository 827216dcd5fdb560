package com.alphacast.core.backtest;

/** One strategy's (or, named {@code all}, every strategy's) figures in a backtest. */
public record StrategyResult(String strategy, PerformanceMetrics metrics) {
}
