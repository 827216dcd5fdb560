package com.alphacast.core.book;

import com.alphacast.core.classification.Aggressor;

/**
 * An aggressive order that took liquidity at several price levels within a short window
 * (docs/analytics-conventions.md, "Sweeps").
 *
 * @param symbol      instrument
 * @param side        aggressor side (BUY sweeps lift offers upward, SELL sweeps hit bids downward)
 * @param startMillis first trade of the sweep
 * @param endMillis   last trade of the sweep
 * @param levels      distinct price levels taken
 * @param trades      number of prints
 * @param totalSize   total quantity
 * @param notional    Σ price × quantity
 * @param firstPrice  first print's price
 * @param lastPrice   last (deepest) print's price
 */
public record Sweep(String symbol, Aggressor side, long startMillis, long endMillis, int levels, int trades,
                    double totalSize, double notional, double firstPrice, double lastPrice) {
}
